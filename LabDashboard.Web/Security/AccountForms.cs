using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace LabDashboard.Web.Security;

/// <summary>
/// What the sign-in and register pages post to (plain forms with an antiforgery token): cookie
/// sign-in needs a real HTTP response, which an interactive circuit does not have. Failures go back to
/// the page with <c>?error=</c> (a code the page words in the reader's language).
/// </summary>
public static class AccountForms
{
    /// <summary>The form posts' paths.</summary>
    public const string SignInPath = "/account/signin", RegisterPath = "/account/register", SignOutPath = "/account/signout";

    /// <summary>A sign-in or register form.</summary>
    public sealed class AccountForm
    {
        public string? Email { get; set; }
        public string? Password { get; set; }
        public string? JoinCode { get; set; }
        public string? ReturnUrl { get; set; }
    }

    /// <summary>Error codes besides Identity's own (e.g. <c>DuplicateEmail</c>, <c>PasswordTooShort</c>).</summary>
    public const string Failed = "Failed", LockedOut = "LockedOut", JoinCodeWrong = "JoinCode", InstructorCodeWrong = "InstructorCode";

    internal static IEndpointRouteBuilder MapAccountForms(this IEndpointRouteBuilder app)
    {
        app.MapPost(SignInPath, SignInAsync).AllowAnonymous();
        app.MapPost(RegisterPath, RegisterAsync).AllowAnonymous();
        app.MapPost(SignOutPath, async (SignInManager<LabUser> signIn) =>
        {
            await signIn.SignOutAsync();
            return Results.LocalRedirect(Classroom.SignInPage);
        });
        return app;
    }

    private static async Task<IResult> SignInAsync([FromForm] AccountForm form, SignInManager<LabUser> signIn)
    {
        var result = await signIn.PasswordSignInAsync(form.Email ?? "", form.Password ?? "", isPersistent: true, lockoutOnFailure: true);
        if (result.Succeeded) return Results.LocalRedirect(LocalUrl.OrHome(form.ReturnUrl));
        return Back(Classroom.SignInPage, result.IsLockedOut ? LockedOut : Failed, form);
    }

    private static async Task<IResult> RegisterAsync([FromForm] AccountForm form, UserManager<LabUser> users, SignInManager<LabUser> signIn, IOptionsMonitor<ClassroomOptions> options)
    {
        var email = form.Email?.Trim() ?? "";
        var registration = options.CurrentValue.Check(email, form.JoinCode);
        if (registration == Registration.JoinCodeRefused) return Back(Classroom.RegisterPage, JoinCodeWrong, form);
        if (registration == Registration.InstructorCodeRefused) return Back(Classroom.RegisterPage, InstructorCodeWrong, form);
        var user = new LabUser { UserName = email, Email = email };
        var created = await users.CreateAsync(user, form.Password ?? "");
        if (!created.Succeeded) return Back(Classroom.RegisterPage, created.Errors.First().Code, form);
        if (registration == Registration.Instructor) await users.MarkInstructorAsync(user);
        await signIn.SignInAsync(user, isPersistent: true);
        return Results.LocalRedirect(LocalUrl.OrHome(form.ReturnUrl));
    }

    private static IResult Back(string page, string error, AccountForm form) =>
        Results.LocalRedirect($"{page}?error={Uri.EscapeDataString(error)}&email={Uri.EscapeDataString(form.Email ?? "")}"
            + (string.IsNullOrEmpty(form.ReturnUrl) ? "" : $"&returnUrl={Uri.EscapeDataString(form.ReturnUrl)}"));
}
