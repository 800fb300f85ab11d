using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using LabDashboard.Engine.Runs;
using LabDashboard.Tests.Engine.Runs.Storage;
using Microsoft.AspNetCore.SignalR.Client;
using Xunit.Abstractions;

namespace LabDashboard.Tests.Integration.Cluster;

/// <summary>
/// Two web fronts and two workers, each its own process started with the README's commands
/// (<see cref="ClusterProcesses"/>), through the test PostgreSQL and Redis: a run started on one
/// front is watched on the other, and a worker killed with SIGKILL mid-run.
/// </summary>
[Trait("Category", "Slow")]
public sealed class ClusterProcessTests(ITestOutputHelper output)
{
    [SkippableFact]
    public async Task A_run_started_on_one_front_is_watched_whole_on_the_other_and_a_killed_worker_s_run_becomes_interrupted_while_the_other_worker_runs_the_next()
    {
        var redis = TestServices.Require(TestServices.RedisVariable, "Redis");
        using var schema = new PostgresTestSchema();
        await using var cluster = new ClusterProcesses(schema.ConnectionString, redis, "test-" + Guid.NewGuid().ToString("N")[..12]);
        try
        {
            var workers = new Dictionary<string, DashboardProcess> { ["w1"] = await cluster.StartWorkerAsync("w1"), ["w2"] = await cluster.StartWorkerAsync("w2") };
            var frontA = await cluster.StartWebAsync("a");
            var frontB = await cluster.StartWebAsync("b");
            await using var hubA = await frontA.ConnectHubAsync();
            await using var hubB = await frontB.ConnectHubAsync();
            using var httpA = new HttpClient { BaseAddress = frontA.BaseAddress };

            var watched = await hubB.InvokeAsync<string>("StartRun", "exp-mle", Json("""{"steps": 200}"""));
            var seenOnA = await hubA.WatchToEndAsync(watched);
            var seenOnB = await hubB.WatchToEndAsync(watched);
            Assert.Equal(Enumerable.Range(1, seenOnB.Count).Select(i => (long)i), seenOnA.Select(e => e.Seq));
            Assert.Equal(seenOnB.Select(e => (e.Seq, e.Kind)), seenOnA.Select(e => (e.Seq, e.Kind)));
            Assert.Equal(RunOutcome.Completed, seenOnA[^1].Outcome);

            var killed = await hubB.InvokeAsync<string>("StartRun", "exp-mle", Json("""{"steps": 100000, "reportEvery": 100}"""));
            var liveOnA = WatchAsync(hubA, killed, out var running);
            await running.WaitAsync(TimeSpan.FromSeconds(60));
            var victim = await WorkerOf(httpA, killed);
            var survivor = workers.Keys.Single(w => w != victim);
            var sinceKill = Stopwatch.StartNew();
            workers[victim].Kill();
            await UntilStatus(httpA, killed, "interrupted", TimeSpan.FromSeconds(120));
            var markedAfter = sinceKill.Elapsed;
            // A watcher does not wait for Orleans' 30 s response timeout on the dead worker: the history tells it.
            var watchedToEnd = await liveOnA.WaitAsync(TimeSpan.FromSeconds(10));
            output.WriteLine($"worker {victim} killed: its run was interrupted {markedAfter.TotalSeconds:F1} s later; "
                + $"front A's watcher saw it end {sinceKill.Elapsed.TotalSeconds:F1} s after the kill");
            Assert.Equal(RunOutcome.Interrupted, watchedToEnd[^1].Outcome);
            Assert.Equal(Enumerable.Range(1, watchedToEnd.Count).Select(i => (long)i), watchedToEnd.Select(e => e.Seq));
            Assert.Equal(RunOutcome.Interrupted, (await hubA.WatchToEndAsync(killed))[^1].Outcome);

            var next = await hubB.InvokeAsync<string>("StartRun", "exp-mle", Json("""{"steps": 200}"""));
            Assert.Equal(RunOutcome.Completed, (await hubA.WatchToEndAsync(next))[^1].Outcome);
            Assert.Equal(survivor, await WorkerOf(httpA, next));
        }
        catch (Exception e)
        {
            throw new Xunit.Sdk.XunitException($"{e}\n--- the processes' output ---\n{cluster.Output()}");
        }
    }

    /// <summary>Watches <paramref name="runId"/> from the start to its end; <paramref name="running"/> completes at its first epoch.</summary>
    private static Task<List<RunEvent>> WatchAsync(HubConnection hub, string runId, out Task running)
    {
        var firstEpoch = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        running = firstEpoch.Task;
        return Task.Run(async () =>
        {
            var events = new List<RunEvent>();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(180));
            await foreach (var e in hub.StreamAsync<RunEvent>("Watch", runId, 0L, timeout.Token))
            {
                events.Add(e);
                if (e.Kind == RunEventKinds.Epoch) firstEpoch.TrySetResult();
            }
            return events;
        });
    }

    private static async Task<string> WorkerOf(HttpClient http, string runId) =>
        (await http.GetFromJsonAsync<JsonElement>($"api/runs/{runId}")).GetProperty("worker").GetString()!;

    private static async Task UntilStatus(HttpClient http, string runId, string status, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var run = await http.GetFromJsonAsync<JsonElement>($"api/runs/{runId}");
            var now = run.GetProperty("summary").GetProperty("status").GetString();
            if (now == status) return;
            if (clock.Elapsed > limit) throw new TimeoutException($"Run {runId} was still {now}, not {status}, after {limit.TotalSeconds} s.");
            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }
    }

    private static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement.Clone();
}
