using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading.Channels;
using LabDashboard.Engine.Problems;
using LabDashboard.Engine.Runs;
using LabDashboard.Engine.Settings;
using LabDashboard.Web.Security;
using Microsoft.Extensions.DependencyInjection;

namespace LabDashboard.Tests.Components;

/// <summary>
/// A run service for component tests: records calls, validates settings with the real binder,
/// streams what a test publishes (to watchers of that run, and status kinds to status watchers)
/// and counts the streams opened.
/// </summary>
internal sealed class FakeRunService : IRunService
{
    private readonly List<(string? RunId, Channel<RunEvent> Channel)> _watchers = [];
    private int _nextId;

    public FakeRunService(params ProblemDescriptor[] problems) =>
        Catalog = new ProblemCatalog(problems.Select(d => (IProblem)new DescribedProblem(d)));

    public ProblemCatalog Catalog { get; }
    public List<(string ProblemId, JsonElement? Settings)> Started { get; } = [];
    public List<string> Calls { get; } = [];
    public List<RunRecord> Records { get; } = [];

    public Task<string> StartAsync(string problemId, JsonElement? settings, string owner)
    {
        try
        {
            return Task.FromResult(Start(problemId, settings));
        }
        catch (Exception e)
        {
            return Task.FromException<string>(e);
        }
    }

    private string Start(string problemId, JsonElement? settings)
    {
        var problem = Catalog.Find(problemId) ?? throw new UnknownProblemException(problemId);
        SettingsBinder.Bind(problem.Descriptor.Settings, settings);
        Started.Add((problemId, settings?.Clone()));
        return $"run-{++_nextId}";
    }

    public Task<bool> CancelAsync(string runId) => Record($"cancel {runId}");
    public Task<bool> PauseAsync(string runId) => Record($"pause {runId}");
    public Task<bool> ResumeAsync(string runId) => Record($"resume {runId}");

    /// <summary>Run ids of every <see cref="Watch"/> opened, in order.</summary>
    public List<string> WatchesOpened { get; } = [];

    public IAsyncEnumerable<RunEvent> Watch(string runId, long afterSeq, IReadOnlyCollection<string>? kinds, CancellationToken cancellationToken)
    {
        lock (_watchers) WatchesOpened.Add(runId);
        return Read(runId, e => e.Seq > afterSeq && (kinds is null || kinds.Contains(e.Kind)), cancellationToken);
    }

    public IAsyncEnumerable<RunEvent> WatchStatuses(CancellationToken cancellationToken) =>
        Read(null, e => RunStates.StatusKinds.Contains(e.Kind), cancellationToken);

    public bool Exists(string runId) => this.Get(runId) is not null;

    /// <summary>Sends an event to the open streams that want it.</summary>
    public void Publish(RunEvent e)
    {
        lock (_watchers)
            foreach (var (runId, channel) in _watchers)
                if (runId is null || runId == e.RunId) channel.Writer.TryWrite(e);
    }

    /// <summary>How many streams (run and status) are open now.</summary>
    public int OpenStreams
    {
        get { lock (_watchers) return _watchers.Count; }
    }

    private async IAsyncEnumerable<RunEvent> Read(string? runId, Func<RunEvent, bool> wanted, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var entry = (runId, Channel.CreateUnbounded<RunEvent>());
        lock (_watchers) _watchers.Add(entry);
        try
        {
            await foreach (var e in entry.Item2.Reader.ReadAllAsync(cancellationToken))
                if (wanted(e)) yield return e;
        }
        finally
        {
            lock (_watchers) _watchers.Remove(entry);
        }
    }

    /// <summary>As the real service: summaries carry their run's settings.</summary>
    public IReadOnlyList<RunSummary> List(RunQuery query) =>
        Records.Select(WithSettings).Where(query.Matches).Take(query.Limit).ToList();

    public RunSummary? Summary(string runId) => this.Get(runId) is { } record ? WithSettings(record) : null;
    private static RunSummary WithSettings(RunRecord record) => record.Summary with { Settings = record.Settings };
    public RunRecord? Get(string runId, int epochLimit) => Records.FirstOrDefault(r => r.Summary.RunId == runId) is { } run
        ? run with { EpochEvents = run.EpochEvents.Take(epochLimit).ToList(), More = run.EpochEvents.Count > epochLimit }
        : null;
    public RunEventPage? EventPage(string runId, long afterSeq, int limit) =>
        this.Get(runId) is { } run ? new RunEventPage(run.Summary, run.EpochEvents.Where(e => e.Seq > afterSeq).Take(limit).ToList(), false) : null;
    public Task<bool> DeleteAsync(string runId) => Task.FromResult(Records.RemoveAll(r => r.Summary.RunId == runId) > 0);

    public Task<RunSummary?> RelabelAsync(string runId, RunLabel label)
    {
        var index = Records.FindIndex(r => r.Summary.RunId == runId);
        if (index < 0) return Task.FromResult<RunSummary?>(null);
        Records[index] = Records[index] with { Summary = Records[index].Summary with { Label = label } };
        return Task.FromResult<RunSummary?>(WithSettings(Records[index]));
    }

    public (byte[] Bytes, string Mime)? GetImage(string runId, string name, int epoch) => null;

    private Task<bool> Record(string call)
    {
        Calls.Add(call);
        return Task.FromResult(true);
    }

    private sealed class DescribedProblem(ProblemDescriptor descriptor) : IProblem
    {
        public ProblemDescriptor Descriptor { get; } = descriptor;
        public void Run(RunContext context) => throw new NotSupportedException();
    }
}

/// <summary>A <see cref="FakeRunService"/> as the components see it on a loopback server.</summary>
internal static class FakeRunServiceUsers
{
    public static UserRuns AsLocalUser(this FakeRunService runs) =>
        new ServiceCollection()
            .AddSingleton<IRunService>(runs)
            .AddSingleton(new LabMode(Classroom: false))
            .AddOptions()
            .AddRunAccess()
            .BuildServiceProvider()
            .GetRequiredService<RunAccess>()
            .For(null);
}
