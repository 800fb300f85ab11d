using System.Text.Json;
using LabDashboard.Engine.Cluster;
using LabDashboard.Engine.Devices;
using LabDashboard.Engine.Problems;
using LabDashboard.Engine.Runs;
using LabDashboard.Tests.Engine.Runs;
using LabDashboard.Tests.Engine.Runs.Storage;

namespace LabDashboard.Tests.Engine.Cluster;

/// <summary>A worker's disk quota counts the artifacts a user's runs keep in the cluster's database, wherever they were written.</summary>
public sealed class ClusterQuotaTests
{
    [SkippableFact]
    public async Task Artifacts_in_PostgreSQL_count_toward_the_disk_limit_and_leave_with_the_deleted_run()
    {
        using var schema = new PostgresTestSchema();
        using var state = new TempFolder();
        var paths = new LabPaths([], state.Path);
        var cluster = new LabClusterOptions { Mode = ClusterMode.Orleans, ConnectionString = schema.ConnectionString };
        var artifacts = ClusterServiceCollectionExtensions.OpenArtifactStore(cluster, paths);
        using var service = new RunService(new ProblemCatalog([new GatedProblem { Free = true }]), DeviceInfo.Detect(), paths, new RunServiceOptions(),
            ClusterServiceCollectionExtensions.OpenRunStore(cluster, paths), quotas: new QuotaOptions { MaxDiskPerUserMb = 1 }, artifacts: artifacts);
        var old = await service.StartAsync("gated", Steps(1), "alice");
        await foreach (var _ in service.Watch(old, 0, CancellationToken.None)) { }
        artifacts.Write($"runs/{old}/images/grid-e1.png", new byte[1024 * 1024 + 1]);

        var refused = await Assert.ThrowsAsync<QuotaExceededException>(() => service.StartAsync("gated", Steps(1), "alice"));

        Assert.Equal("Quotas:MaxDiskPerUserMb", refused.Limit);
        Assert.False(Directory.Exists(Path.Combine(state.Path, "runs")));
        service.Flush();
        Assert.True(await service.DeleteAsync(old));
        Assert.Equal(0, artifacts.Size($"runs/{old}"));
        Assert.NotNull(await service.StartAsync("gated", Steps(1), "alice"));
    }

    private static JsonElement Steps(int steps) => JsonDocument.Parse($$"""{"steps": {{steps}}}""").RootElement;
}
