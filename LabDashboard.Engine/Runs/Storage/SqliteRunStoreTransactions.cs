using Microsoft.Data.Sqlite;

namespace LabDashboard.Engine.Runs.Storage;

/// <summary>The SQLite writer's transactions, all on its one connection (<see cref="RunStoreSql"/>'s statements).</summary>
internal sealed class SqliteRunStoreTransactions(RunDatabase database, string worker) : IRunStoreTransactions
{
    private readonly SqliteConnection _connection = database.Open();

    public IRunStoreTransaction Begin() => new Transaction(_connection, _connection.BeginTransaction(), worker);

    public void Dispose() => _connection.Dispose();

    private sealed class Transaction(SqliteConnection connection, SqliteTransaction transaction, string worker) : IRunStoreTransaction
    {
        public void InsertRun(NewRunRow row) => RunStoreSql.InsertRun(connection, transaction, row, worker);

        public void AppendEvent(RunEvent e, DateTimeOffset now) => RunStoreSql.AppendEvent(connection, transaction, e, now);

        public bool DeleteRun(string runId) => RunStoreSql.DeleteRun(connection, transaction, runId);

        public bool Relabel(string runId, RunLabel label) => RunStoreSql.Relabel(connection, transaction, runId, label);

        public void Commit() => transaction.Commit();

        public void Dispose() => transaction.Dispose();
    }
}
