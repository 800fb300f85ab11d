using System.Diagnostics;
using System.Text.Json;
using LabDashboard.Engine.Cluster;
using LabDashboard.Engine.Runs;
using LabDashboard.Tests.Engine.Runs;
using LabDashboard.Tests.Engine.Runs.Storage;

namespace LabDashboard.Tests.Engine.Cluster;

/// <summary>
/// A lab cluster in this process (<see cref="LabTestCluster"/>): two worker silos sharing the run
/// history in PostgreSQL, and a web front (<see cref="ClusterRunService"/>) over the cluster's client.
/// </summary>
[Trait("Category", "Slow")]
public sealed class ClusterRunServiceTests
{
    [SkippableFact]
    public async Task A_run_started_through_the_cluster_runs_on_a_worker_and_a_late_watcher_gets_every_event_once()
    {
        using var schema = new PostgresTestSchema();
        using var state = new TempFolder();
        var problem = new GatedProblem();
        await using var cluster = await LabTestCluster.Start(schema.ConnectionString, state.Path, problem);
        Assert.Equal(2, cluster.Orleans.Silos.Count);
        var runs = cluster.Runs;

        var runId = await runs.StartAsync("gated", JsonDocument.Parse("""{"steps": 4}""").RootElement, "ada");

        Assert.True(runs.Exists(runId));
        Assert.Equal(runId, Assert.Single(runs.List(new RunQuery(Owner: "ada"))).RunId);
        problem.Release(2);
        await using (var early = new EventReader(runs.Watch(runId, 0, CancellationToken.None)))
            await early.Until(e => e.Epoch == 2);
        await using var late = new EventReader(runs.Watch(runId, 0, CancellationToken.None));
        await late.Until(e => e.Epoch == 2);
        problem.Release(2);
        await late.UntilKind(RunEventKinds.Finished);
        Assert.True(await late.Ended());

        var events = late.Seen;
        Assert.Equal(Enumerable.Range(1, events.Count).Select(i => (long)i), events.Select(e => e.Seq));
        Assert.Equal([1, 2, 3, 4], events.Where(e => e.Kind == RunEventKinds.Epoch).Select(e => e.Epoch!.Value));
        Assert.Equal(0.25, events.Last(e => e.Kind == RunEventKinds.Epoch).Metrics!["loss"]);
        Assert.Equal(RunOutcome.Completed, events[^1].Outcome);
        Assert.True(Assert.Single(events[^1].Checks!).Passed);
        await using (var tail = new EventReader(runs.Watch(runId, 3, CancellationToken.None)))
        {
            await tail.UntilKind(RunEventKinds.Finished);
            Assert.Equal(events.Skip(3).Select(e => e.Seq), tail.Seen.Select(e => e.Seq));
        }
        var record = runs.Get(runId)!;
        Assert.Equal((RunStatus.Completed, "ada", 4), (record.Summary.Status, record.Summary.Owner, record.EpochEvents.Count));
        Assert.Contains(cluster.Worker(runId), cluster.Orleans.Silos.Select(s => s.Name));
        Assert.Throws<UnknownRunException>(() => runs.Watch("nosuchrun", 0, CancellationToken.None));
    }

    [SkippableFact]
    public async Task A_worker_killed_mid_run_has_its_run_marked_interrupted_by_the_surviving_worker()
    {
        using var schema = new PostgresTestSchema();
        using var state = new TempFolder();
        var problem = new GatedProblem();
        await using var cluster = await LabTestCluster.Start(schema.ConnectionString, state.Path, problem);
        var runs = cluster.Runs;
        var runId = await runs.StartAsync("gated", JsonDocument.Parse("""{"steps": 4}""").RootElement, "ada");
        problem.Release(1);
        await using (var reader = new EventReader(runs.Watch(runId, 0, CancellationToken.None)))
            await reader.Until(e => e.Epoch == 1);
        var victim = cluster.Orleans.Silos.Single(s => s.Name == cluster.Worker(runId));

        var detection = Stopwatch.StartNew();
        await cluster.Orleans.KillSiloAsync(victim);
        while (runs.Get(runId)!.Summary.Status != RunStatus.Interrupted)
        {
            Assert.True(detection.Elapsed < TimeSpan.FromSeconds(90), "The dead worker's run was not marked interrupted within 90 s.");
            await Task.Delay(250);
        }

        Assert.Equal(victim.Name, runs.Get(runId)!.Worker);
        await using var late = new EventReader(runs.Watch(runId, 0, CancellationToken.None));
        Assert.Equal(RunOutcome.Interrupted, (await late.UntilKind(RunEventKinds.Finished)).Outcome);
    }

    [SkippableFact]
    public async Task Pause_resume_relabel_cancel_and_delete_reach_the_run_on_its_worker()
    {
        using var schema = new PostgresTestSchema();
        using var state = new TempFolder();
        var problem = new GatedProblem();
        await using var cluster = await LabTestCluster.Start(schema.ConnectionString, state.Path, problem);
        var runs = cluster.Runs;
        var runId = await runs.StartAsync("gated", JsonDocument.Parse("""{"steps": 4}""").RootElement, "ada");
        problem.Release(1);
        await using var reader = new EventReader(runs.Watch(runId, 0, CancellationToken.None));
        await reader.Until(e => e.Epoch == 1);

        Assert.True(await runs.PauseAsync(runId));
        await reader.UntilKind(RunEventKinds.Paused);
        Assert.False(await runs.PauseAsync(runId));
        Assert.True(await runs.ResumeAsync(runId));
        await reader.UntilKind(RunEventKinds.Resumed);
        Assert.Equal(["cluster"], (await runs.RelabelAsync(runId, RunLabel.Create("baseline", null, ["cluster"])))!.Label.Tags);
        Assert.False(await runs.DeleteAsync(runId));
        Assert.True(await runs.CancelAsync(runId));
        Assert.Equal(RunOutcome.Cancelled, (await reader.UntilKind(RunEventKinds.Finished)).Outcome);

        Assert.False(await runs.CancelAsync(runId));
        Assert.Equal("baseline", runs.Summary(runId)!.Label.Name);
        Assert.True(await runs.DeleteAsync(runId));
        Assert.False(runs.Exists(runId));
        Assert.Null(await runs.RelabelAsync(runId, RunLabel.Create("gone", null, null)));
    }

    [SkippableFact]
    public async Task The_history_in_PostgreSQL_survives_a_restart_of_the_whole_cluster()
    {
        using var schema = new PostgresTestSchema();
        using var firstState = new TempFolder();
        using var secondState = new TempFolder();
        var problem = new GatedProblem();
        string runId;
        IReadOnlyList<RunEvent> before;
        await using (var first = await LabTestCluster.Start(schema.ConnectionString, firstState.Path, problem))
        {
            runId = await first.Runs.StartAsync("gated", JsonDocument.Parse("""{"steps": 3}""").RootElement, "ada");
            problem.Release(3);
            await using var reader = new EventReader(first.Runs.Watch(runId, 0, CancellationToken.None));
            await reader.UntilKind(RunEventKinds.Finished);
            before = [.. reader.Seen];
        }

        // New silos with empty State:Roots: only PostgreSQL can carry the run over.
        await using var second = await LabTestCluster.Start(schema.ConnectionString, secondState.Path, new GatedProblem());
        var summary = Assert.Single(second.Runs.List(new RunQuery(Owner: "ada")));
        Assert.Equal((runId, RunStatus.Completed), (summary.RunId, summary.Status));
        await using var replay = new EventReader(second.Runs.Watch(runId, 0, CancellationToken.None));
        await replay.UntilKind(RunEventKinds.Finished);
        Assert.Equal(before.Select(e => (e.Seq, e.Kind, e.Epoch)), replay.Seen.Select(e => (e.Seq, e.Kind, e.Epoch)));
        Assert.Equal(3, second.Runs.Get(runId)!.EpochEvents.Count);
    }
}
