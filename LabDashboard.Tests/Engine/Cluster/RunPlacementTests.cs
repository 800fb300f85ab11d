using System.Text.Json;
using LabDashboard.Tests.Engine.Runs;
using LabDashboard.Tests.Engine.Runs.Storage;

namespace LabDashboard.Tests.Engine.Cluster;

/// <summary>
/// Where a lab cluster runs its runs: two worker silos with one slot each and a web silo that runs
/// nothing (<see cref="LabTestCluster"/>), the history in the test PostgreSQL.
/// </summary>
[Trait("Category", "Slow")]
public sealed class RunPlacementTests
{
    private static readonly JsonElement TwoSteps = JsonDocument.Parse("""{"steps": 2}""").RootElement;

    [SkippableFact]
    public async Task Four_runs_submitted_at_once_run_two_at_a_time_one_per_worker_and_none_on_the_web_silo()
    {
        using var schema = new PostgresTestSchema();
        using var state = new TempFolder();
        var problem = new GatedProblem();
        await using var cluster = await LabTestCluster.Start(schema.ConnectionString, state.Path, problem);
        var web = await cluster.StartWebSilo();
        var runs = cluster.Runs;

        var runIds = await Task.WhenAll(new[] { "ada", "bob", "ada", "bob" }.Select(owner => runs.StartAsync("gated", TwoSteps, owner)));
        var workers = cluster.Orleans.Silos.Where(s => s != web).Select(s => s.Name).Order().ToList();

        var waiting = await Until(cluster, rows => rows.Count(r => r.Status == "running") == 2);
        Assert.Equal(workers, waiting.Where(r => r.Status == "running").Select(r => r.Worker).Order());
        Assert.Equal(workers, waiting.Where(r => r.Status == "queued").Select(r => r.Worker).Order());
        problem.Release(8);
        var done = await Until(cluster, rows => rows.All(r => r.FinishedAtMs is not null));

        Assert.Equal(runIds.Order(), done.Select(r => r.Id).Order());
        Assert.All(done, r => Assert.Equal("completed", r.Status));
        Assert.Equal(workers, done.Select(r => r.Worker).Distinct().Order());
        foreach (var onWorker in done.GroupBy(r => r.Worker))
        {
            var (first, second) = (onWorker.MinBy(r => r.StartedAtMs)!, onWorker.MaxBy(r => r.StartedAtMs)!);
            Assert.Equal(2, onWorker.Count());
            Assert.True(first.FinishedAtMs <= second.StartedAtMs, $"{onWorker.Key} ran two runs at once: {first} and {second}.");
        }
    }

    [SkippableFact]
    public async Task A_worker_joining_while_the_others_are_busy_takes_the_next_run()
    {
        using var schema = new PostgresTestSchema();
        using var state = new TempFolder();
        var problem = new GatedProblem();
        await using var cluster = await LabTestCluster.Start(schema.ConnectionString, state.Path, problem);
        var runs = cluster.Runs;
        foreach (var owner in new[] { "ada", "bob", "ada", "bob" }) await runs.StartAsync("gated", TwoSteps, owner);
        await Until(cluster, rows => rows.Count(r => r.Status == "running") == 2);

        var joined = await cluster.StartWorkerSilo();
        var next = await runs.StartAsync("gated", TwoSteps, "cy");

        Assert.Equal(joined.Name, cluster.Worker(next));
        await Until(cluster, rows => rows.Single(r => r.Id == next).Status == "running");
        problem.Release(10);
        await Until(cluster, rows => rows.All(r => r.Status == "completed"));
    }

    /// <summary>The shared history's runs once <paramref name="condition"/> holds for them (at most 60 s).</summary>
    private static async Task<IReadOnlyList<RunRow>> Until(LabTestCluster cluster, Func<IReadOnlyList<RunRow>, bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            var rows = cluster.Rows();
            if (condition(rows)) return rows;
            await Task.Delay(50, timeout.Token);
        }
    }
}
