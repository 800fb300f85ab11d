using LabDashboard.Engine.Cluster;
using LabDashboard.Engine.Runs;
using LabDashboard.Engine.Runs.Artifacts;
using LabDashboard.Tests.Engine.Runs.Storage;

namespace LabDashboard.Tests.Engine.Runs.Artifacts;

/// <summary>The contract on PostgreSQL (a schema of its own per test): the reader is another process with a State:Root of its own, as a web front is.</summary>
public sealed class PostgresArtifactStoreTests : RunArtifactStoreContractTests
{
    private readonly Lazy<PostgresTestSchema> _schema = new(() => new PostgresTestSchema());

    private protected override IRunArtifactStore Open(string stateRoot) => ClusterServiceCollectionExtensions.OpenArtifactStore(
        new LabClusterOptions { Mode = ClusterMode.Orleans, ConnectionString = _schema.Value.ConnectionString }, new LabPaths([], stateRoot));

    private protected override string ReaderRoot => Reader.Path;

    [SkippableFact]
    public void Nothing_is_written_under_State_Root_only_local_copies_in_the_cache()
    {
        Open(Writer.Path).Write("runs/r1/images/grid-e1.png", [1, 2]);
        var local = Open(Reader.Path).LocalFile("runs/r1/images/grid-e1.png");

        Assert.Empty(Directory.GetFiles(Writer.Path, "*", SearchOption.AllDirectories));
        Assert.Equal(Path.Combine(Reader.Path, PostgresArtifactStore.CacheFolder, "runs", "r1", "images", "grid-e1.png"), local);
    }

    public override void Dispose()
    {
        base.Dispose();
        if (_schema.IsValueCreated) _schema.Value.Dispose();
    }
}
