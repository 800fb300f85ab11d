using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Npgsql;
using StackExchange.Redis;

namespace LabDashboard.Bench;

/// <summary>
/// pipeline --cluster 1 (issue 16): every role its own process, started as README "Run a lab cluster"
/// starts it (<see cref="BenchProcess"/>), each driven through its SignalR hub. (a) One run's start →
/// finished through a <c>Cluster:Mode=none</c> process and through an <c>orleans</c> web front with one
/// worker, interleaved, median of <c>--repeats</c> after a warm-up: the overhead of the cluster. (b)
/// Throughput: <c>--runs 8</c> runs submitted at once, wall time until the last finished, on the
/// <c>none</c> process, the cluster with one worker and, after a second worker joined, with two; each a
/// warm-up batch, then <c>--repeats</c> batches, with how many runs each worker took (Orleans places them).
/// Every run gets <c>--settings</c> (a JSON object, e.g. <c>{"steps":20000}</c>; default the problem's own).
/// <c>--process-cores N</c> makes every started process behave as on a machine of N cores, so that on one VM
/// each worker stands in for a machine of its own (and the <c>none</c> process gets the same, a fair
/// baseline): <c>OMP_NUM_THREADS=N</c>, which libtorch's OpenMP build takes as its thread count
/// (<c>torch.get_num_threads()</c>, so the device's), and <c>DOTNET_PROCESSOR_COUNT=N</c>, which .NET takes
/// for its GC heaps and thread pool (with 1: workstation GC; else the web app's server GC would run every
/// training loop's periodic full collection on all cores of the VM).
/// Needs PostgreSQL and Redis: <c>--postgres</c>/<c>--redis</c>, else <c>LAB_TEST_POSTGRES</c>/<c>LAB_TEST_REDIS</c>;
/// a schema and a cluster name of its own, removed at the end.
/// </summary>
internal static class PipelineClusterBench
{
    public static async Task RunAsync(BenchArguments options, string problem, int repeats)
    {
        var runs = options.Int("--runs", 8);
        var workload = new Workload(problem, options.JsonObject("--settings") ?? PipelineHubMode.DefaultSettings);
        var cores = ProcessCores(options);
        var postgres = options.Text("--postgres") ?? Environment.GetEnvironmentVariable("LAB_TEST_POSTGRES")
            ?? throw new ArgumentException("--cluster 1 needs PostgreSQL: --postgres or LAB_TEST_POSTGRES.");
        var redis = options.Text("--redis") ?? Environment.GetEnvironmentVariable("LAB_TEST_REDIS")
            ?? throw new ArgumentException("--cluster 1 needs Redis: --redis or LAB_TEST_REDIS.");
        using var state = new BenchState(options.StateRoot, "pipeline-cluster");
        var schema = "bench_" + Guid.NewGuid().ToString("N")[..16];
        var cluster = "bench-" + Guid.NewGuid().ToString("N")[..12];
        await ExecuteAsync(postgres, $"CREATE SCHEMA {schema}");
        var processes = new List<BenchProcess>();
        try
        {
            var roles = new Roles(options, state.Root, processes, cores,
                ClusterEnvironment(new NpgsqlConnectionStringBuilder(postgres) { SearchPath = schema }.ToString(), redis, cluster, options.DataRoot));
            var clock = Stopwatch.StartNew();
            var single = await roles.StartSingleAsync();
            await roles.StartWorkerAsync("w1");
            var web = await roles.StartWebAsync();
            Console.WriteLine($"none process, worker w1 and web front started in {clock.Elapsed.TotalSeconds:F1} s; state {state.Root}; "
                + $"{workload}; cores per process: {(cores is { } n ? $"{n} (OMP_NUM_THREADS, DOTNET_PROCESSOR_COUNT)" : "all")}");
            await using var singleHub = await single.ConnectHubAsync();
            await using var webHub = await web.ConnectHubAsync();
            using var webHttp = new HttpClient { BaseAddress = web.BaseAddress };

            await OverheadAsync(workload, repeats, singleHub, webHub);
            Console.WriteLine($"{runs} {problem} runs submitted at once, wall s until the last finished (runs per worker):");
            var history = new NpgsqlConnectionStringBuilder(postgres) { SearchPath = schema }.ToString();
            await ThroughputAsync("none (one process)", workload, runs, repeats, singleHub, null, roles);
            await ThroughputAsync("orleans, 1 worker", workload, runs, repeats, webHub, new Cluster(webHttp, history), roles);
            await roles.StartWorkerAsync("w2");
            await ThroughputAsync("orleans, 2 workers", workload, runs, repeats, webHub, new Cluster(webHttp, history), roles);
        }
        finally
        {
            foreach (var process in processes) process.Dispose();
            await ForgetClusterAsync(redis, cluster);
            await ExecuteAsync(postgres, $"DROP SCHEMA {schema} CASCADE");
        }
    }

    /// <summary><c>--process-cores</c>, or null for the machine's.</summary>
    private static int? ProcessCores(BenchArguments options)
    {
        if (options.Text("--process-cores") is null) return null;
        var cores = options.Int("--process-cores", 0);
        return cores >= 1 ? cores : throw new ArgumentException("--process-cores must be at least 1.");
    }

    /// <summary>What every run is: a problem and the settings it starts with.</summary>
    private sealed record Workload(string Problem, JsonElement Settings)
    {
        public Task<PipelineSample> RunAsync(HubConnection hub, string mode) => PipelineHubMode.RunAsync(hub, Problem, Settings, mode);

        public Task<(string RunId, int Events, double StartSeconds)> StartAndWatchAsync(HubConnection hub, string mode) =>
            PipelineHubMode.StartAndWatchAsync(hub, Problem, Settings, mode);

        public override string ToString() => $"{Problem} with settings {Settings.GetRawText()}";
    }

    private static async Task OverheadAsync(Workload workload, int repeats, HubConnection single, HubConnection web)
    {
        await workload.RunAsync(single, "none");
        await workload.RunAsync(web, "orleans");
        var none = new List<double>();
        var orleans = new List<double>();
        for (var i = 0; i < repeats; i++)
        {
            none.Add((await workload.RunAsync(single, "none")).Seconds);
            orleans.Add((await workload.RunAsync(web, "orleans")).Seconds);
        }
        var (noneMedian, orleansMedian) = (BenchEnvironment.Median(none), BenchEnvironment.Median(orleans));
        Console.WriteLine($"one {workload.Problem} run, start → finished through the hub, median of {repeats} (min–max): "
            + $"none {noneMedian:F3} s ({none.Min():F3}–{none.Max():F3}), orleans web + 1 worker {orleansMedian:F3} s "
            + $"({orleans.Min():F3}–{orleans.Max():F3}); orleans / none {orleansMedian / noneMedian:F2}");
    }

    /// <summary>A cluster's web front (for the runs' workers) and history (for when they were stored as finished).</summary>
    private sealed record Cluster(HttpClient Web, string History);

    private static async Task ThroughputAsync(string label, Workload workload, int runs, int repeats, HubConnection hub, Cluster? cluster, Roles roles)
    {
        await Task.WhenAll(Enumerable.Range(0, runs).Select(_ => workload.StartAndWatchAsync(hub, label)));
        var cpu = new PhaseCpu(roles.Started);
        var walls = new List<double>();
        var placements = new List<string>();
        var starts = new List<double>();
        for (var i = 0; i < repeats; i++)
        {
            var started = DateTimeOffset.UtcNow;
            var clock = Stopwatch.StartNew();
            var batch = await Task.WhenAll(Enumerable.Range(0, runs).Select(_ => workload.StartAndWatchAsync(hub, label)));
            walls.Add(clock.Elapsed.TotalSeconds);
            var ids = batch.Select(b => b.RunId).ToArray();
            starts.Add(batch.Max(b => b.StartSeconds));
            if (cluster is not null)
                placements.Add($"{await PlacementAsync(cluster.Web, ids)}, stored finished at {await LastFinishedAsync(cluster.History, ids, started):F2} s");
        }
        Console.WriteLine($"  {label,-20} median {BenchEnvironment.Median(walls):F2} s of {string.Join(", ", walls.Select(w => w.ToString("F2")))}"
            + (placements.Count > 0 ? $" ({string.Join("; ", placements)})" : "")
            + $"; last StartRun answered after {string.Join(", ", starts.Select(w => w.ToString("F2")))} s; load average {BenchEnvironment.LoadAverage()}");
        Console.WriteLine($"  {"",-20} {cpu}");
    }

    /// <summary>
    /// CPU seconds each started process, this benchmark and the whole machine spent from construction to
    /// <see cref="ToString"/>: whether the runs had their cores, or shared them with other programs.
    /// </summary>
    private sealed class PhaseCpu
    {
        private readonly IReadOnlyList<(string Name, BenchProcess Process)> _processes;
        private readonly TimeSpan[] _processStart;
        private readonly CpuSample _selfStart = CpuSample.Now();
        private readonly double _machineStart = BenchEnvironment.MachineBusySeconds();

        public PhaseCpu(IReadOnlyList<(string Name, BenchProcess Process)> processes)
        {
            _processes = [.. processes];
            _processStart = [.. _processes.Select(p => p.Process.CpuTime)];
        }

        public override string ToString()
        {
            var spent = _processes.Select((p, i) => (p.Name, Seconds: (p.Process.CpuTime - _processStart[i]).TotalSeconds)).ToList();
            var self = CpuSample.Now() - _selfStart;
            var ours = spent.Sum(p => p.Seconds) + (self.User + self.Sys).TotalSeconds;
            var machine = BenchEnvironment.MachineBusySeconds() - _machineStart;
            return $"CPU s over the {self.Wall.TotalSeconds:F1} s: {string.Join(", ", spent.Select(p => $"{p.Name} {p.Seconds:F1}"))}, "
                + $"this benchmark {(self.User + self.Sys).TotalSeconds:F1}; machine busy {machine:F1} of {Environment.ProcessorCount * self.Wall.TotalSeconds:F1} "
                + $"(other programs: PostgreSQL, Redis and the rest of the machine ≈ {machine - ours:F1})";
        }
    }

    /// <summary>How many of <paramref name="runIds"/> each worker ran, e.g. "w1 5, w2 3".</summary>
    private static async Task<string> PlacementAsync(HttpClient web, IEnumerable<string> runIds)
    {
        var workers = new List<string>();
        foreach (var id in runIds)
            workers.Add((await web.GetFromJsonAsync<JsonElement>($"api/runs/{id}")).GetProperty("worker").GetString() ?? "?");
        return string.Join(", ", workers.GroupBy(w => w).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}"));
    }

    /// <summary>Seconds from <paramref name="started"/> until the last of <paramref name="runIds"/> was stored as finished (the rest of the wall is the watchers').</summary>
    private static async Task<double> LastFinishedAsync(string history, string[] runIds, DateTimeOffset started)
    {
        await using var connection = new NpgsqlConnection(history);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT max(finished_at) FROM runs WHERE id = ANY(@ids)", connection);
        command.Parameters.AddWithValue("ids", runIds);
        return ((long)(await command.ExecuteScalarAsync())! - started.ToUnixTimeMilliseconds()) / 1000.0;
    }

    /// <summary>README "Run a lab cluster"'s shared settings, with this benchmark's schema and cluster name.</summary>
    private static KeyValuePair<string, string>[] ClusterEnvironment(string postgres, string redis, string cluster, string dataRoot) =>
    [
        new("Cluster__Mode", "orleans"),
        new("Cluster__AdvertisedAddress", "127.0.0.1"),
        new("ConnectionStrings__Lab", postgres),
        new("ConnectionStrings__Redis", redis),
        new("Data__Root", dataRoot),
        new("Cluster__Name", cluster),
        new("Logging__LogLevel__Default", "Warning"),
    ];

    /// <summary>Starts the processes, README "Run a lab cluster"'s commands, each with a state folder of its own and, when given, as on a machine of <paramref name="cores"/> cores.</summary>
    private sealed class Roles(BenchArguments options, string stateRoot, List<BenchProcess> processes, int? cores, KeyValuePair<string, string>[] cluster)
    {
        private readonly List<(string Name, BenchProcess Process)> _started = [];

        /// <summary>The processes started so far, by role name: none, w1, web, w2.</summary>
        public IReadOnlyList<(string Name, BenchProcess Process)> Started => _started;

        public Task<BenchProcess> StartSingleAsync() => StartAsync("none", BenchProcess.FreePorts(1)[0], ["--State:Root=" + State("none")],
            [new("Data__Root", options.DataRoot), new("Logging__LogLevel__Default", "Warning")]);

        public Task<BenchProcess> StartWorkerAsync(string name)
        {
            var ports = BenchProcess.FreePorts(3);
            return StartAsync(name, ports[0],
                ["--Cluster:Role=worker", $"--Cluster:WorkerName={name}", $"--Cluster:SiloPort={ports[1]}", $"--Cluster:GatewayPort={ports[2]}", "--State:Root=" + State(name)],
                cluster);
        }

        public Task<BenchProcess> StartWebAsync() => StartAsync("web", BenchProcess.FreePorts(1)[0], ["--Cluster:Role=web", "--State:Root=" + State("web")], cluster);

        private async Task<BenchProcess> StartAsync(string name, int httpPort, string[] arguments, KeyValuePair<string, string>[] environment)
        {
            var n = cores?.ToString(CultureInfo.InvariantCulture);
            KeyValuePair<string, string>[] limit = n is null ? [] : [new("OMP_NUM_THREADS", n), new("DOTNET_PROCESSOR_COUNT", n)];
            var process = await BenchProcess.StartAsync(httpPort, arguments, [.. environment, .. limit]);
            processes.Add(process);
            _started.Add((name, process));
            return process;
        }

        private string State(string name) => Path.Combine(stateRoot, name);
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Removes Orleans' membership keys under the cluster's name, which outlive the processes.</summary>
    private static async Task ForgetClusterAsync(string redis, string cluster)
    {
        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis);
        foreach (var server in connection.GetServers())
            foreach (var key in server.Keys(pattern: cluster + "*"))
                await connection.GetDatabase().KeyDeleteAsync(key);
    }
}
