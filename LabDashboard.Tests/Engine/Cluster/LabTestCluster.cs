using LabDashboard.Engine.Cluster;
using LabDashboard.Engine.Devices;
using LabDashboard.Engine.Problems;
using LabDashboard.Engine.Runs;
using LabDashboard.Engine.Runs.Artifacts;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Orleans.Runtime.MembershipService.SiloMetadata;
using Orleans.TestingHost;

namespace LabDashboard.Tests.Engine.Cluster;

/// <summary>
/// A lab cluster in this process (Orleans' <see cref="InProcessTestCluster"/>): worker silos, each
/// with an engine and a <c>State:Root</c> of its own, advertising one slot of a device kind the test
/// names (CPU unless it says otherwise; every engine here trains on this machine's device) and writing the shared
/// history in PostgreSQL as that silo; web silos, which run nothing; and a web front
/// (<see cref="Runs"/>) over the cluster's client. The engines are made here and disposed here, not
/// by a silo's container: a killed silo then leaves its runs live, as a killed process does.
/// </summary>
internal sealed class LabTestCluster : IAsyncDisposable
{
    private readonly string _connectionString;
    private readonly string _stateRoot;
    private readonly IReadOnlyList<IProblem> _problems;
    private readonly IReadOnlyList<string> _workerKinds;
    private readonly List<RunService> _engines = [];
    private bool _nextIsWeb;
    private int _workersMade;

    private LabTestCluster(string connectionString, string stateRoot, IReadOnlyList<IProblem> problems, IReadOnlyList<string> workerKinds)
    {
        (_connectionString, _stateRoot, _problems, _workerKinds) = (connectionString, stateRoot, problems, workerKinds);
        var builder = new InProcessTestClusterBuilder((short)workerKinds.Count);
        builder.ConfigureSilo((silo, siloBuilder) =>
        {
            if (_nextIsWeb) siloBuilder.AddFreeDevicePlacement(connectionString, devices: null);
            else siloBuilder.AddFreeDevicePlacement(connectionString, new WorkerDevices(NextWorkerKind(), 1, 1)).Services.AddSingleton(Engine(silo.SiloName)).AddQueuedRunPickup();
            siloBuilder.Services.AddLabClusterSerialization().AddDeadWorkerRecovery(connectionString);
        });
        builder.ConfigureClient(client => client.Services.AddLabClusterSerialization());
        Orleans = builder.Build();
    }

    public InProcessTestCluster Orleans { get; }

    /// <summary>The web front: settings checked here, runs started and watched through their grains.</summary>
    public ClusterRunService Runs { get; private set; } = null!;

    /// <summary>A cluster of <paramref name="workers"/> worker silos running <paramref name="problem"/>, started.</summary>
    public static Task<LabTestCluster> Start(string connectionString, string stateRoot, IProblem problem, short workers = 2) =>
        Start(connectionString, stateRoot, [problem], Enumerable.Repeat("cpu", workers).ToList());

    /// <summary>
    /// A cluster running <paramref name="problems"/> with one worker silo per entry of <paramref name="workerKinds"/>,
    /// each advertising that device kind ("cpu", "cuda"), started; workers started later advertise "cpu".
    /// </summary>
    public static async Task<LabTestCluster> Start(string connectionString, string stateRoot, IReadOnlyList<IProblem> problems, IReadOnlyList<string> workerKinds)
    {
        var cluster = new LabTestCluster(connectionString, stateRoot, problems, workerKinds);
        await cluster.Orleans.DeployAsync();
        cluster.Runs = new ClusterRunService(cluster.Orleans.Client, new ProblemCatalog(problems), new LabPaths([], stateRoot),
            new PostgresRunStore(connectionString, worker: null), new DiskArtifactStore(new LabPaths([], stateRoot)));
        return cluster;
    }

    /// <summary>Starts a silo that hosts no engine and advertises no device, as a web front that is a silo would.</summary>
    public async Task<InProcessSiloHandle> StartWebSilo()
    {
        _nextIsWeb = true;
        try
        {
            return await Orleans.StartAdditionalSiloAsync();
        }
        finally
        {
            _nextIsWeb = false;
        }
    }

    /// <summary>
    /// Starts one more worker silo, as a worker joining a running cluster, and returns once every silo
    /// has it in its cluster manifest and has its device metadata: a silo learns both a moment after
    /// the join, and until then would not place a run there.
    /// </summary>
    public async Task<InProcessSiloHandle> StartWorkerSilo()
    {
        var joined = await Orleans.StartAdditionalSiloAsync();
        // Placement picks among the silos whose grain types the placing silo's cluster manifest lists.
        await Orleans.WaitForClusterManifestToStabilizeAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!Orleans.Silos.All(s => KnowsDevicesOf(s, joined.SiloAddress)))
            await Task.Delay(50, timeout.Token);
        return joined;
    }

    private static bool KnowsDevicesOf(InProcessSiloHandle silo, SiloAddress other) => DevicesOf(silo, other) is not null;

    private static WorkerDevices? DevicesOf(InProcessSiloHandle silo, SiloAddress other) =>
        WorkerDevices.Read(silo.ServiceProvider.GetRequiredService<ISiloMetadataCache>().GetSiloMetadata(other).Metadata);

    /// <summary>The device kind the worker silo <paramref name="worker"/> advertises, as the cluster's silos see it.</summary>
    public string AdvertisedKind(string worker)
    {
        var silo = Orleans.Silos.Single(s => s.Name == worker);
        return Orleans.Silos.Select(s => DevicesOf(s, silo.SiloAddress)?.Kind).Distinct().Single()
            ?? throw new InvalidOperationException($"{worker} advertises no device.");
    }

    /// <summary>The <c>worker</c> column of a run in the shared history.</summary>
    public string Worker(string runId) => Rows().Single(r => r.Id == runId).Worker;

    /// <summary>Every run in the shared history, with its worker, status and times (unix ms).</summary>
    public IReadOnlyList<RunRow> Rows()
    {
        using var connection = new NpgsqlConnection(_connectionString);
        connection.Open();
        using var command = new NpgsqlCommand("SELECT id, worker, status, started_at, finished_at FROM runs ORDER BY created_at, id", connection);
        using var reader = command.ExecuteReader();
        var rows = new List<RunRow>();
        while (reader.Read())
            rows.Add(new RunRow(reader.GetString(0), reader.GetString(1), reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetInt64(3), reader.IsDBNull(4) ? null : reader.GetInt64(4)));
        return rows;
    }

    public async ValueTask DisposeAsync()
    {
        await Orleans.StopAllSilosAsync();
        await Orleans.DisposeAsync();
        lock (_engines) _engines.ForEach(e => e.Dispose());
    }

    private string NextWorkerKind()
    {
        var made = Interlocked.Increment(ref _workersMade) - 1;
        return made < _workerKinds.Count ? _workerKinds[made] : "cpu";
    }

    private RunService Engine(string siloName)
    {
        var engine = new RunService(new ProblemCatalog(_problems), DeviceInfo.Detect(), new LabPaths([], Path.Combine(_stateRoot, siloName)),
            new RunServiceOptions(), new PostgresRunStore(_connectionString, siloName));
        lock (_engines) _engines.Add(engine);
        return engine;
    }
}

/// <summary>A run's row in the shared history.</summary>
internal sealed record RunRow(string Id, string Worker, string Status, long? StartedAtMs, long? FinishedAtMs);
