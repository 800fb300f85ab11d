using LabDashboard.Tests.Engine.Runs.Storage;

namespace LabDashboard.Tests.Integration.Cluster;

/// <summary>
/// The web app (<see cref="LabServer"/>, real Kestrel) as a lab cluster of two, configured only by
/// settings, through the test PostgreSQL (a schema of its own) and Redis: worker <c>w1</c>, which
/// serves only <c>/healthz</c>, and a web front, which hosts no runs.
/// </summary>
internal sealed class KestrelLabCluster : IAsyncDisposable
{
    private readonly PostgresTestSchema _schema;
    private readonly string _redis;
    private readonly string _name;

    private KestrelLabCluster(PostgresTestSchema schema, string redis, string name, LabServer worker, LabServer web) =>
        (_schema, _redis, _name, Worker, Web) = (schema, redis, name, worker, web);

    /// <summary>The worker, <c>w1</c>.</summary>
    public LabServer Worker { get; }

    /// <summary>The web front.</summary>
    public LabServer Web { get; }

    /// <summary>The history's schema.</summary>
    public PostgresTestSchema Schema => _schema;

    /// <summary>Starts the worker, then the web front (skipped, or failed under CI, without PostgreSQL or Redis).</summary>
    public static async Task<KestrelLabCluster> StartAsync()
    {
        var redis = TestServices.Require(TestServices.RedisVariable, "Redis");
        var schema = new PostgresTestSchema();
        var name = TestClusters.NewName();
        LabServer? worker = null;
        try
        {
            var ports = TestPorts.Free(2);
            worker = await LabServer.StartAsync(null, Settings(schema, redis, name, ("Cluster:Role", "worker"), ("Cluster:WorkerName", "w1"),
                ("Cluster:AdvertisedAddress", "127.0.0.1"), ("Cluster:SiloPort", ports[0].ToString()), ("Cluster:GatewayPort", ports[1].ToString())));
            var web = await LabServer.StartAsync(null, Settings(schema, redis, name, ("Cluster:Role", "web")));
            return new KestrelLabCluster(schema, redis, name, worker, web);
        }
        catch
        {
            if (worker is not null) await worker.DisposeAsync();
            await TestClusters.ForgetAsync(redis, name);
            schema.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Web.DisposeAsync();
        // The silo first: stopping, it updates its membership row in Redis, and with the keys gone it retried for 2 minutes.
        await Worker.DisposeAsync();
        await TestClusters.ForgetAsync(_redis, _name);
        _schema.Dispose();
    }

    private static LabServerOptions Settings(PostgresTestSchema schema, string redis, string name, params (string Key, string Value)[] settings) => new()
    {
        Settings = settings.Concat([("Cluster:Mode", "orleans"), ("Cluster:Name", name), ("ConnectionStrings:Lab", schema.ConnectionString), ("ConnectionStrings:Redis", redis)])
            .ToDictionary(s => s.Item1, s => (string?)s.Item2),
    };
}
