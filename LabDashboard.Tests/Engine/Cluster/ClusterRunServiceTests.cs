using LabDashboard.Engine.Runs.Artifacts;
using System.Diagnostics;
using System.Text.Json;
using LabDashboard.Engine.Cluster;
using LabDashboard.Engine.Devices;
using LabDashboard.Engine.Problems;
using LabDashboard.Engine.Runs;
using LabDashboard.Tests.Engine.Runs;
using LabDashboard.Tests.Engine.Runs.Storage;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Orleans.TestingHost;

namespace LabDashboard.Tests.Engine.Cluster;

/// <summary>
/// A lab cluster in this process: two worker silos (Orleans' <see cref="InProcessTestCluster"/>),
/// each with its own engine and <c>State:Root</c>, sharing the run history in PostgreSQL; the web
/// front is a <see cref="ClusterRunService"/> over the cluster's client.
/// </summary>
[Trait("Category", "Slow")]
public sealed class ClusterRunServiceTests
{
    [SkippableFact]
    public async Task A_run_started_through_the_cluster_runs_on_a_worker_and_a_late_watcher_gets_every_event_once()
    {
        using var schema = new PostgresTestSchema();
        using var state = new TempFolder();
        var problem = new GatedProblem();
        var engines = new List<RunService>();
        var cluster = Cluster(schema.ConnectionString, state.Path, problem, engines);
        await cluster.DeployAsync();
        try
        {
            Assert.Equal(2, cluster.Silos.Count);
            var runs = new ClusterRunService(cluster.Client, new ProblemCatalog([problem]), new LabPaths([], state.Path),
                new PostgresRunStore(schema.ConnectionString, worker: null), new DiskArtifactStore(new LabPaths([], state.Path)));

            var runId = runs.Start("gated", JsonDocument.Parse("""{"steps": 4}""").RootElement, "ada");

            Assert.True(runs.Exists(runId));
            Assert.Equal(runId, Assert.Single(runs.List(new RunQuery(Owner: "ada"))).RunId);
            problem.Release(2);
            await using (var early = new EventReader(runs.Watch(runId, 0, CancellationToken.None)))
                await early.Until(e => e.Epoch == 2);
            await using var late = new EventReader(runs.Watch(runId, 0, CancellationToken.None));
            await late.Until(e => e.Epoch == 2);
            problem.Release(2);
            await late.UntilKind(RunEventKinds.Finished);
            Assert.True(await late.Ended());

            var events = late.Seen;
            Assert.Equal(Enumerable.Range(1, events.Count).Select(i => (long)i), events.Select(e => e.Seq));
            Assert.Equal([1, 2, 3, 4], events.Where(e => e.Kind == RunEventKinds.Epoch).Select(e => e.Epoch!.Value));
            Assert.Equal(0.25, events.Last(e => e.Kind == RunEventKinds.Epoch).Metrics!["loss"]);
            Assert.Equal(RunOutcome.Completed, events[^1].Outcome);
            Assert.True(Assert.Single(events[^1].Checks!).Passed);
            await using (var tail = new EventReader(runs.Watch(runId, 3, CancellationToken.None)))
            {
                await tail.UntilKind(RunEventKinds.Finished);
                Assert.Equal(events.Skip(3).Select(e => e.Seq), tail.Seen.Select(e => e.Seq));
            }
            var record = runs.Get(runId)!;
            Assert.Equal((RunStatus.Completed, "ada", 4), (record.Summary.Status, record.Summary.Owner, record.EpochEvents.Count));
            Assert.Contains(Worker(schema.ConnectionString, runId), cluster.Silos.Select(s => s.Name));
            Assert.Throws<UnknownRunException>(() => runs.Watch("nosuchrun", 0, CancellationToken.None));
        }
        finally
        {
            await cluster.StopAllSilosAsync();
            await cluster.DisposeAsync();
            engines.ForEach(e => e.Dispose());
        }
    }

    [SkippableFact]
    public async Task A_worker_killed_mid_run_has_its_run_marked_interrupted_by_the_surviving_worker()
    {
        using var schema = new PostgresTestSchema();
        using var state = new TempFolder();
        var problem = new GatedProblem();
        var engines = new List<RunService>();
        var cluster = Cluster(schema.ConnectionString, state.Path, problem, engines);
        await cluster.DeployAsync();
        try
        {
            var runs = new ClusterRunService(cluster.Client, new ProblemCatalog([problem]), new LabPaths([], state.Path),
                new PostgresRunStore(schema.ConnectionString, worker: null), new DiskArtifactStore(new LabPaths([], state.Path)));
            var runId = runs.Start("gated", JsonDocument.Parse("""{"steps": 4}""").RootElement, "ada");
            problem.Release(1);
            await using (var reader = new EventReader(runs.Watch(runId, 0, CancellationToken.None)))
                await reader.Until(e => e.Epoch == 1);
            var victim = cluster.Silos.Single(s => s.Name == Worker(schema.ConnectionString, runId));

            var detection = Stopwatch.StartNew();
            await cluster.KillSiloAsync(victim);
            while (runs.Get(runId)!.Summary.Status != RunStatus.Interrupted)
            {
                Assert.True(detection.Elapsed < TimeSpan.FromSeconds(90), "The dead worker's run was not marked interrupted within 90 s.");
                await Task.Delay(250);
            }

            Assert.Equal(victim.Name, runs.Get(runId)!.Worker);
            await using var late = new EventReader(runs.Watch(runId, 0, CancellationToken.None));
            Assert.Equal(RunOutcome.Interrupted, (await late.UntilKind(RunEventKinds.Finished)).Outcome);
        }
        finally
        {
            await cluster.StopAllSilosAsync();
            await cluster.DisposeAsync();
            problem.Release(100);
            engines.ForEach(e => e.Dispose());
        }
    }

    /// <summary>
    /// Two silos, each running the problem on an engine of its own that writes the shared history as
    /// that silo. The engines are made here and disposed by the test, not by the silo's container: a
    /// killed silo then leaves its runs live, as a killed process does.
    /// </summary>
    private static InProcessTestCluster Cluster(string connectionString, string stateRoot, IProblem problem, List<RunService> engines)
    {
        var builder = new InProcessTestClusterBuilder(2);
        builder.ConfigureSilo((silo, siloBuilder) =>
        {
            var engine = new RunService(new ProblemCatalog([problem]), DeviceInfo.Detect(),
                new LabPaths([], Path.Combine(stateRoot, silo.SiloName)), new RunServiceOptions(),
                new PostgresRunStore(connectionString, silo.SiloName));
            lock (engines) engines.Add(engine);
            siloBuilder.Services.AddLabClusterSerialization().AddDeadWorkerRecovery(connectionString).AddSingleton(engine);
        });
        builder.ConfigureClient(client => client.Services.AddLabClusterSerialization());
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
