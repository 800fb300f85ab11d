
namespace LabDashboard.Tests.Integration.Cluster;

/// <summary>
/// Web fronts and workers of one test cluster, each its own process started with the README's commands
/// (<see cref="ClusterCommands"/>) on free loopback ports, with a state folder each under one temporary
/// folder. Beyond the README: a cluster name of its own (so parallel tests and a real cluster on the same
/// Redis do not meet) and warnings-only logs. Disposing kills every process still running and deletes the folder.
/// </summary>
internal sealed class ClusterProcesses(string postgres, string redis, string name) : IAsyncDisposable
{
    private readonly List<DashboardProcess> _processes = [];
    private readonly string _root = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "labdashboard-tests", "cluster-" + Guid.NewGuid().ToString("N"))).FullName;

    /// <summary>Starts worker <paramref name="workerName"/>; returns once it is an active member (its <c>/healthz</c> answers 200).</summary>
    public Task<DashboardProcess> StartWorkerAsync(string workerName)
    {
        var ports = TestPorts.Free(3);
        return StartAsync(ports[0], ClusterCommands.Worker(workerName, Text(ports[1]), Text(ports[2]), ClusterCommands.Url(ports[0]), State(workerName)));
    }

    /// <summary>Starts a web front; returns once it serves.</summary>
    public Task<DashboardProcess> StartWebAsync(string frontName)
    {
        var httpPort = TestPorts.Free();
        return StartAsync(httpPort, ClusterCommands.Web(ClusterCommands.Url(httpPort), State(frontName)));
    }

    /// <summary>What every process wrote so far, each line prefixed with its port (for a failing test's message).</summary>
    public string Output() => string.Join('\n', _processes.SelectMany(p => p.Output.Select(line => $"[{p.BaseAddress.Port}] {line}")));

    private async Task<DashboardProcess> StartAsync(int httpPort, string[] arguments)
    {
        IEnumerable<KeyValuePair<string, string>> environment =
        [
            .. ClusterCommands.Environment(postgres, redis, TestData.Root),
            new("Cluster__Name", name),
            new("Logging__LogLevel__Default", "Warning"),
        ];
        var process = await DashboardProcess.StartAppAsync(new Uri(ClusterCommands.Url(httpPort) + "/"), arguments, environment);
        _processes.Add(process);
        return process;
    }

    private static string Text(int port) => port.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private string State(string processName) => Path.Combine(_root, "state-" + processName);

    public async ValueTask DisposeAsync()
    {
        foreach (var process in _processes) process.Dispose();
        await TestClusters.ForgetAsync(redis, name);
        try { Directory.Delete(_root, recursive: true); }
        catch (IOException) { }
    }
}
