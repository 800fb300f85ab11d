namespace LabDashboard.Web.Security;

/// <summary>Where to send a browser back to after a form or a switch: only paths on this site, so a crafted link cannot redirect away.</summary>
public static class LocalUrl
{
    /// <summary><paramref name="url"/> when it is a path on this site, else the home page.</summary>
    public static string OrHome(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//") && !url.StartsWith("/\\") ? url : "/";
}
