namespace LabDashboard.Engine.Runs;

/// <summary>How the run service shares the device and paces runs (configuration section <c>Runs</c>; tests shorten or lengthen them).</summary>
public sealed record RunServiceOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string Section = "Runs";

    /// <summary>At most one <c>batch</c> event per run per interval reaches history and watchers.</summary>
    public TimeSpan BatchInterval { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>How long shutdown waits for live runs to stop before marking them interrupted anyway.</summary>
    public TimeSpan ShutdownGrace { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// A training run paused this long gives the device to the next run in the queue; when resumed it
    /// waits in the queue for the device again and continues where it stopped.
    /// </summary>
    public TimeSpan PauseReleaseAfter { get; init; } = TimeSpan.FromMinutes(3);

    /// <summary>
    /// Images one run may keep. Past it the run's most repeated image (e.g. the GAN's grid) is
    /// thinned, every other epoch dropped, the latest kept; a run whose problem estimates more
    /// (<see cref="Problems.ProblemDescriptor.Images"/>) is refused when submitted.
    /// </summary>
    public int MaxImagesPerRun { get; init; } = 2000;
}
