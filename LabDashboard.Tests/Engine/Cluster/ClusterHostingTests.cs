using System.Text.Json;
using LabDashboard.Engine;
using LabDashboard.Engine.Cluster;
using LabDashboard.Engine.Runs;
using LabDashboard.Tests.Engine.Runs;
using LabDashboard.Tests.Engine.Runs.Storage;
using LabDashboard.Tests.Integration.Cluster;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace LabDashboard.Tests.Engine.Cluster;

/// <summary>
/// Two hosts configured only by their <c>Cluster</c> settings, as two processes would be: a worker
/// silo and a web front (an Orleans client), finding each other through the test Redis and sharing
/// the run history in the test PostgreSQL.
/// </summary>
[Trait("Category", "Slow")]
[Collection(SeededTorchCollection.Name)]
public sealed class ClusterHostingTests
{
    [SkippableFact]
    public async Task A_web_host_starts_an_exam_problem_that_a_worker_host_runs()
    {
        var redis = TestServices.Require(TestServices.RedisVariable, "Redis");
        using var schema = new PostgresTestSchema();
        using var state = new TempFolder();
        var name = TestClusters.NewName();
        var cluster = ("Cluster:Name", name);
        var ports = TestPorts.Free(2);
        using var worker = Host(Path.Combine(state.Path, "worker"), schema.ConnectionString, redis, cluster, ("Cluster:Role", "worker"),
            ("Cluster:WorkerName", "w1"), ("Cluster:AdvertisedAddress", "127.0.0.1"),
            ("Cluster:SiloPort", ports[0].ToString()), ("Cluster:GatewayPort", ports[1].ToString()));
        using var web = Host(Path.Combine(state.Path, "web"), schema.ConnectionString, redis, cluster, ("Cluster:Role", "web"));
        await worker.StartAsync();
        await web.StartAsync();
        try
        {
            var runs = web.Services.GetRequiredService<IRunService>();
            Assert.IsType<ClusterRunService>(runs);

            var runId = await runs.StartAsync("exp-mle", JsonDocument.Parse("""{"steps": 1000}""").RootElement);
            await using var reader = new EventReader(runs.Watch(runId, 0, CancellationToken.None));
            var finished = await reader.UntilKind(RunEventKinds.Finished);

            Assert.Equal(RunOutcome.Completed, finished.Outcome);
            Assert.Equal(2.0299, finished.Results!["sampleMean"], 4);
            Assert.Equal(Enumerable.Range(1, reader.Seen.Count).Select(i => (long)i), reader.Seen.Select(e => e.Seq));
            Assert.Equal(RunStatus.Completed, runs.Get(runId)!.Summary.Status);
            Assert.Equal("w1", Worker(schema.ConnectionString, runId));
        }
        finally
        {
            await web.StopAsync();
            await worker.StopAsync();
            await TestClusters.ForgetAsync(redis, name);
        }
    }

    private static IHost Host(string stateRoot, string postgres, string redis, params (string Key, string Value)[] settings)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings.Concat([("Cluster:Mode", "orleans"), ("ConnectionStrings:Lab", postgres), ("ConnectionStrings:Redis", redis)])
            .Select(s => KeyValuePair.Create(s.Item1, (string?)s.Item2)));
        builder.Services.AddLabEngine(o => o.StateRoot = stateRoot);
        builder.AddLabCluster();
        return builder.Build();
    }

    private static string Worker(string connectionString, string runId)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = new NpgsqlCommand("SELECT worker FROM runs WHERE id = @id", connection);
        command.Parameters.AddWithValue("id", runId);
        return (string)command.ExecuteScalar()!;
    }
}
