using Microsoft.AspNetCore.HostFiltering;

namespace LabDashboard.Web.Security;

/// <summary>
/// What protects the app before sign-in exists: Host names limited to <c>AllowedHosts</c> (loopback
/// names by default, against DNS rebinding), requests from other sites' pages refused
/// (<see cref="OriginPolicy"/>), and headers that keep browsers from sniffing types, framing the app
/// or leaking its URLs to other sites.
/// </summary>
public static class LabSecurity
{
    /// <summary>The Host names accepted when <c>AllowedHosts</c> is not configured.</summary>
    public const string LoopbackHosts = "localhost;127.0.0.1;[::1]";

    /// <summary>Registers the options, the origin policy and the Host filter's default.</summary>
    public static WebApplicationBuilder AddLabSecurity(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<SecurityOptions>(builder.Configuration.GetSection(SecurityOptions.Section));
        builder.Services.AddSingleton<OriginPolicy>();
        var hosts = builder.Configuration["AllowedHosts"];
        builder.Services.Configure<HostFilteringOptions>(o =>
            o.AllowedHosts = (string.IsNullOrWhiteSpace(hosts) ? LoopbackHosts : hosts).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return builder;
    }

    /// <summary>Adds the security headers and the origin check; call first in the pipeline.</summary>
    public static WebApplication UseLabSecurity(this WebApplication app)
    {
        app.Use(AddHeaders);
        app.UseMiddleware<OriginCheck>();
        return app;
    }

    private static Task AddHeaders(HttpContext context, RequestDelegate next)
    {
        // On starting, so the headers survive the exception handler clearing the response.
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.ContentSecurityPolicy = "frame-ancestors 'self'";
            headers.XFrameOptions = "SAMEORIGIN";
            // same-origin, not no-referrer: browsers then still send the page's Origin on its own form posts.
            headers["Referrer-Policy"] = "same-origin";
            return Task.CompletedTask;
        });
        return next(context);
    }
}
