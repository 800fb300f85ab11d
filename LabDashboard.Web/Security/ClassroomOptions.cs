namespace LabDashboard.Web.Security;

/// <summary>The <c>Classroom</c> configuration section: sign-in for a shared server.</summary>
public sealed class ClassroomOptions
{
    /// <summary>The section's name.</summary>
    public const string Section = "Classroom";

    /// <summary>Requires sign-in even on loopback (it is required anyway when the app listens on any other address).</summary>
    public bool Enabled { get; set; }

    /// <summary>When set, registering an account needs this code (the form's field, or <c>?joinCode=</c> on <c>POST /api/auth/register</c>).</summary>
    public string? JoinCode { get; set; }

    /// <summary>E-mail addresses of the accounts that see and control every run (<c>Classroom__Instructors__0=…</c>), when registered with <see cref="InstructorCode"/>.</summary>
    public List<string> Instructors { get; set; } = [];

    /// <summary>The secret a listed instructor address registers with, in place of the join code; without it a listed address cannot register.</summary>
    public string? InstructorCode { get; set; }
}
