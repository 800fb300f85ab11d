using System.Text.Json;
using LabDashboard.Engine.Problems;
using LabDashboard.Engine.Runs;
using LabDashboard.Engine.Runs.Artifacts;
using LabDashboard.Engine.Runs.Storage;
using LabDashboard.Engine.Settings;

namespace LabDashboard.Engine.Cluster;

/// <summary>
/// The web role's <see cref="IRunService"/> in a lab cluster: settings are checked here, the run is
/// started, steered and watched through its <see cref="IRunGrain"/> on a worker silo, and lists and
/// records are read from the shared PostgreSQL history, whose notifications are the status feed of
/// every worker (<see cref="WatchStatuses"/>); images are read from the artifacts the workers stored in the same database.
/// </summary>
internal sealed class ClusterRunService(IGrainFactory grains, ProblemCatalog catalog, LabPaths paths, PostgresRunStore history, IRunArtifactStore artifacts)
    : IRunService
{
    private readonly RunImages _images = new(artifacts);

    public ProblemCatalog Catalog => catalog;

    public async Task<string> StartAsync(string problemId, JsonElement? settings, string owner)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(owner);
        var problem = catalog.Find(problemId) ?? throw new UnknownProblemException(problemId);
        SettingsBinder.Bind(problem.Descriptor.Settings, settings, new SettingCheckContext(paths, owner));
        var runId = RunService.NewRunId();
        // This call activates the grain, so it is the one that tells the placement director the kind wanted.
        await WantedDevice.With(problem.Descriptor.PreferredDevice, () => Grain(runId).Start(problemId, settings?.GetRawText(), owner))
            .ConfigureAwait(false);
        return runId;
    }

    public Task<bool> CancelAsync(string runId) => Grain(runId).Cancel();

    public Task<bool> PauseAsync(string runId) => Grain(runId).Pause();

    public Task<bool> ResumeAsync(string runId) => Grain(runId).Resume();

    public IAsyncEnumerable<RunEvent> Watch(string runId, long afterSeq, IReadOnlyCollection<string>? kinds, CancellationToken cancellationToken)
    {
        if (!history.Exists(runId)) throw new UnknownRunException(runId);
        return ClusterRunWatch.Read(Grain(runId), history, runId, afterSeq, kinds?.ToArray(), cancellationToken);
    }

    public IAsyncEnumerable<RunEvent> WatchStatuses(CancellationToken cancellationToken) => history.WatchStatuses(cancellationToken);

    public bool Exists(string runId) => history.Exists(runId);

    public IReadOnlyList<RunSummary> List(RunQuery query) => history.List(query).Select(r => StoredRunViews.Summary(r, catalog)).ToList();

    public RunRecord? Get(string runId, int epochLimit)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(epochLimit);
        return history.Find(runId) is { } run
            ? StoredRunViews.Record(run, history.Events(runId, 0, [RunEventKinds.Epoch], RunService.OneMore(epochLimit)), catalog, epochLimit)
            : null;
    }

    public RunEventPage? EventPage(string runId, long afterSeq, int limit)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        if (history.Find(runId) is not { } run) return null;
        var events = history.Events(runId, afterSeq, limit: RunService.OneMore(limit));
        return new RunEventPage(StoredRunViews.Summary(run, catalog), events.Take(limit).ToList(), events.Count > limit);
    }

    public RunSummary? Summary(string runId) => history.Find(runId) is { } run ? StoredRunViews.Summary(run, catalog) : null;

    public async Task<RunSummary?> RelabelAsync(string runId, RunLabel label) =>
        history.Exists(runId) && await Grain(runId).Relabel(label.Name, label.Notes, [.. label.Tags]).ConfigureAwait(false) ? Summary(runId) : null;

    public async Task<bool> DeleteAsync(string runId) => history.Exists(runId) && await Grain(runId).Delete().ConfigureAwait(false);

    public (byte[] Bytes, string Mime)? GetImage(string runId, string name, int epoch) => _images.Read(runId, name, epoch);

    private IRunGrain Grain(string runId) => grains.GetGrain<IRunGrain>(runId);
}
