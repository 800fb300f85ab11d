using System.Text.Json;
using LabDashboard.Engine;
using LabDashboard.Engine.Cluster;
using LabDashboard.Engine.Runs;
using LabDashboard.Tests.Engine.Runs.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LabDashboard.Tests.Engine.Cluster;

[Collection(SeededTorchCollection.Name)]
public class LabClusterOptionsTests
{
    [Fact]
    public void The_default_is_one_process_and_every_bad_setting_is_named()
    {
        Assert.Empty(new LabClusterOptions().Problems());
        Assert.Equal(ClusterMode.None, new LabClusterOptions().Mode);

        var problems = new LabClusterOptions { Mode = ClusterMode.Orleans, Role = (ClusterRole)7, SiloPort = 0, GatewayPort = 70000, WorkerName = "a b" }.Problems();

        Assert.Equal(5, problems.Count);
        Assert.Contains(problems, p => p.StartsWith("Cluster:Role", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("ConnectionStrings:Lab", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Cluster:SiloPort must be", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Cluster:GatewayPort must be", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Cluster:WorkerName", StringComparison.Ordinal));
        Assert.Equal(["Cluster:SiloPort and Cluster:GatewayPort must differ (both 5000)."], new LabClusterOptions { SiloPort = 5000, GatewayPort = 5000 }.Problems());
        Assert.Equal($"{Environment.MachineName}:11111", new LabClusterOptions().EffectiveWorkerName);
    }

    [Fact]
    public void Orleans_mode_without_a_database_stops_the_engine_naming_the_setting()
    {
        using var state = new TempFolder();
        using var provider = Engine(state.Path, ("Cluster:Mode", "orleans"), ("Cluster:Role", "worker"));

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IRunService>());

        Assert.Contains("ConnectionStrings:Lab", error.Message);
    }

    [Fact]
    public void Settings_are_read_from_the_Cluster_section_and_ConnectionStrings()
    {
        using var state = new TempFolder();
        using var provider = Engine(state.Path, ("Cluster:Mode", "Orleans"), ("Cluster:Role", "web"), ("Cluster:WorkerName", "gpu-1"),
            ("Cluster:SiloPort", "11112"), ("Cluster:GatewayPort", "30002"), ("ConnectionStrings:Lab", "Host=db"));

        var options = provider.GetRequiredService<IOptions<LabClusterOptions>>().Value;

        Assert.Equal((ClusterMode.Orleans, ClusterRole.Web, "gpu-1", 11112, 30002, "Host=db"),
            (options.Mode, options.Role, options.EffectiveWorkerName, options.SiloPort, options.GatewayPort, options.ConnectionString));
    }

    [Fact]
    public void Hosting_the_cluster_needs_Redis_and_usable_settings_and_does_nothing_in_none_mode()
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new());
        builder.AddLabCluster();
        Assert.DoesNotContain(builder.Services, s => s.ServiceType.FullName!.StartsWith("Orleans.", StringComparison.Ordinal));

        builder.Configuration.AddInMemoryCollection([KeyValuePair.Create("Cluster:Mode", (string?)"orleans"), KeyValuePair.Create("Cluster:AdvertisedAddress", (string?)"nowhere")]);
        var error = Assert.Throws<InvalidOperationException>(() => builder.AddLabCluster());

        Assert.Contains("ConnectionStrings:Redis", error.Message);
        Assert.Contains("ConnectionStrings:Lab", error.Message);
        Assert.Contains("Cluster:AdvertisedAddress", error.Message);
    }

    [SkippableFact]
    public async Task In_orleans_mode_the_engine_keeps_its_runs_in_PostgreSQL_not_in_SQLite()
    {
        using var schema = new PostgresTestSchema();
        using var state = new TempFolder();
        string runId;
        await using (var provider = Engine(state.Path, ("Cluster:Mode", "orleans"), ("Cluster:WorkerName", "w1"), ("ConnectionStrings:Lab", schema.ConnectionString)))
        {
            var runs = provider.GetRequiredService<IRunService>();
            runId = await runs.StartAsync("exp-mle", JsonDocument.Parse("""{"steps": 100}""").RootElement);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await foreach (var _ in runs.Watch(runId, 0, timeout.Token)) { }
        }

        var stored = new PostgresRunStore(schema.ConnectionString, worker: null).Find(runId)!;
        Assert.Equal(("exp-mle", RunStatus.Completed), (stored.ProblemId, stored.Status));
        Assert.False(File.Exists(Path.Combine(state.Path, "labdashboard.db")));
    }

    private static ServiceProvider Engine(string stateRoot, params (string Key, string Value)[] settings) => new ServiceCollection()
        .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value))).Build())
        .AddLabEngine(o => o.StateRoot = stateRoot)
        .BuildServiceProvider();
}
