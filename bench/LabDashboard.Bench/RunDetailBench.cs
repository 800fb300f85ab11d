using System.Diagnostics;

namespace LabDashboard.Bench;

/// <summary>
/// run-detail (issue 14, "Scales with history"): one finished GAN run of <c>--epochs</c> epoch events
/// seeded into a temporary <c>State:Root</c>, the real web app on Kestrel at a loopback port, then
/// rounds of <c>--concurrent</c> simultaneous <c>GET /api/runs/{id}</c> (as a script asks, no query)
/// after one warm-up round. Prints the answer's size, p50/p95/max per round and the process's working
/// set before and after (server and client share the process).
/// </summary>
internal static class RunDetailBench
{
    public static BenchCommand Command { get; } = new("run-detail", "[--epochs 20000] [--concurrent 200] [--rounds 3]",
        "concurrent GET /api/runs/{id} of one long stored run through the real web app: answer size, p50/p95 latency, working set",
        ["--epochs", "--concurrent", "--rounds"], RunAsync);

    private static async Task RunAsync(BenchArguments options)
    {
        var epochs = options.Int("--epochs", 20000);
        var concurrent = options.Int("--concurrent", 200);
        var rounds = options.Int("--rounds", 3);
        if (epochs < 1 || concurrent < 1 || rounds < 1) throw new ArgumentException("--epochs, --concurrent and --rounds must be at least 1.");
        using var state = new BenchState(options.StateRoot, "run-detail");
        var stateRoot = Path.Combine(state.Root, "web");
        Directory.CreateDirectory(stateRoot);
        var runId = RunsListSeed.WriteLong(stateRoot, epochs);
        var webProject = Path.Combine(options.RepoRoot, "LabDashboard.Web");
        await using var server = await PipelineHubMode.StartAsync(Directory.Exists(webProject) ? webProject : options.RepoRoot, options.DataRoot, stateRoot);
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrent }) { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(120) };
        string[] url = [$"api/runs/{runId}"];

        var body = await http.GetByteArrayAsync(url[0]);
        Console.WriteLine($"seeded a GAN run of {epochs} epoch events; GET {url[0]} answers {body.Length / 1024.0:F1} KB; working set {WorkingSetMb():F0} MB");
        await RunsListBench.RoundAsync(http, concurrent, url, 0);
        Console.WriteLine($"{"round",5} {"calls",6} {"p50 ms",8} {"p95 ms",8} {"max ms",8} {"wall ms",8} {"CPU ms/call",12} {"WS MB",6}  load average");
        var all = new List<double>();
        for (var round = 1; round <= rounds; round++)
        {
            var cpu = CpuSample.Now();
            var latencies = await RunsListBench.RoundAsync(http, concurrent, url, 0);
            var spent = CpuSample.Now() - cpu;
            all.AddRange(latencies);
            Console.WriteLine($"{round,5} {latencies.Count,6} {RunsListBench.Percentile(latencies, 50),8:F1} {RunsListBench.Percentile(latencies, 95),8:F1} {latencies.Max(),8:F1} "
                + $"{spent.Wall.TotalMilliseconds,8:F0} {(spent.User + spent.Sys).TotalMilliseconds / latencies.Count,12:F2} {WorkingSetMb(),6:F0}  {BenchEnvironment.LoadAverage()}");
        }
        Console.WriteLine($"all {all.Count} calls: p50 {RunsListBench.Percentile(all, 50):F1} ms, p95 {RunsListBench.Percentile(all, 95):F1} ms; peak working set {PeakWorkingSetMb():F0} MB");
    }

    private static double WorkingSetMb()
    {
        using var process = Process.GetCurrentProcess();
        return process.WorkingSet64 / 1048576.0;
    }

    private static double PeakWorkingSetMb()
    {
        using var process = Process.GetCurrentProcess();
        return process.PeakWorkingSet64 / 1048576.0;
    }
}
