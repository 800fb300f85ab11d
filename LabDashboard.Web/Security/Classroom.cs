using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LabDashboard.Web.Security;

/// <summary>
/// Sign-in for a shared server (<see cref="LabMode.Classroom"/>): ASP.NET Core Identity accounts in
/// their own SQLite file, <c>MapIdentityApi</c> under <see cref="AuthPath"/> for scripts (bearer
/// tokens, also taken from <c>access_token</c> by the hub), cookie sign-in pages for browsers, and a
/// fallback policy that makes everything else need an account. On loopback none of it is registered.
/// </summary>
public static class Classroom
{
    /// <summary>Where <c>MapIdentityApi</c> answers: <c>/api/auth/register</c>, <c>/api/auth/login</c>…</summary>
    public const string AuthPath = "/api/auth";

    /// <summary>The sign-in page (cookie sign-in redirects here with <c>?ReturnUrl=</c>).</summary>
    public const string SignInPage = "/signin";

    /// <summary>The register page.</summary>
    public const string RegisterPage = "/register";

    /// <summary>Adds the mode, the run access rules and, in classroom mode, Identity and authorization.</summary>
    public static WebApplicationBuilder AddClassroom(this WebApplicationBuilder builder, string stateRoot)
    {
        var mode = LabMode.From(builder.Configuration);
        var services = builder.Services;
        services.AddSingleton(mode);
        services.AddOptions<ClassroomOptions>().Bind(builder.Configuration.GetSection(ClassroomOptions.Section))
            // Students know the join code: an equal instructor code would let any of them register a listed address.
            .Validate(o => string.IsNullOrEmpty(o.InstructorCode) || o.InstructorCode != o.JoinCode,
                "Classroom:InstructorCode must differ from Classroom:JoinCode (students know the join code).")
            .ValidateOnStart();
        services.AddRunAccess();
        services.AddSingleton<AccountDirectory>();
        if (!mode.Classroom) return builder;

        Directory.CreateDirectory(stateRoot);
        var file = Path.Combine(stateRoot, LabUsersDb.FileName);
        services.AddDbContext<LabUsersDb>(o => o.UseSqlite($"Data Source={file}"));
        services.AddIdentityApiEndpoints<LabUser>(ConfigureIdentity).AddEntityFrameworkStores<LabUsersDb>();
        // Browsers are sent to the sign-in page; API and hub calls get a bare 401 (ConfigureCookie).
        services.AddAuthentication(o => o.DefaultChallengeScheme = IdentityConstants.ApplicationScheme);
        services.ConfigureApplicationCookie(ConfigureCookie);
        services.Configure<BearerTokenOptions>(IdentityConstants.BearerScheme,
            o => o.Events.OnMessageReceived = HubTokenFromQuery);
        services.AddAuthorization(o => o.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        return builder;
    }

    /// <summary>In classroom mode: creates the accounts file on first start and authenticates every request. Call before antiforgery.</summary>
    public static WebApplication UseClassroom(this WebApplication app)
    {
        if (!app.Services.GetRequiredService<LabMode>().Classroom) return app;
        using (var scope = app.Services.CreateScope())
            scope.ServiceProvider.GetRequiredService<LabUsersDb>().Database.EnsureCreated();
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }

    /// <summary>In classroom mode: <c>MapIdentityApi</c> under <see cref="AuthPath"/> (its register endpoint asks for the join code) and the sign-in forms' endpoints.</summary>
    public static WebApplication MapClassroom(this WebApplication app)
    {
        if (!app.Services.GetRequiredService<LabMode>().Classroom) return app;
        var auth = app.MapGroup(AuthPath).WithTags("Auth").MapIdentityApi<LabUser>();
        auth.AddEndpointFilter(RequireJoinCodeToRegister);
        // Register, login, refresh… are for people without an account; /manage keeps its own RequireAuthorization.
        auth.Add(endpoint =>
        {
            if (endpoint is RouteEndpointBuilder { RoutePattern.RawText: { } route } && !route.Contains("/manage", StringComparison.OrdinalIgnoreCase))
                endpoint.Metadata.Add(new AllowAnonymousAttribute());
        });
        app.MapAccountForms();
        return app;
    }

    /// <summary>True when registering needs no code, or <paramref name="code"/> is the configured one.</summary>
    public static bool Admits(this ClassroomOptions options, string? code) =>
        string.IsNullOrEmpty(options.JoinCode) || InstructorAccounts.Matches(code, options.JoinCode);

    private static void ConfigureIdentity(IdentityOptions o)
    {
        // A class's accounts: a long password is asked for, not a mix of character kinds.
        o.Password.RequiredLength = 8;
        o.Password.RequireDigit = false;
        o.Password.RequireLowercase = false;
        o.Password.RequireUppercase = false;
        o.Password.RequireNonAlphanumeric = false;
        o.User.RequireUniqueEmail = true;
    }

    private static void ConfigureCookie(CookieAuthenticationOptions o)
    {
        o.LoginPath = SignInPage;
        o.AccessDeniedPath = SignInPage;
        o.Cookie.Name = "LabDashboard.Account";
        o.Cookie.SameSite = SameSiteMode.Lax;
        o.Events.OnRedirectToLogin = context => AnswerOrRedirect(context, StatusCodes.Status401Unauthorized);
        o.Events.OnRedirectToAccessDenied = context => AnswerOrRedirect(context, StatusCodes.Status403Forbidden);
    }

    private static Task AnswerOrRedirect(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (IsPage(context.Request)) context.Response.Redirect(context.RedirectUri);
        else context.Response.StatusCode = status;
        return Task.CompletedTask;
    }

    /// <summary>A browser asking for a page (not the API, the hubs or Blazor's connection), so a redirect to sign in helps.</summary>
    private static bool IsPage(HttpRequest request) =>
        HttpMethods.IsGet(request.Method)
        && !request.Path.StartsWithSegments("/api") && !request.Path.StartsWithSegments("/hubs") && !request.Path.StartsWithSegments("/_blazor")
        && request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase);

    // Browsers cannot put headers on a WebSocket or an EventSource, so SignalR clients send the token in the query.
    private static Task HubTokenFromQuery(Microsoft.AspNetCore.Authentication.BearerToken.MessageReceivedContext context)
    {
        if (context.Request.Path.StartsWithSegments(Hubs.TrainingHub.Path) && context.Request.Query["access_token"].ToString() is { Length: > 0 } token)
            context.Token = token;
        return Task.CompletedTask;
    }

    private static async ValueTask<object?> RequireJoinCodeToRegister(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (!http.Request.Path.Equals(AuthPath + "/register", StringComparison.OrdinalIgnoreCase)) return await next(context);
        var options = http.RequestServices.GetRequiredService<IOptionsMonitor<ClassroomOptions>>().CurrentValue;
        var code = http.Request.Query["joinCode"].ToString();
        var email = context.Arguments.OfType<RegisterRequest>().FirstOrDefault()?.Email;
        switch (options.Check(email, code))
        {
            case Registration.Student:
                return await next(context);
            case Registration.Instructor:
                var result = await next(context);
                if (result is INestedHttpResult { Result: Ok }) await MarkInstructorAsync(http.RequestServices, email!);
                return result;
            case Registration.InstructorCodeRefused:
                return TypedResults.Problem("This e-mail is one of the class's instructors: registering it needs the instructor code (Classroom:InstructorCode) in place of the join code, ?joinCode=….",
                    statusCode: StatusCodes.Status403Forbidden, title: "Instructor code needed");
            default:
                return string.IsNullOrEmpty(code)
                    ? Api.ApiProblems.Invalid("joinCode", "This class needs a join code to register: POST /api/auth/register?joinCode=… (ask the instructor).")
                    : TypedResults.Problem("The join code is not this class's.", statusCode: StatusCodes.Status403Forbidden, title: "Wrong join code");
        }
    }

    private static async Task MarkInstructorAsync(IServiceProvider services, string email)
    {
        var users = services.GetRequiredService<UserManager<LabUser>>();
        if (await users.FindByEmailAsync(email) is { } user) await users.MarkInstructorAsync(user);
    }
}
