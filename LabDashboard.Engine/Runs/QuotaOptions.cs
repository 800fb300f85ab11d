namespace LabDashboard.Engine.Runs;

/// <summary>
/// What one user may ask of a shared server (configuration section <c>Quotas</c>), checked when a
/// run is submitted. The owner <see cref="RunOwners.Local"/> (loopback use, nobody signed in) is
/// not limited unless <see cref="LimitLocal"/>. The defaults let a student answer the exam (eight runs)
/// and start any one run at its largest settings.
/// </summary>
public sealed class QuotaOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string Section = "Quotas";

    /// <summary>Live runs (queued, running or paused) one user may have at a time.</summary>
    public int MaxQueuedRunsPerUser { get; set; } = 10;

    /// <summary>
    /// The sum of the live runs' lengths one user may have at a time, each run counted in its
    /// problem's <see cref="Problems.ProblemDescriptor.ProgressSetting"/> units (epochs or steps; 1 for
    /// a problem without one). A count of work asked for, not a time.
    /// </summary>
    public long MaxEpochBudgetPerUser { get; set; } = 250_000;

    /// <summary>Megabytes one user's runs may hold on disk (images, saved models, galleries) before a new run is refused.</summary>
    public long MaxDiskPerUserMb { get; set; } = 1024;

    /// <summary>True to hold the local owner to the same limits.</summary>
    public bool LimitLocal { get; set; }
}
