using LabDashboard.Engine.Runs;

namespace LabDashboard.Tests.Engine.Runs;

public class RunServicePauseReleaseTests
{
    private static readonly RunServiceOptions ShortPause = new() { PauseReleaseAfter = TimeSpan.FromMilliseconds(300) };

    [Fact]
    public async Task A_run_paused_past_the_timeout_lets_a_queued_run_finish_then_resumes_where_it_stopped()
    {
        var paused = new GatedProblem("paused");
        using var fixture = new RunServiceFixture(ShortPause, paused, new GatedProblem("other") { Free = true });
        var first = await fixture.StartAsync("paused", """{"steps": 3}""");
        await using var firstEvents = new EventReader(fixture.Service.Watch(first, 0, CancellationToken.None));
        paused.Release(1);
        await firstEvents.Until(e => e.Kind == "epoch" && e.Epoch == 1);
        Assert.True(await fixture.Service.PauseAsync(first));
        paused.Release(1);

        var second = await fixture.StartAsync("other", """{"steps": 2}""");

        var secondEvents = await fixture.WatchToEnd(second);
        Assert.Equal(RunOutcome.Completed, secondEvents[^1].Outcome);
        Assert.Equal(RunStatus.Paused, fixture.Service.Get(first)!.Summary.Status);
        Assert.Contains("device goes to the next run", (await firstEvents.UntilKind("log")).Message);

        Assert.True(await fixture.Service.ResumeAsync(first));
        Assert.False(await fixture.Service.ResumeAsync(first));
        Assert.Equal("queued", (await firstEvents.Next()).Kind);
        Assert.Equal("resumed", (await firstEvents.Next()).Kind);
        paused.Release(1);
        Assert.Equal(RunOutcome.Completed, (await firstEvents.UntilKind("finished")).Outcome);

        var all = await fixture.WatchToEnd(first);
        Assert.Equal(Enumerable.Range(1, all.Count).Select(i => (long)i), all.Select(e => e.Seq));
        Assert.Equal([1, 2, 3], all.Where(e => e.Kind == "epoch").Select(e => e.Epoch!.Value));
        Assert.Equal(["queued", "started", "paused", "queued", "resumed", "finished"], all.Where(e => RunStates.StatusKinds.Contains(e.Kind)).Select(e => e.Kind));
    }

    [Fact]
    public async Task Cancelling_a_run_that_waits_for_the_device_again_ends_its_waiting_thread()
    {
        var paused = new GatedProblem("paused");
        var other = new GatedProblem("other");
        using var fixture = new RunServiceFixture(ShortPause, paused, other);
        var first = await fixture.StartAsync("paused", """{"steps": 3}""");
        await using var firstEvents = new EventReader(fixture.Service.Watch(first, 0, CancellationToken.None));
        paused.Release(1);
        await firstEvents.Until(e => e.Kind == "epoch" && e.Epoch == 1);
        Assert.True(await fixture.Service.PauseAsync(first));
        paused.Release(1);
        var second = await fixture.StartAsync("other", """{"steps": 1}""");
        await using var secondEvents = new EventReader(fixture.Service.Watch(second, 0, CancellationToken.None));
        await secondEvents.UntilKind("started");
        Assert.True(await fixture.Service.ResumeAsync(first));
        Assert.Equal(1, (await firstEvents.UntilKind("queued")).QueuePosition);

        Assert.True(await fixture.Service.CancelAsync(first));

        var finished = await firstEvents.UntilKind("finished");
        Assert.Equal(RunOutcome.Cancelled, finished.Outcome);
        Assert.True(fixture.Service.Get(first) is null or { Summary.Status: RunStatus.Cancelled });
        Assert.DoesNotContain(firstEvents.Seen, e => e.Kind == "epoch" && e.Epoch > 1);
        other.Release(1);
        Assert.Equal(RunOutcome.Completed, (await secondEvents.UntilKind("finished")).Outcome);
    }
}
