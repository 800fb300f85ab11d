using LabDashboard.Engine.Problems;
using LabDashboard.Engine.Runs.Artifacts;
using LabDashboard.Engine.Settings;

namespace LabDashboard.Engine.Runs;

/// <summary>Checks a submission against its owner's <see cref="QuotaOptions"/>; the caller holds one lock around the check and the run's admission.</summary>
internal sealed class RunQuotas(QuotaOptions options, IRunArtifactStore artifacts, ProblemCatalog catalog)
{
    /// <summary>Throws <see cref="QuotaExceededException"/> naming the first limit the new run would pass.</summary>
    /// <param name="owner">Who submits.</param>
    /// <param name="problem">The new run's problem.</param>
    /// <param name="settings">The new run's bound settings.</param>
    /// <param name="live">The owner's live runs.</param>
    /// <param name="runsOnDisk">The owner's runs (live and stored): id and problem, read only when the disk limit is checked.</param>
    public void Check(string owner, IProblem problem, RunSettings settings, IReadOnlyCollection<LiveRun> live, Func<IEnumerable<(string RunId, string ProblemId)>> runsOnDisk)
    {
        if (owner == RunOwners.Local && !options.LimitLocal) return;
        if (live.Count + 1 > options.MaxQueuedRunsPerUser)
            throw Exceeded(nameof(QuotaOptions.MaxQueuedRunsPerUser),
                $"You have {live.Count} runs queued, running or paused, the most one user may have ({options.MaxQueuedRunsPerUser}); wait for one to finish or cancel one.");
        var budget = live.Sum(r => Length(r.Problem, r.Settings)) + Length(problem, settings);
        if (budget > options.MaxEpochBudgetPerUser)
            throw Exceeded(nameof(QuotaOptions.MaxEpochBudgetPerUser),
                $"Your live runs and this one ask for {budget} epochs/steps in all, more than one user may ({options.MaxEpochBudgetPerUser}); ask for fewer or wait.");
        var megabytes = runsOnDisk().Sum(r => DiskBytes(r.RunId, r.ProblemId)) / (1024.0 * 1024);
        if (megabytes >= options.MaxDiskPerUserMb)
            throw Exceeded(nameof(QuotaOptions.MaxDiskPerUserMb),
                $"Your runs hold {megabytes:F0} MB on disk, the most one user may ({options.MaxDiskPerUserMb} MB); delete old runs first.");
    }

    /// <summary>A run's length in its problem's progress units (epochs or steps), 1 when the problem has none.</summary>
    public static long Length(IProblem problem, RunSettings settings) =>
        problem.Descriptor.ProgressSetting is { } name && settings.Values.TryGetValue(name, out var value) && value is int units ? units : 1;

    /// <summary>What the run keeps in the artifact store (on disk, or in a cluster's database).</summary>
    private long DiskBytes(string runId, string problemId) => ArtifactFolders(runId, catalog.Find(problemId)).Sum(artifacts.Size);

    /// <summary>The artifact folders of a run: its images and its folder in each of its problem's <see cref="ProblemDescriptor.RunFolders"/>.</summary>
    public static IEnumerable<string> ArtifactFolders(string runId, IProblem? problem) =>
        (problem?.Descriptor.RunFolders ?? []).Select(f => ArtifactPaths.RunFolder(f, runId)).Prepend(RunImages.Folder(runId));

    private static QuotaExceededException Exceeded(string limit, string message) => new($"{QuotaOptions.Section}:{limit}", message);
}
