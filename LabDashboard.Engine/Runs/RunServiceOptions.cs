namespace LabDashboard.Engine.Runs;

/// <summary>Tuning knobs of the run service (tests shorten or lengthen them).</summary>
internal sealed record RunServiceOptions
{
    /// <summary>At most one <c>batch</c> event per run per interval reaches history and watchers.</summary>
    public TimeSpan BatchInterval { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>How long shutdown waits for live runs to stop before marking them interrupted anyway.</summary>
    public TimeSpan ShutdownGrace { get; init; } = TimeSpan.FromSeconds(10);
}
