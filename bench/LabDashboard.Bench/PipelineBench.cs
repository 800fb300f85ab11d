using System.Diagnostics;
using LabDashboard.Engine.Runs;

namespace LabDashboard.Bench;

/// <summary>
/// pipeline (issue 2): exp-mle and free-fall with default settings in the engine alone, through
/// the run service, and through the real web app's SignalR hub; start → finished seconds, process
/// CPU seconds and events received, median of <c>--repeats</c> after one warm-up run per mode.
/// Runs are interleaved (engine, service, hub, engine, …) so that a change in machine load hits
/// every mode alike.
/// </summary>
internal static class PipelineBench
{
    public static BenchCommand Command { get; } = new("pipeline",
        "[--repeats 5] [--problems exp-mle,free-fall] | --cluster 1 [--repeats 3] [--problems exp-mle] [--runs 8] [--settings JSON] [--process-cores N] [--postgres CS] [--redis HOST:PORT]",
        "default-settings runs in the engine alone, through the run service and through the web app's SignalR hub: medians and overhead; "
        + "--cluster 1: separate processes, none vs orleans for one run, and --runs runs at once on none, 1 and 2 workers (PipelineClusterBench), "
        + "every run with --settings (a JSON object; default the problem's), each process as on a machine of --process-cores cores (libtorch threads and .NET's processor count; default all)",
        ["--repeats", "--problems", "--cluster", "--runs", "--settings", "--process-cores", "--postgres", "--redis"], RunAsync);

    /// <summary>Throws unless the last event is a completed <c>finished</c>.</summary>
    public static void EnsureCompleted(string problemId, string mode, RunEvent? last)
    {
        if (last is not { Kind: RunEventKinds.Finished, Outcome: RunOutcome.Completed })
            throw new InvalidOperationException($"{problemId} via {mode}: the stream ended with {last?.Kind ?? "nothing"} ({last?.Outcome}, {last?.Error}).");
    }

    private static async Task RunAsync(BenchArguments options)
    {
        var repeats = options.Int("--repeats", 5);
        if (repeats < 1) throw new ArgumentException("--repeats must be at least 1.");
        var problems = (options.Text("--problems") ?? "exp-mle,free-fall").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (options.Int("--cluster", 0) != 1 && (options.Text("--settings") ?? options.Text("--process-cores")) is not null)
            throw new ArgumentException("--settings and --process-cores need --cluster 1.");
        if (options.Int("--cluster", 0) == 1)
        {
            await PipelineClusterBench.RunAsync(options, problems[0], options.Int("--repeats", 3));
            return;
        }
        using var state = new BenchState(options.StateRoot, "pipeline");

        var clock = Stopwatch.StartNew();
        var webProject = Path.Combine(options.RepoRoot, "LabDashboard.Web");
        var hub = await PipelineHubMode.StartAsync(Directory.Exists(webProject) ? webProject : options.RepoRoot, options.DataRoot, Path.Combine(state.Root, "web"));
        Console.WriteLine($"web app listening at {hub.BaseAddress} (started and hub connected in {clock.Elapsed.TotalSeconds:F2} s); state {state.Root}");
        IPipelineMode[] modes =
        [
            new PipelineEngineMode(new LabPaths([options.DataRoot], Path.Combine(state.Root, "engine"))),
            new PipelineServiceMode(options.DataRoot, Path.Combine(state.Root, "service")),
            hub,
        ];
        try
        {
            Console.WriteLine($"{"problem",-10} {"mode",-13} {"median s",9} {"min s",7} {"max s",7} {"CPU s",6} {"events",7} {"× engine",9}");
            foreach (var problem in problems) await BenchProblemAsync(problem, modes, repeats);
        }
        finally
        {
            foreach (var mode in modes) await mode.DisposeAsync();
        }
        Console.WriteLine($"median of {repeats} runs per mode after one warm-up; CPU s = this process's user + sys time over the run "
            + "(the hub row includes the SignalR client's work, which shares the process)");
    }

    private static async Task BenchProblemAsync(string problem, IPipelineMode[] modes, int repeats)
    {
        foreach (var mode in modes) await mode.RunAsync(problem);
        var samples = modes.ToDictionary(m => m, _ => new List<PipelineSample>());
        for (var i = 0; i < repeats; i++)
            foreach (var mode in modes)
                samples[mode].Add(await mode.RunAsync(problem));

        var engineMedian = BenchEnvironment.Median(samples[modes[0]].Select(s => s.Seconds).ToList());
        foreach (var mode in modes)
        {
            var runs = samples[mode];
            var seconds = runs.Select(s => s.Seconds).ToList();
            var median = BenchEnvironment.Median(seconds);
            var events = runs.Select(s => s.Events).Distinct().Order().ToList();
            Console.WriteLine($"{problem,-10} {mode.Name,-13} {median,9:F3} {seconds.Min(),7:F3} {seconds.Max(),7:F3} "
                + $"{BenchEnvironment.Median(runs.Select(s => s.CpuSeconds).ToList()),6:F2} {string.Join('/', events),7} {median / engineMedian,9:F2}");
        }
    }
}
