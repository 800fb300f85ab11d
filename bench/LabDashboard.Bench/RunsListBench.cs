using System.Diagnostics;
using System.Text.Json;
using LabDashboard.Engine.Runs;
using LabDashboard.Web.Api;

namespace LabDashboard.Bench;

/// <summary>
/// runs-list (issue 14, "Scales with history"): <c>--runs</c> finished runs seeded into a temporary
/// <c>State:Root</c>, the real web app on Kestrel at a loopback port, then rounds of
/// <c>--concurrent</c> simultaneous <c>GET /api/runs</c> (the default first page) after one warm-up
/// round. Prints p50/p95/max per round and over all measured calls; the process exits 1 when the
/// overall p95 is not under <c>--p95-ms</c>. With <c>--uncached 1</c> every call asks for a
/// different page (its own <c>cursor</c>), so no call is served from the run list cache: what
/// clients cost right after a run changed.
/// </summary>
internal static class RunsListBench
{
    public static BenchCommand Command { get; } = new("runs-list", "[--runs 1000] [--concurrent 200] [--rounds 3] [--p95-ms 300] [--uncached 0]",
        "concurrent GET /api/runs over many stored runs through the real web app: p50/p95 latency, exit 1 on a p95 miss",
        ["--runs", "--concurrent", "--rounds", "--p95-ms", "--uncached"], RunAsync);

    private static async Task RunAsync(BenchArguments options)
    {
        var runs = options.Int("--runs", 1000);
        var concurrent = options.Int("--concurrent", 200);
        var rounds = options.Int("--rounds", 3);
        var budgetMs = options.Int("--p95-ms", 300);
        if (runs < 1 || concurrent < 1 || rounds < 1) throw new ArgumentException("--runs, --concurrent and --rounds must be at least 1.");
        using var state = new BenchState(options.StateRoot, "runs-list");
        var stateRoot = Path.Combine(state.Root, "web");
        Directory.CreateDirectory(stateRoot);
        var clock = Stopwatch.StartNew();
        RunsListSeed.Write(stateRoot, runs);
        Console.WriteLine($"seeded {runs} finished runs in {clock.Elapsed.TotalSeconds:F2} s; state {stateRoot}");

        var webProject = Path.Combine(options.RepoRoot, "LabDashboard.Web");
        await using var server = await PipelineHubMode.StartAsync(Directory.Exists(webProject) ? webProject : options.RepoRoot, options.DataRoot, stateRoot);
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrent }) { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };

        var urls = options.Int("--uncached", 0) == 0 ? null : await PageUrlsAsync(http);
        await RoundAsync(http, concurrent, urls, 0);
        var all = new List<double>();
        Console.WriteLine($"{"round",5} {"calls",6} {"p50 ms",8} {"p95 ms",8} {"max ms",8} {"wall ms",8} {"CPU ms/call",12}  load average");
        for (var round = 1; round <= rounds; round++)
        {
            var cpu = CpuSample.Now();
            var latencies = await RoundAsync(http, concurrent, urls, round * concurrent);
            var spent = CpuSample.Now() - cpu;
            all.AddRange(latencies);
            Console.WriteLine($"{round,5} {latencies.Count,6} {Percentile(latencies, 50),8:F1} {Percentile(latencies, 95),8:F1} {latencies.Max(),8:F1} "
                + $"{spent.Wall.TotalMilliseconds,8:F0} {(spent.User + spent.Sys).TotalMilliseconds / latencies.Count,12:F2}  {BenchEnvironment.LoadAverage()}");
        }
        Console.WriteLine("CPU ms/call: this process's user + sys time over the round per call, server and client together (they share the process)");
        var p95 = Percentile(all, 95);
        Console.WriteLine($"all {all.Count} calls: p50 {Percentile(all, 50):F1} ms, p95 {p95:F1} ms (budget {budgetMs} ms): {(p95 < budgetMs ? "met" : "MISSED")}");
        if (p95 >= budgetMs) Environment.ExitCode = 1;
    }

    /// <summary>
    /// Fires <paramref name="concurrent"/> calls at once, all <c>api/runs</c> or, given <paramref name="urls"/>,
    /// each its own from <paramref name="first"/> on; each one's milliseconds from send to the whole body read.
    /// </summary>
    internal static async Task<List<double>> RoundAsync(HttpClient http, int concurrent, IReadOnlyList<string>? urls, int first)
    {
        var go = new TaskCompletionSource();
        var calls = Enumerable.Range(0, concurrent).Select(async i =>
        {
            await go.Task;
            var clock = Stopwatch.StartNew();
            using var response = await http.GetAsync(urls is null ? "api/runs" : urls[(first + i) % urls.Count]);
            response.EnsureSuccessStatusCode();
            await response.Content.ReadAsByteArrayAsync();
            return clock.Elapsed.TotalMilliseconds;
        }).ToList();
        go.SetResult();
        return [.. await Task.WhenAll(calls)];
    }

    /// <summary>One page URL per stored run (its cursor: the runs older than it), to defeat caching.</summary>
    private static async Task<List<string>> PageUrlsAsync(HttpClient http)
    {
        using var all = JsonDocument.Parse(await http.GetStringAsync($"api/runs?limit={RunsApi.MaxPageSize}"));
        return all.RootElement.EnumerateArray()
            .Select(r => new RunCursor(r.GetProperty("createdAt").GetDateTimeOffset(), r.GetProperty("runId").GetString()!))
            .Select(c => $"api/runs?cursor={Uri.EscapeDataString(c.ToString())}")
            .ToList();
    }

    internal static double Percentile(IReadOnlyCollection<double> values, int percent)
    {
        var sorted = values.Order().ToArray();
        return sorted[Math.Clamp((int)Math.Ceiling(percent / 100.0 * sorted.Length) - 1, 0, sorted.Length - 1)];
    }
}
