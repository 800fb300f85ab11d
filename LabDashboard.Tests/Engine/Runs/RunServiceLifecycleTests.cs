using LabDashboard.Engine.Runs;
using LabDashboard.Engine.Runs.Storage;

namespace LabDashboard.Tests.Engine.Runs;

public class RunServiceLifecycleTests
{
    [Fact]
    public async Task Run_goes_from_queued_through_started_and_every_epoch_to_finished()
    {
        using var fixture = new RunServiceFixture(new GatedProblem { Free = true });
        var runId = await fixture.StartAsync("gated", """{"steps": 4}""");

        var events = await fixture.WatchToEnd(runId);

        Assert.Equal(["queued", "started", "epoch", "epoch", "epoch", "epoch", "finished"], events.Select(e => e.Kind));
        Assert.Equal(Enumerable.Range(1, events.Count).Select(i => (long)i), events.Select(e => e.Seq));
        Assert.All(events, e => Assert.Equal(runId, e.RunId));
        Assert.All(events, e => Assert.Equal("gated", e.ProblemId));
        var finished = events[^1];
        Assert.Equal(RunOutcome.Completed, finished.Outcome);
        Assert.Equal(4, finished.Results!["steps"]);
        Assert.True(Assert.Single(finished.Checks!).Passed);
        Assert.Equal(0, events[0].QueuePosition);
        Assert.Equal(RunStatus.Completed, fixture.Service.Get(runId)!.Summary.Status);
    }

    [Fact]
    public async Task Pause_holds_the_run_at_its_checkpoint_and_resume_continues_it()
    {
        var problem = new GatedProblem();
        using var fixture = new RunServiceFixture(problem);
        var runId = await fixture.StartAsync("gated", """{"steps": 4}""");
        await using var reader = new EventReader(fixture.Service.Watch(runId, 0, CancellationToken.None));
        problem.Release(2);
        await reader.Until(e => e.Kind == "epoch" && e.Epoch == 2);

        Assert.True(await fixture.Service.PauseAsync(runId));
        Assert.Equal("paused", (await reader.Next()).Kind);
        Assert.Equal(RunStatus.Paused, fixture.Service.Get(runId)!.Summary.Status);
        Assert.False(await fixture.Service.PauseAsync(runId));
        problem.Release(1);
        await WaitForCheckpoints(problem, 3);
        await Task.Delay(200);
        Assert.Equal(2, fixture.Service.Get(runId)!.EpochEvents.Count);

        Assert.True(await fixture.Service.ResumeAsync(runId));
        Assert.Equal("resumed", (await reader.Next()).Kind);
        Assert.Equal(3, (await reader.Next()).Epoch);
        Assert.False(await fixture.Service.ResumeAsync(runId));
        problem.Release(1);
        var finished = await reader.UntilKind("finished");
        Assert.Equal(RunOutcome.Completed, finished.Outcome);
    }

    [Fact]
    public async Task Time_spent_paused_is_not_counted_as_elapsed()
    {
        var problem = new GatedProblem();
        using var fixture = new RunServiceFixture(problem);
        var runId = await fixture.StartAsync("gated", """{"steps": 2}""");
        await using var reader = new EventReader(fixture.Service.Watch(runId, 0, CancellationToken.None));
        problem.Release(1);
        await reader.Until(e => e.Kind == "epoch" && e.Epoch == 1);

        Assert.True(await fixture.Service.PauseAsync(runId));
        var paused = await reader.UntilKind("paused");
        await Task.Delay(800);
        Assert.True(await fixture.Service.ResumeAsync(runId));
        var resumed = await reader.UntilKind("resumed");

        Assert.InRange(resumed.ElapsedMs - paused.ElapsedMs, 0, 300);
        problem.Release(1);
        await reader.UntilKind("finished");
    }

    [Fact]
    public async Task Cancel_stops_a_paused_run()
    {
        var problem = new GatedProblem();
        using var fixture = new RunServiceFixture(problem);
        var runId = await fixture.StartAsync("gated", """{"steps": 4}""");
        await using var reader = new EventReader(fixture.Service.Watch(runId, 0, CancellationToken.None));
        problem.Release(1);
        await reader.UntilKind("epoch");
        Assert.True(await fixture.Service.PauseAsync(runId));

        Assert.True(await fixture.Service.CancelAsync(runId));

        var finished = await reader.UntilKind("finished");
        Assert.Equal(RunOutcome.Cancelled, finished.Outcome);
        Assert.True(await reader.Ended());
        Assert.Equal(RunStatus.Cancelled, fixture.Service.Get(runId)!.Summary.Status);
        Assert.False(await fixture.Service.CancelAsync(runId));
    }

    [Fact]
    public async Task Cancel_stops_a_running_run_blocked_in_its_own_wait()
    {
        var problem = new GatedProblem();
        using var fixture = new RunServiceFixture(problem);
        var runId = await fixture.StartAsync("gated");
        await using var reader = new EventReader(fixture.Service.Watch(runId, 0, CancellationToken.None));
        await reader.UntilKind("started");

        Assert.True(await fixture.Service.CancelAsync(runId));

        Assert.Equal(RunOutcome.Cancelled, (await reader.UntilKind("finished")).Outcome);
    }

    [Fact]
    public async Task A_failing_problem_finishes_failed_with_its_message_and_logs_the_stack()
    {
        using var fixture = new RunServiceFixture(new GatedProblem { Free = true });
        var runId = await fixture.StartAsync("gated", """{"steps": 1, "fail": true}""");

        var events = await fixture.WatchToEnd(runId);

        var finished = events[^1];
        Assert.Equal(RunOutcome.Failed, finished.Outcome);
        Assert.Equal("The gated problem was told to fail.", finished.Error);
        Assert.Contains(events, e => e.Kind == "log" && e.Message!.Contains("GatedProblem.Run"));
        Assert.Equal(RunStatus.Failed, fixture.Service.Get(runId)!.Summary.Status);
        Assert.Equal("The gated problem was told to fail.", fixture.Service.Get(runId)!.Error);
    }

    [Fact]
    public async Task The_status_feed_carries_only_status_changes_and_a_stalled_status_watcher_holds_up_nothing()
    {
        using var fixture = new RunServiceFixture(new GatedProblem { Free = true });
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await using var stalled = fixture.Service.WatchStatuses(stop.Token).GetAsyncEnumerator(stop.Token);
        var stalledAttached = stalled.MoveNextAsync();
        await using var statuses = new EventReader(fixture.Service.WatchStatuses(stop.Token));
        var first = statuses.Next();

        var runId = await fixture.StartAsync("gated", """{"steps": 3}""");
        var events = await fixture.WatchToEnd(runId);
        await first;
        await statuses.UntilKind("finished");

        Assert.Equal(RunOutcome.Completed, events[^1].Outcome);
        Assert.Equal(["queued", "started", "finished"], statuses.Seen.Select(e => e.Kind));
        Assert.Equal(events.Where(e => RunStates.StatusKinds.Contains(e.Kind)).Select(RunEventJson.Write), statuses.Seen.Select(RunEventJson.Write));
        // Its first item may still be on its way through the iterator's continuation on a busy machine: wait for it.
        Assert.True(await stalledAttached.AsTask().WaitAsync(TimeSpan.FromSeconds(30)), "the stalled watcher got no event");
    }

    private static async Task WaitForCheckpoints(GatedProblem problem, int count)
    {
        for (var i = 0; i < count; i++)
            Assert.True(await problem.ReachedCheckpoint.WaitAsync(TimeSpan.FromSeconds(30)), "the run did not reach its checkpoint");
    }
}
