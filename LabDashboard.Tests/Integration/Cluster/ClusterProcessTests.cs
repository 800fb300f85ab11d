using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using LabDashboard.Engine.Runs;
using LabDashboard.Tests.E2E;
using LabDashboard.Tests.Engine.Runs.Storage;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace LabDashboard.Tests.Integration.Cluster;

/// <summary>
/// Two web fronts and two workers, each its own process started with the README's commands
/// (<see cref="ClusterProcesses"/>), through the test PostgreSQL and Redis: a run started over REST on
/// front B is watched on front A by a hub client and in Chromium (runs table, then the run's page), and
/// a worker killed with SIGKILL mid-run; then the front a live run was started through, killed the same
/// way and started again. In the browser collection: a page load on front A competing
/// with the parallel phase's training could exceed any timeout.
/// </summary>
[Collection(LabBrowserCollection.Name)]
[Trait("Category", "Slow")]
public sealed class ClusterProcessTests(LabBrowserFixture browser, ITestOutputHelper output)
{
    private static readonly ViewportSize Laptop = new() { Width = 1400, Height = 900 };

    [SkippableFact]
    public async Task A_run_started_on_one_front_is_watched_live_on_the_other_and_a_killed_worker_s_run_becomes_interrupted_while_the_other_worker_runs_the_next()
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
            using var httpB = new HttpClient { BaseAddress = frontB.BaseAddress };
            var page = await browser.OpenAsync("/runs", viewport: Laptop, server: frontA.BaseAddress);

            var watched = await RunsRest.StartAsync(httpB, "exp-mle", """{"steps": 12000, "reportEvery": 60}""");
            var clock = Stopwatch.StartNew();
            var seenOnA = hubA.WatchToEndAsync(watched);
            var seenOnB = hubB.WatchToEndAsync(watched);
            await FollowFromRunsTableAsync(page, watched, await WorkerOf(httpA, watched));
            output.WriteLine($"front A's page showed run {watched} running {clock.Elapsed.TotalSeconds:F1} s after its start on front B");
            await AssertPointsArriveLiveAsync(page, watched);
            await LabBrowserFixture.ScreenshotAsync(page, "cluster-front-a-run-from-b-1400x900");
            await Assertions.Expect(page.GetByTestId("run-status")).ToHaveAttributeAsync("data-status", "completed", new() { Timeout = 120_000 });
            await Assertions.Expect(Chart(page, watched)).ToHaveAttributeAsync("data-points", "200");
            output.WriteLine($"run {watched} completed on front A's page {clock.Elapsed.TotalSeconds:F1} s after its start");
            var (onA, onB) = (await seenOnA, await seenOnB);
            Assert.Equal(Enumerable.Range(1, onB.Count).Select(i => (long)i), onA.Select(e => e.Seq));
            Assert.Equal(onB.Select(e => (e.Seq, e.Kind)), onA.Select(e => (e.Seq, e.Kind)));
            Assert.Equal(RunOutcome.Completed, onA[^1].Outcome);

            var killed = await hubB.InvokeAsync<string>("StartRun", "exp-mle", Json("""{"steps": 100000, "reportEvery": 100}"""));
            var liveOnA = WatchAsync(hubA, killed, out var running);
            await running.WaitAsync(TimeSpan.FromSeconds(60));
            var victim = await WorkerOf(httpA, killed);
            var survivor = workers.Keys.Single(w => w != victim);
            await page.GotoAsync("/runs");
            await LabBrowserFixture.WaitUntilInteractiveAsync(page);
            await FollowFromRunsTableAsync(page, killed, victim);
            await AssertPointsArriveLiveAsync(page, killed);
            var sinceKill = Stopwatch.StartNew();
            workers[victim].Kill();
            await UntilStatus(httpA, killed, "interrupted", TimeSpan.FromSeconds(120));
            var markedAfter = sinceKill.Elapsed;
            // A watcher does not wait for Orleans' 30 s response timeout on the dead worker: the history tells it.
            var watchedToEnd = await liveOnA.WaitAsync(TimeSpan.FromSeconds(10));
            await Assertions.Expect(page.GetByTestId("run-status")).ToHaveAttributeAsync("data-status", "interrupted", new() { Timeout = 10_000 });
            await Assertions.Expect(page.GetByTestId("run-controls").GetByTestId("restart")).ToBeVisibleAsync();
            await LabBrowserFixture.ScreenshotAsync(page, "cluster-front-a-interrupted-1400x900");
            output.WriteLine($"worker {victim} killed: its run was interrupted {markedAfter.TotalSeconds:F1} s later; "
                + $"front A's watcher and page saw it end {sinceKill.Elapsed.TotalSeconds:F1} s after the kill");
            Assert.Equal(RunOutcome.Interrupted, watchedToEnd[^1].Outcome);
            Assert.Equal(Enumerable.Range(1, watchedToEnd.Count).Select(i => (long)i), watchedToEnd.Select(e => e.Seq));
            Assert.Equal(RunOutcome.Interrupted, (await hubA.WatchToEndAsync(killed))[^1].Outcome);

            var next = await hubB.InvokeAsync<string>("StartRun", "exp-mle", Json("""{"steps": 200}"""));
            Assert.Equal(RunOutcome.Completed, (await hubA.WatchToEndAsync(next))[^1].Outcome);
            Assert.Equal(survivor, await WorkerOf(httpA, next));
            await page.Context.CloseAsync();

            await AssertAKilledFrontLosesNothingAsync(cluster, frontB, hubB, hubA);
        }
        catch (Exception e)
        {
            throw new Xunit.Sdk.XunitException($"{e}\n--- the processes' output ---\n{cluster.Output()}");
        }
    }

    /// <summary>
    /// <c>kill -9</c> of the front a live run was started through: the run goes on on its worker to the
    /// end (the other front's watcher gets every event once), and the front started again with the same
    /// command and state serves the run whole.
    /// </summary>
    private async Task AssertAKilledFrontLosesNothingAsync(ClusterProcesses cluster, DashboardProcess front, HubConnection hub, HubConnection otherHub)
    {
        var runId = await hub.InvokeAsync<string>("StartRun", "exp-mle", Json("""{"steps": 6000, "reportEvery": 60}"""));
        var watched = WatchAsync(otherHub, runId, out var running);
        await running.WaitAsync(TimeSpan.FromSeconds(60));
        front.Kill();
        var sinceKill = Stopwatch.StartNew();
        var events = await watched.WaitAsync(TimeSpan.FromSeconds(120));
        Assert.Equal(RunOutcome.Completed, events[^1].Outcome);
        Assert.Equal(Enumerable.Range(1, events.Count).Select(i => (long)i), events.Select(e => e.Seq));
        Assert.Equal(100, events.Count(e => e.Kind == RunEventKinds.Epoch));

        var restarted = await cluster.StartWebAsync("b");
        using var http = new HttpClient { BaseAddress = restarted.BaseAddress };
        var stored = await http.GetFromJsonAsync<JsonElement>($"api/runs/{runId}?afterSeq=0&limit=1000");
        output.WriteLine($"front killed during run {runId}: it completed {sinceKill.Elapsed.TotalSeconds:F1} s later; the front restarted serves it");
        Assert.Equal("completed", stored.GetProperty("summary").GetProperty("status").GetString());
        Assert.Equal(events.Select(e => (e.Seq, e.Kind)),
            stored.GetProperty("events").EnumerateArray().Select(e => (e.GetProperty("seq").GetInt64(), e.GetProperty("kind").GetString()!)));
    }

    /// <summary>
    /// The runs table (open before the run started) lists <paramref name="runId"/> as running on
    /// <paramref name="worker"/> without a reload; its link opens the run's page, which shows it running there too.
    /// </summary>
    private static async Task FollowFromRunsTableAsync(IPage page, string runId, string worker)
    {
        var row = page.GetByTestId("runs-table").Locator("tr", new() { Has = page.Locator($"a[href='/runs/{runId}']") });
        await Assertions.Expect(row).ToContainTextAsync("Running");
        await Assertions.Expect(row.GetByTestId("run-worker")).ToHaveTextAsync(worker);
        await row.GetByTestId("run-link").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($@"/problems/exp-mle\?(.*&)?run={runId}"));
        await Assertions.Expect(page.GetByTestId("run-status")).ToHaveAttributeAsync("data-status", "running");
        await Assertions.Expect(page.GetByTestId("run-controls").GetByTestId("run-worker")).ToHaveTextAsync(worker);
    }

    /// <summary>The λ chart of the run's page draws points and then more points while the run goes on.</summary>
    private static async Task AssertPointsArriveLiveAsync(IPage page, string runId)
    {
        var chart = Chart(page, runId);
        await Assertions.Expect(chart).ToHaveAttributeAsync("data-points", new Regex("^[1-9][0-9]*$"));
        var first = await chart.GetAttributeAsync("data-points");
        await Assertions.Expect(chart).Not.ToHaveAttributeAsync("data-points", first!);
        Assert.True(int.Parse(await chart.GetAttributeAsync("data-points") ?? "0") > int.Parse(first!));
    }

    private static ILocator Chart(IPage page, string runId) => page.Locator($".live-chart-canvas[data-run-ids='{runId}']").First;

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
