using System.Runtime.CompilerServices;
using System.Text.Json;
using LabDashboard.Engine.Problems;
using LabDashboard.Engine.Runs;
using LabDashboard.Engine.Settings;

namespace LabDashboard.Tests.Components;

/// <summary>A run service for component tests: records calls, validates settings with the real binder, publishes what a test pushes.</summary>
internal sealed class FakeRunService : IRunService
{
    private readonly List<Action<RunEvent>> _subscribers = [];
    private int _nextId;

    public FakeRunService(params ProblemDescriptor[] problems) =>
        Catalog = new ProblemCatalog(problems.Select(d => (IProblem)new DescribedProblem(d)));

    public ProblemCatalog Catalog { get; }
    public List<(string ProblemId, JsonElement? Settings)> Started { get; } = [];
    public List<string> Calls { get; } = [];
    public List<RunRecord> Records { get; } = [];

    public string Start(string problemId, JsonElement? settings)
    {
        var problem = Catalog.Find(problemId) ?? throw new UnknownProblemException(problemId);
        SettingsBinder.Bind(problem.Descriptor.Settings, settings);
        Started.Add((problemId, settings?.Clone()));
        return $"run-{++_nextId}";
    }

    public bool Cancel(string runId) => Record($"cancel {runId}");
    public bool Pause(string runId) => Record($"pause {runId}");
    public bool Resume(string runId) => Record($"resume {runId}");

    public async IAsyncEnumerable<RunEvent> Watch(string runId, long afterSeq, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.CompletedTask;
        yield break;
    }

    public IDisposable Subscribe(Action<RunEvent> onEvent)
    {
        lock (_subscribers) _subscribers.Add(onEvent);
        return new Unsubscriber(() => { lock (_subscribers) _subscribers.Remove(onEvent); });
    }

    public void Publish(RunEvent e)
    {
        Action<RunEvent>[] subscribers;
        lock (_subscribers) subscribers = [.. _subscribers];
        foreach (var s in subscribers) s(e);
    }

    public IReadOnlyList<RunSummary> List(string? problemId = null) =>
        Records.Select(r => r.Summary).Where(s => problemId is null || s.ProblemId == problemId).ToList();

    public RunRecord? Get(string runId) => Records.FirstOrDefault(r => r.Summary.RunId == runId);
    public bool Delete(string runId) => Records.RemoveAll(r => r.Summary.RunId == runId) > 0;
    public (byte[] Bytes, string Mime)? GetImage(string runId, string name, int epoch) => null;

    private bool Record(string call)
    {
        Calls.Add(call);
        return true;
    }

    private sealed class DescribedProblem(ProblemDescriptor descriptor) : IProblem
    {
        public ProblemDescriptor Descriptor { get; } = descriptor;
        public void Run(RunContext context) => throw new NotSupportedException();
    }

    private sealed class Unsubscriber(Action dispose) : IDisposable
    {
        public void Dispose() => dispose();
    }
}
