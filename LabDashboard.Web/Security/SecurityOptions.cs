namespace LabDashboard.Web.Security;

/// <summary>The <c>Security</c> configuration section.</summary>
public sealed class SecurityOptions
{
    /// <summary>The section's name.</summary>
    public const string Section = "Security";

    /// <summary>
    /// Origins (<c>scheme://host[:port]</c>) besides the app's own whose pages may use it, e.g. the
    /// public address of a reverse proxy: <c>Security__AllowedOrigins__0=https://lab.example.edu</c>.
    /// </summary>
    public List<string> AllowedOrigins { get; set; } = [];
}
