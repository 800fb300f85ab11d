using System.Text.Json;
using LabDashboard.Engine.Cluster;
using LabDashboard.Engine.Devices;
using LabDashboard.Engine.Problems;
using LabDashboard.Engine.Runs;
using LabDashboard.Tests.Engine.Runs;
using LabDashboard.Tests.Engine.Runs.Storage;

namespace LabDashboard.Tests.Engine.Cluster;

/// <summary>
/// The engine's side of moving a waiting run between two workers of a lab cluster: two run services
/// (workers <c>a</c> and <c>b</c>) over one PostgreSQL history, without Orleans.
/// </summary>
public sealed class RunHandoverTests : IDisposable
{
    private static readonly JsonElement TwoSteps = JsonDocument.Parse("""{"steps": 2}""").RootElement;
    private readonly PostgresTestSchema _schema = new();
    private readonly TempFolder _state = new();
    private readonly GatedProblem _problem = new();
    private readonly RunService _a;
    private readonly RunService _b;

    public RunHandoverTests()
    {
        _a = Worker("a");
        _b = Worker("b");
    }

    [SkippableFact]
    public async Task A_waiting_run_handed_over_runs_on_the_other_worker_under_its_id_with_one_history()
    {
        var first = await _a.StartAsync("gated", TwoSteps, "ada");
        var waiting = await _a.StartAsync("gated", TwoSteps, "bob");
        await _a.RelabelAsync(waiting, new RunLabel("moved", "", ["x"]));
        await using var watcherOnA = new EventReader(_a.Watch(waiting, 0, CancellationToken.None));
        Assert.Equal(1, (await watcherOnA.UntilKind("queued")).QueuePosition);

        Assert.False(_a.TryHandOver(first));
        Assert.True(_a.TryHandOver(waiting));
        Assert.True(await watcherOnA.Ended());
        Assert.False(_b.TryTakeOver(waiting));
        Assert.True(await new PostgresRunHandovers(new PostgresRunDatabase(_schema.ConnectionString)).HandOver(waiting, "a", "b", "cpu"));
        Assert.True(_b.TryTakeOver(waiting));
        _problem.Release(4);

        var events = await ToEnd(_b, waiting);
        Assert.Equal(Enumerable.Range(1, events.Count).Select(i => (long)i), events.Select(e => e.Seq));
        Assert.Equal(["queued", "log", "queued", "started"], events.Take(4).Select(e => e.Kind));
        Assert.Equal("Moved to worker b, which had a free device.", events[1].Message);
        Assert.Equal(RunOutcome.Completed, events[^1].Outcome);
        Assert.Equal(RunOutcome.Completed, (await ToEnd(_a, first))[^1].Outcome);
        var summary = _a.Summary(waiting)!;
        Assert.Equal(("b", "bob", "moved"), (summary.Worker, summary.Owner, summary.Label.Name));
    }

    [SkippableFact]
    public async Task Only_a_run_that_waits_is_let_go_and_only_a_queued_run_the_history_hands_over_is_taken_up()
    {
        var running = await _a.StartAsync("gated", TwoSteps, "ada");
        var waiting = await _a.StartAsync("gated", TwoSteps, "ada");

        Assert.False(_a.TryHandOver(running));
        Assert.False(_a.TryHandOver("nope"));
        Assert.False(_b.TryTakeOver(waiting));
        Assert.False(_b.TryTakeOver(running));
        Assert.True(_a.IsLive(waiting));
        _problem.Release(4);
        Assert.Equal(RunOutcome.Completed, (await ToEnd(_a, waiting))[^1].Outcome);
        Assert.Equal("a", _a.Summary(waiting)!.Worker);
    }

    public void Dispose()
    {
        _a.Dispose();
        _b.Dispose();
        _schema.Dispose();
        _state.Dispose();
    }

    private RunService Worker(string name) =>
        new(new ProblemCatalog([_problem]), DeviceInfo.Detect(), new LabPaths([], Path.Combine(_state.Path, name)), new RunServiceOptions(),
            new PostgresRunStore(_schema.ConnectionString, name));

    private static async Task<List<RunEvent>> ToEnd(RunService runs, string runId)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var events = new List<RunEvent>();
        await foreach (var e in runs.Watch(runId, 0, timeout.Token)) events.Add(e);
        return events;
    }
}
