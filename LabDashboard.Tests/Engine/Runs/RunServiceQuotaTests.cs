using LabDashboard.Engine.Runs;

namespace LabDashboard.Tests.Engine.Runs;

public class RunServiceQuotaTests
{
    [Fact]
    public async Task A_user_at_the_live_run_limit_is_refused_naming_it_while_others_and_the_local_owner_are_not()
    {
        var problem = new GatedProblem();
        using var fixture = new RunServiceFixture(problem);
        fixture.Quotas = new QuotaOptions { MaxQueuedRunsPerUser = 2 };
        fixture.Restart();
        var first = await fixture.StartAsync("gated", """{"steps": 1}""", owner: "alice");
        await fixture.StartAsync("gated", """{"steps": 1}""", owner: "alice");

        var refused = await Assert.ThrowsAsync<QuotaExceededException>(() => fixture.StartAsync("gated", """{"steps": 1}""", owner: "alice"));

        Assert.Equal("Quotas:MaxQueuedRunsPerUser", refused.Limit);
        Assert.Contains("2 runs queued, running or paused", refused.Message);
        Assert.Equal(2, fixture.Service.List(new RunQuery(Owner: "alice")).Count);
        await fixture.StartAsync("gated", """{"steps": 1}""", owner: "bob");
        for (var i = 0; i < 3; i++) await fixture.StartAsync("gated", """{"steps": 1}""");
        problem.Release(1);
        await fixture.WatchToEnd(first);
        await fixture.StartAsync("gated", """{"steps": 1}""", owner: "alice");
        foreach (var run in fixture.Service.List().Where(r => r.Status.IsLive())) await fixture.Service.CancelAsync(run.RunId);
    }

    [Fact]
    public async Task The_epoch_budget_counts_each_live_runs_length_in_its_problems_progress_units()
    {
        using var fixture = new RunServiceFixture(new GatedProblem());
        fixture.Quotas = new QuotaOptions { MaxEpochBudgetPerUser = 100 };
        fixture.Restart();
        await fixture.StartAsync("gated", """{"steps": 60}""", owner: "alice");

        var refused = await Assert.ThrowsAsync<QuotaExceededException>(() => fixture.StartAsync("gated", """{"steps": 41}""", owner: "alice"));
        await fixture.StartAsync("gated", """{"steps": 40}""", owner: "alice");

        Assert.Equal("Quotas:MaxEpochBudgetPerUser", refused.Limit);
        Assert.Contains("101", refused.Message);
        foreach (var run in fixture.Service.List()) await fixture.Service.CancelAsync(run.RunId);
    }

    [Fact]
    public async Task A_user_whose_runs_hold_more_than_the_disk_limit_must_delete_some_first()
    {
        var problem = new GatedProblem { Free = true };
        using var fixture = new RunServiceFixture(problem);
        fixture.Quotas = new QuotaOptions { MaxDiskPerUserMb = 1 };
        fixture.Restart();
        var old = await fixture.StartAsync("gated", """{"steps": 1}""", owner: "alice");
        await fixture.WatchToEnd(old);
        var images = Directory.CreateDirectory(Path.Combine(fixture.StateRoot, "runs", old, "images"));
        File.WriteAllBytes(Path.Combine(images.FullName, "grid-e1.png"), new byte[1024 * 1024 + 1]);

        var refused = await Assert.ThrowsAsync<QuotaExceededException>(() => fixture.StartAsync("gated", """{"steps": 1}""", owner: "alice"));

        Assert.Equal("Quotas:MaxDiskPerUserMb", refused.Limit);
        fixture.Service.Flush();
        Assert.True(await fixture.Service.DeleteAsync(old));
        Assert.Equal(RunOutcome.Completed, (await fixture.WatchToEnd(await fixture.StartAsync("gated", """{"steps": 1}""", owner: "alice")))[^1].Outcome);
    }
}
