using System.Text.Json;
using LabDashboard.Engine.Devices;
using LabDashboard.Engine.Runs;
using LabDashboard.Tests.Engine.Runs;
using LabDashboard.Tests.Engine.Runs.Storage;

namespace LabDashboard.Tests.Engine.Cluster;

/// <summary>
/// Where a lab cluster runs its runs: two worker silos with one slot each (a "cuda" and a "cpu" one where
/// the device kind matters) and a web silo that runs nothing (<see cref="LabTestCluster"/>), the history in the test PostgreSQL.
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
    public async Task A_worker_joining_while_the_others_are_busy_takes_a_waiting_run_whose_watchers_see_every_event_once()
    {
        using var schema = new PostgresTestSchema();
        using var state = new TempFolder();
        var problem = new GatedProblem();
        await using var cluster = await LabTestCluster.Start(schema.ConnectionString, state.Path, problem);
        var runs = cluster.Runs;
        var runIds = new List<string>();
        foreach (var owner in new[] { "ada", "bob", "ada", "bob" }) runIds.Add(await runs.StartAsync("gated", TwoSteps, owner));
        var before = await Until(cluster, rows => rows.Count(r => r.Status == "running") == 2);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        var watchers = runIds.ToDictionary(id => id, id => ToEnd(runs.Watch(id, 0, timeout.Token)));

        var joined = await cluster.StartWorkerSilo();
        var moved = (await Until(cluster, rows => rows.Any(r => r.Worker == joined.Name && r.Status == "running"))).Single(r => r.Worker == joined.Name);
        problem.Release(8);
        var done = await Until(cluster, rows => rows.All(r => r.Status == "completed"));

        Assert.Equal("queued", before.Single(r => r.Id == moved.Id).Status);
        // Once the joined worker is free again it may take the other waiting run too.
        var movedIds = done.Where(r => r.Worker != before.Single(b => b.Id == r.Id).Worker).Select(r => r.Id).ToHashSet();
        Assert.Contains(moved.Id, movedIds);
        Assert.All(done.Where(r => movedIds.Contains(r.Id)), r => Assert.Equal(joined.Name, r.Worker));
        foreach (var (runId, watcher) in watchers)
        {
            var events = await watcher;
            Assert.Equal(Enumerable.Range(1, events.Count).Select(i => (long)i), events.Select(e => e.Seq));
            Assert.Single(events, e => e.Kind == "started");
            Assert.Equal(RunOutcome.Completed, Assert.Single(events, e => e.Kind == "finished").Outcome);
            Assert.Equal(movedIds.Contains(runId), events.Any(e => e.Message == $"Moved to worker {joined.Name}, which had a free device."));
        }
    }

    private static async Task<List<RunEvent>> ToEnd(IAsyncEnumerable<RunEvent> stream)
    {
        var events = new List<RunEvent>();
        await foreach (var e in stream) events.Add(e);
        return events;
    }

    [SkippableFact]
    public async Task A_heavy_run_goes_to_the_cuda_worker_a_tiny_one_to_the_cpu_worker_and_either_to_the_other_kind_when_its_own_is_busy()
    {
        using var schema = new PostgresTestSchema();
        using var state = new TempFolder();
        var (heavy, tiny) = (new GatedProblem("heavy", prefers: DeviceKind.Cuda), new GatedProblem("tiny") { Free = true });
        await using var cluster = await LabTestCluster.Start(schema.ConnectionString, state.Path, [heavy, tiny], ["cuda", "cpu"]);
        var runs = cluster.Runs;

        // Each pair runs one after the other on a free cluster, where taking turns alone would send the second run to the other worker.
        var tinies = new[] { await Completed(cluster, await runs.StartAsync("tiny", TwoSteps, "ada")), await Completed(cluster, await runs.StartAsync("tiny", TwoSteps, "bob")) };
        var firstHeavy = await runs.StartAsync("heavy", TwoSteps, "ada");
        heavy.Release(2);
        await Completed(cluster, firstHeavy);
        var secondHeavy = await runs.StartAsync("heavy", TwoSteps, "bob");
        await Until(cluster, rows => rows.Single(r => r.Id == secondHeavy).Status == "running");
        var heavyWhileCudaIsBusy = await runs.StartAsync("heavy", TwoSteps, "cy");

        Assert.All(tinies, id => Assert.Equal("cpu", cluster.AdvertisedKind(cluster.Worker(id))));
        Assert.Equal("cuda", cluster.AdvertisedKind(cluster.Worker(firstHeavy)));
        Assert.Equal("cuda", cluster.AdvertisedKind(cluster.Worker(secondHeavy)));
        Assert.Equal("cpu", cluster.AdvertisedKind(cluster.Worker(heavyWhileCudaIsBusy)));
        heavy.Release(4);
        await Until(cluster, rows => rows.All(r => r.Status == "completed"));
    }

    private static async Task<string> Completed(LabTestCluster cluster, string runId)
    {
        await Until(cluster, rows => rows.Single(r => r.Id == runId).Status == "completed");
        return runId;
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
