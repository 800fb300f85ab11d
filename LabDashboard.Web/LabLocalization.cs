using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace LabDashboard.Web;

/// <summary>English and Korean UI text: the browser's language, or the one picked in the UI (a cookie).</summary>
public static class LabLocalization
{
    public static readonly string[] Cultures = ["en", "ko"];

    public static IServiceCollection AddLabLocalization(this IServiceCollection services)
    {
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.AddTransient<EngineLocalizer>();
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.SetDefaultCulture(Cultures[0]).AddSupportedCultures(Cultures).AddSupportedUICultures(Cultures);
            o.FallBackToParentCultures = true;
            o.FallBackToParentUICultures = true;
        });
        return services;
    }

    public static WebApplication UseLabLocalization(this WebApplication app)
    {
        app.UseRequestLocalization();
        return app;
    }

    /// <summary><c>GET /culture/{culture}?redirectUri=…</c> stores the choice in a cookie and goes back.</summary>
    public static IEndpointRouteBuilder MapCultureApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/culture/{culture}", (string culture, string? redirectUri, HttpContext http) =>
        {
            if (!Cultures.Contains(culture)) return Results.NotFound();
            http.Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax });
            return Results.LocalRedirect(Security.LocalUrl.OrHome(redirectUri));
        });
        return app;
    }

    /// <summary>The two-letter UI language now in force.</summary>
    public static string Current => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
}
