using LabDashboard.Engine.Runs;
using LabDashboard.Engine.Runs.Storage;

namespace LabDashboard.Tests.Engine.Runs;

public class RunServiceLifecycleTests
{
    [Fact]
    public async Task Run_goes_from_queued_through_started_and_every_epoch_to_finished()
    {
        using var fixture = new RunServiceFixture(new GatedProblem { Free = true });
        var runId = fixture.Start("gated", """{"steps": 4}""");

        var events = await fixture.WatchToEnd(runId);

        Assert.Equal(["queued", "started", "epoch", "epoch", "epoch", "epoch", "finished"], events.Select(e => e.Kind));
        Assert.Equal(Enumerable.Range(1, events.Count).Select(i => (long)i), events.Select(e => e.Seq));
        Assert.All(events, e => Assert.Equal(runId, e.RunId));
        Assert.All(events, e => Assert.Equal("gated", e.ProblemId));
        var finished = events[^1];
        Assert.Equal(RunOutcomes.Completed, finished.Outcome);
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
        var runId = fixture.Start("gated", """{"steps": 4}""");
        await using var reader = new EventReader(fixture.Service.Watch(runId, 0, CancellationToken.None));
        problem.Release(2);
        await reader.Until(e => e.Kind == "epoch" && e.Epoch == 2);

        Assert.True(fixture.Service.Pause(runId));
        Assert.Equal("paused", (await reader.Next()).Kind);
        Assert.Equal(RunStatus.Paused, fixture.Service.Get(runId)!.Summary.Status);
        Assert.False(fixture.Service.Pause(runId));
        problem.Release(1);
        await WaitForCheckpoints(problem, 3);
        await Task.Delay(200);
        Assert.Equal(2, fixture.Service.Get(runId)!.EpochEvents.Count);

        Assert.True(fixture.Service.Resume(runId));
        Assert.Equal("resumed", (await reader.Next()).Kind);
        Assert.Equal(3, (await reader.Next()).Epoch);
        Assert.False(fixture.Service.Resume(runId));
        problem.Release(1);
        var finished = await reader.UntilKind("finished");
        Assert.Equal(RunOutcomes.Completed, finished.Outcome);
    }

    [Fact]
    public async Task Cancel_stops_a_paused_run()
    {
        var problem = new GatedProblem();
        using var fixture = new RunServiceFixture(problem);
        var runId = fixture.Start("gated", """{"steps": 4}""");
        await using var reader = new EventReader(fixture.Service.Watch(runId, 0, CancellationToken.None));
        problem.Release(1);
        await reader.UntilKind("epoch");
        Assert.True(fixture.Service.Pause(runId));

        Assert.True(fixture.Service.Cancel(runId));

        var finished = await reader.UntilKind("finished");
        Assert.Equal(RunOutcomes.Cancelled, finished.Outcome);
        Assert.True(await reader.Ended());
        Assert.Equal(RunStatus.Cancelled, fixture.Service.Get(runId)!.Summary.Status);
        Assert.False(fixture.Service.Cancel(runId));
    }

    [Fact]
    public async Task Cancel_stops_a_running_run_blocked_in_its_own_wait()
    {
        var problem = new GatedProblem();
        using var fixture = new RunServiceFixture(problem);
        var runId = fixture.Start("gated");
        await using var reader = new EventReader(fixture.Service.Watch(runId, 0, CancellationToken.None));
        await reader.UntilKind("started");

        Assert.True(fixture.Service.Cancel(runId));

        Assert.Equal(RunOutcomes.Cancelled, (await reader.UntilKind("finished")).Outcome);
    }

    [Fact]
    public async Task A_failing_problem_finishes_failed_with_its_message_and_logs_the_stack()
    {
        using var fixture = new RunServiceFixture(new GatedProblem { Free = true });
        var runId = fixture.Start("gated", """{"steps": 1, "fail": true}""");

        var events = await fixture.WatchToEnd(runId);

        var finished = events[^1];
        Assert.Equal(RunOutcomes.Failed, finished.Outcome);
        Assert.Equal("The gated problem was told to fail.", finished.Error);
        Assert.Contains(events, e => e.Kind == "log" && e.Message!.Contains("GatedProblem.Run"));
        Assert.Equal(RunStatus.Failed, fixture.Service.Get(runId)!.Summary.Status);
        Assert.Equal("The gated problem was told to fail.", fixture.Service.Get(runId)!.Error);
    }

    [Fact]
    public async Task A_subscriber_that_throws_does_not_break_the_run_or_other_subscribers()
    {
        using var fixture = new RunServiceFixture(new GatedProblem { Free = true });
        var seen = new List<RunEvent>();
        var allSeen = new TaskCompletionSource();
        using var bad = fixture.Service.Subscribe(_ => throw new InvalidOperationException("subscriber bug"));
        using var good = fixture.Service.Subscribe(e =>
        {
            lock (seen) seen.Add(e);
            if (e.Kind == "finished") allSeen.TrySetResult();
        });

        var runId = fixture.Start("gated", """{"steps": 3}""");
        var events = await fixture.WatchToEnd(runId);
        await allSeen.Task.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(RunOutcomes.Completed, events[^1].Outcome);
        // A run this short may finish before Watch starts and be replayed from the store as equal copies, so compare as clients see them.
        lock (seen) Assert.Equal(events.Select(RunEventJson.Write), seen.Select(RunEventJson.Write));
    }

    private static async Task WaitForCheckpoints(GatedProblem problem, int count)
    {
        for (var i = 0; i < count; i++)
            Assert.True(await problem.ReachedCheckpoint.WaitAsync(TimeSpan.FromSeconds(30)), "the run did not reach its checkpoint");
    }
}
