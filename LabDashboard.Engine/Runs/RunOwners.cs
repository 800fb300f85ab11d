namespace LabDashboard.Engine.Runs;

/// <summary>Who a run belongs to: a signed-in user's id, or <see cref="Local"/>.</summary>
public static class RunOwners
{
    /// <summary>The owner of runs started where nobody signs in (a loopback server), and of runs stored before owners existed.</summary>
    public const string Local = "local";
}
