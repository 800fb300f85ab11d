using LabDashboard.Engine.Runs;

namespace LabDashboard.Tests.Engine.Runs;

public class RunServiceQueueTests
{
    [Fact]
    public async Task A_second_training_run_waits_at_position_1_and_starts_when_the_first_finishes()
    {
        var problem = new GatedProblem();
        using var fixture = new RunServiceFixture(problem);
        var first = await fixture.StartAsync("gated", """{"steps": 2}""");
        var second = await fixture.StartAsync("gated", """{"steps": 2}""");
        var third = await fixture.StartAsync("gated", """{"steps": 2}""");
        await using var secondEvents = new EventReader(fixture.Service.Watch(second, 0, CancellationToken.None));
        await using var thirdEvents = new EventReader(fixture.Service.Watch(third, 0, CancellationToken.None));

        var queued = await secondEvents.Next();
        Assert.Equal(("queued", 1), (queued.Kind, queued.QueuePosition));
        Assert.Equal(2, (await thirdEvents.Next()).QueuePosition);
        Assert.Equal(RunStatus.Queued, fixture.Service.Get(second)!.Summary.Status);
        Assert.Equal(1, fixture.Service.Get(second)!.Summary.QueuePosition);

        problem.Release(2);
        Assert.Equal("started", (await secondEvents.Next()).Kind);
        Assert.Equal(RunStatus.Completed, fixture.Service.Get(first)!.Summary.Status);
        var moved = await thirdEvents.Next();
        Assert.Equal(("queued", 1), (moved.Kind, moved.QueuePosition));

        problem.Release(4);
        Assert.Equal(RunOutcome.Completed, (await thirdEvents.UntilKind("finished")).Outcome);
    }

    [Fact]
    public async Task Cancelling_a_queued_run_moves_the_runs_behind_it_up()
    {
        var problem = new GatedProblem();
        using var fixture = new RunServiceFixture(problem);
        var first = await fixture.StartAsync("gated", """{"steps": 1}""");
        var second = await fixture.StartAsync("gated", """{"steps": 1}""");
        var third = await fixture.StartAsync("gated", """{"steps": 1}""");
        await using var thirdEvents = new EventReader(fixture.Service.Watch(third, 0, CancellationToken.None));
        Assert.Equal(2, (await thirdEvents.Next()).QueuePosition);

        Assert.True(await fixture.Service.CancelAsync(second));

        Assert.Equal(1, (await thirdEvents.Next()).QueuePosition);
        var secondEvents = await fixture.WatchToEnd(second);
        Assert.Equal(["queued", "finished"], secondEvents.Select(e => e.Kind));
        Assert.Equal(RunOutcome.Cancelled, secondEvents[^1].Outcome);
        problem.Release(2);
        Assert.Equal(RunOutcome.Completed, (await thirdEvents.UntilKind("finished")).Outcome);
        Assert.Equal(RunStatus.Completed, fixture.Service.Get(first)!.Summary.Status);
    }

    [Fact]
    public async Task A_problem_that_does_not_train_runs_beside_a_training_run()
    {
        var training = new GatedProblem();
        using var fixture = new RunServiceFixture(training, new GatedProblem("inference", trains: false) { Free = true });
        var trainingRun = await fixture.StartAsync("gated");

        var inferenceRun = await fixture.StartAsync("inference", """{"steps": 2}""");

        var events = await fixture.WatchToEnd(inferenceRun);
        Assert.Equal(RunOutcome.Completed, events[^1].Outcome);
        Assert.Equal(RunStatus.Running, fixture.Service.Get(trainingRun)!.Summary.Status);
        Assert.True(await fixture.Service.CancelAsync(trainingRun));
    }

    [Fact]
    public async Task Owners_take_turns_so_one_users_late_run_goes_before_anothers_earlier_backlog()
    {
        var problem = new GatedProblem();
        using var fixture = new RunServiceFixture(problem);
        var a1 = await fixture.StartAsync("gated", """{"steps": 1}""", owner: "alice");
        var a2 = await fixture.StartAsync("gated", """{"steps": 1}""", owner: "alice");
        var a3 = await fixture.StartAsync("gated", """{"steps": 1}""", owner: "alice");
        var b1 = await fixture.StartAsync("gated", """{"steps": 1}""", owner: "bob");

        Assert.Equal([1, 2, 3], new[] { b1, a2, a3 }.Select(id => fixture.Service.Get(id)!.Summary.QueuePosition ?? 0));
        var starts = new List<string>();
        foreach (var _ in new[] { a1, b1, a2, a3 })
        {
            var next = await NextStarted(fixture, starts);
            starts.Add(next);
            problem.Release(1);
        }
        Assert.Equal([a1, b1, a2, a3], starts);
        var a4 = await fixture.StartAsync("gated", """{"steps": 1}""", owner: "alice");
        problem.Release(1);
        Assert.Equal(RunOutcome.Completed, (await fixture.WatchToEnd(a4))[^1].Outcome);
    }

    /// <summary>The one live run that has started and is not in <paramref name="seen"/> (waits for it).</summary>
    private static async Task<string> NextStarted(RunServiceFixture fixture, IReadOnlyCollection<string> seen)
    {
        for (var i = 0; i < 600; i++)
        {
            var running = fixture.Service.List(new RunQuery()).Where(r => r.Status == RunStatus.Running && !seen.Contains(r.RunId)).ToList();
            if (running.Count == 1) return running[0].RunId;
            await Task.Delay(50);
        }
        throw new TimeoutException("No run started.");
    }
}
