using Microsoft.Extensions.Options;

namespace LabDashboard.Web.Security;

/// <summary>
/// Whether a request may act on the app, judged by its <c>Origin</c> header: browsers send it on every
/// POST, DELETE and WebSocket upgrade (and on fetches in CORS mode), so a page from another site is
/// recognised by it. No Origin means no browser page (a script, curl, the .NET SignalR client): allowed.
/// </summary>
public sealed class OriginPolicy(IOptionsMonitor<SecurityOptions> options)
{
    /// <summary>True when the request names no origin, the app's own (its scheme and Host) or one of <see cref="SecurityOptions.AllowedOrigins"/>.</summary>
    public bool Allows(HttpRequest request)
    {
        var origin = request.Headers.Origin;
        if (origin.Count == 0 || (origin.Count == 1 && string.IsNullOrEmpty(origin[0]))) return true;
        if (origin.Count > 1 || !TryParse(origin[0], out var from)) return false;
        if (TryParse($"{request.Scheme}://{request.Host.Value}", out var own) && SameOrigin(from, own)) return true;
        return options.CurrentValue.AllowedOrigins.Any(allowed => TryParse(allowed, out var uri) && SameOrigin(from, uri));
    }

    private static bool TryParse(string? text, out Uri uri) =>
        Uri.TryCreate(text?.Trim(), UriKind.Absolute, out uri!) && uri.Scheme is "http" or "https";

    private static bool SameOrigin(Uri a, Uri b) =>
        Uri.Compare(a, b, UriComponents.SchemeAndServer, UriFormat.UriEscaped, StringComparison.OrdinalIgnoreCase) == 0;
}
