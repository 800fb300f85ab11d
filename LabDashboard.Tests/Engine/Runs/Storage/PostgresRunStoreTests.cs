using LabDashboard.Engine.Cluster;
using LabDashboard.Engine.Runs;
using LabDashboard.Engine.Runs.Storage;

namespace LabDashboard.Tests.Engine.Runs.Storage;

/// <summary>The store contract on PostgreSQL (a schema of its own per test), as worker <c>w1</c> of a lab cluster.</summary>
public sealed class PostgresRunStoreTests : RunStoreContractTests
{
    private readonly Lazy<PostgresTestSchema> _schema = new(() => new PostgresTestSchema());

    private protected override IRunStore Open() => new PostgresRunStore(_schema.Value.ConnectionString, "w1");

    [SkippableFact]
    public void A_worker_starting_interrupts_only_the_runs_it_left_live()
    {
        var other = new PostgresRunStore(_schema.Value.ConnectionString, "w2");
        using (var writer = other.OpenWriter(Microsoft.Extensions.Logging.Abstractions.NullLogger<RunStoreWriter>.Instance))
            Assert.All(writer.Commit([Change(t => t.InsertRun(Row("theirs", "gan", DateTimeOffset.UnixEpoch)))]), Assert.Null);
        using (var writer = Open().OpenWriter(Microsoft.Extensions.Logging.Abstractions.NullLogger<RunStoreWriter>.Instance))
            Assert.All(writer.Commit([Change(t => t.InsertRun(Row("mine", "gan", DateTimeOffset.UnixEpoch)))]), Assert.Null);

        var restarted = Open();

        Assert.Equal(RunStatus.Interrupted, restarted.Find("mine")!.Status);
        Assert.Equal(RunStatus.Queued, restarted.Find("theirs")!.Status);
        Assert.Empty(restarted.Events("theirs", 0));
    }

    [SkippableFact]
    public void A_web_front_store_reads_the_history_and_interrupts_nothing()
    {
        using (var writer = Open().OpenWriter(Microsoft.Extensions.Logging.Abstractions.NullLogger<RunStoreWriter>.Instance))
            Assert.All(writer.Commit([Change(t => t.InsertRun(Row("live", "gan", DateTimeOffset.UnixEpoch)))]), Assert.Null);

        var web = new PostgresRunStore(_schema.Value.ConnectionString, worker: null);

        Assert.Equal(RunStatus.Queued, web.Find("live")!.Status);
    }

    public override void Dispose()
    {
        if (_schema.IsValueCreated) _schema.Value.Dispose();
    }
}
