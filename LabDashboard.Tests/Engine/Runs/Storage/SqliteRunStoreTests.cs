using LabDashboard.Engine.Runs.Storage;

namespace LabDashboard.Tests.Engine.Runs.Storage;

/// <summary>The store contract on the default SQLite file under a fresh <c>State:Root</c>.</summary>
public sealed class SqliteRunStoreTests : RunStoreContractTests
{
    private readonly TempFolder _state = new();

    private protected override IRunStore Open() => new RunStore(_state.Path);

    public override void Dispose() => _state.Dispose();
}
