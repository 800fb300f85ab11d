using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;

namespace LabDashboard.Web.Security;

/// <summary>What registering an address proves: nothing, or (a listed instructor address with the instructor code) that it is the instructor.</summary>
public enum Registration
{
    /// <summary>A student's address with an accepted join code.</summary>
    Student,

    /// <summary>A listed instructor address with the instructor code.</summary>
    Instructor,

    /// <summary>A student's address with a missing or wrong join code.</summary>
    JoinCodeRefused,

    /// <summary>A listed instructor address without the instructor code (or no instructor code is configured).</summary>
    InstructorCodeRefused,
}

/// <summary>
/// Instructor accounts: e-mail addresses are not confirmed, so being listed in <see cref="ClassroomOptions.Instructors"/>
/// is not enough. A listed address registers only with <see cref="ClassroomOptions.InstructorCode"/> (in place of the
/// join code), and that account is marked with <see cref="ClaimType"/>; instructor rights need both the mark and the listing.
/// </summary>
public static class InstructorAccounts
{
    /// <summary>The claim stored on an account registered with the instructor code.</summary>
    public const string ClaimType = "labdashboard:instructor";

    /// <summary>What registering <paramref name="email"/> with <paramref name="code"/> is.</summary>
    public static Registration Check(this ClassroomOptions options, string? email, string? code)
    {
        if (!options.Lists(email)) return options.Admits(code) ? Registration.Student : Registration.JoinCodeRefused;
        return Matches(code, options.InstructorCode) ? Registration.Instructor : Registration.InstructorCodeRefused;
    }

    /// <summary>True when <paramref name="email"/> is one of <see cref="ClassroomOptions.Instructors"/>.</summary>
    public static bool Lists(this ClassroomOptions options, string? email) =>
        email is not null && options.Instructors.Any(i => string.Equals(i.Trim(), email.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>True when <paramref name="user"/> registered with the instructor code.</summary>
    public static bool ProvedInstructor(this ClaimsPrincipal user) => user.HasClaim(ClaimType, bool.TrueString);

    /// <summary>Marks a just-created account as the instructor it proved to be.</summary>
    public static Task<IdentityResult> MarkInstructorAsync(this UserManager<LabUser> users, LabUser user) =>
        users.AddClaimAsync(user, new Claim(ClaimType, bool.TrueString));

    /// <summary>Compares in constant time; a missing configured code matches nothing.</summary>
    internal static bool Matches(string? given, string? configured) =>
        !string.IsNullOrWhiteSpace(configured) && given is not null && CryptographicOperations.FixedTimeEquals(
            Encoding.UTF8.GetBytes(given.Trim()), Encoding.UTF8.GetBytes(configured.Trim()));
}
