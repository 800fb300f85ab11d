using System.Net;

namespace LabDashboard.Web.Security;

/// <summary>
/// The two modes, chosen by where the app listens: on loopback alone nobody signs in (one person's
/// machine); bound to any other address, or with <c>Classroom:Enabled=true</c>, everything but the
/// sign-in pages, static files and <c>/api/auth</c> needs an account.
/// </summary>
public sealed record LabMode(bool Classroom)
{
    /// <summary>Decides from the configuration the server will listen by (<c>urls</c>, <c>Kestrel:Endpoints</c>) and <c>Classroom:Enabled</c>.</summary>
    public static LabMode From(IConfiguration configuration)
    {
        var enabled = configuration.GetValue<bool>($"{ClassroomOptions.Section}:{nameof(ClassroomOptions.Enabled)}");
        return new LabMode(enabled || ListenUrls(configuration).Any(url => !IsLoopback(url)));
    }

    /// <summary>True when <paramref name="url"/> (a Kestrel listen address) only reaches this machine.</summary>
    public static bool IsLoopback(string url)
    {
        BindingAddress address;
        try { address = BindingAddress.Parse(url); }
        catch (FormatException) { return false; }
        // A Unix socket is usually a reverse proxy's way in: treat it as reachable from elsewhere.
        if (address.IsNamedPipe || address.IsUnixPipe) return false;
        var host = address.Host.Trim('[', ']');
        return string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(host, out var ip) && IPAddress.IsLoopback(ip));
    }

    private static IEnumerable<string> ListenUrls(IConfiguration configuration) =>
        (configuration["urls"] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Concat(configuration.GetSection("Kestrel:Endpoints").GetChildren().Select(e => e["Url"]).OfType<string>());
}
