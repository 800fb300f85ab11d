using System.Runtime.CompilerServices;
using LabDashboard.Engine.Runs;
using LabDashboard.Engine.Runs.Storage;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace LabDashboard.Engine.Cluster;

/// <summary>
/// The run history shared by a lab cluster, in PostgreSQL: the same rows, events, order and paging
/// as the SQLite <see cref="RunStore"/>. Each worker writes the runs it executes; at start-up it
/// marks only its own runs left live as interrupted, since other workers' runs may still be going.
/// </summary>
internal sealed class PostgresRunStore : IRunStore
{
    private readonly PostgresRunDatabase _database;
    private readonly string? _worker;

    /// <summary>
    /// Creates the tables if needed; with a <paramref name="worker"/> name, the runs that worker
    /// left live are marked interrupted and new runs are written as that worker's. A store without
    /// one (a web front) only reads.
    /// </summary>
    public PostgresRunStore(string connectionString, string? worker)
    {
        _database = new PostgresRunDatabase(connectionString);
        _worker = worker;
        _database.CreateSchema();
        if (worker is not null) PostgresInterruptedRunRecovery.Run(_database, worker);
    }

    public string? Worker => _worker;

    public RunStoreWriter OpenWriter(ILogger<RunStoreWriter> logger) => new(new Transactions(_database, _worker), logger);

    public IReadOnlyList<StoredRun> List(RunQuery query)
    {
        using var connection = _database.Open();
        using var command = PostgresRunDatabase.Command(connection, null, "");
        RunListSql.Prepare(command, query, RunColumns, '@');
        return ReadRuns(command);
    }

    public StoredRun? Find(string runId)
    {
        using var connection = _database.Open();
        using var command = PostgresRunDatabase.Command(connection, null, $"SELECT {RunColumns} FROM runs WHERE id = @id");
        command.Parameters.AddWithValue("id", runId);
        return ReadRuns(command).SingleOrDefault();
    }

    public bool Exists(string runId)
    {
        using var connection = _database.Open();
        using var command = PostgresRunDatabase.Command(connection, null, "SELECT 1 FROM runs WHERE id = @id");
        command.Parameters.AddWithValue("id", runId);
        return command.ExecuteScalar() is not null;
    }

    public IReadOnlyList<RunEvent> Events(string runId, long afterSeq, IReadOnlyCollection<string>? kinds = null, int limit = int.MaxValue)
    {
        using var connection = _database.Open();
        using var command = PostgresRunDatabase.Command(connection, null,
            "SELECT json FROM events WHERE run_id = @run AND seq > @after" + (kinds is null ? "" : " AND kind = ANY(@kinds)") + " ORDER BY seq LIMIT @limit");
        command.Parameters.AddWithValue("run", runId);
        command.Parameters.AddWithValue("after", afterSeq);
        command.Parameters.AddWithValue("limit", limit);
        if (kinds is not null) command.Parameters.AddWithValue("kinds", kinds.ToArray());
        using var reader = command.ExecuteReader();
        var events = new List<RunEvent>();
        while (reader.Read()) events.Add(RunEventJson.Read<RunEvent>(reader.GetString(0)));
        return events;
    }

    /// <summary>Nothing to close: Npgsql pools its connections per connection string.</summary>
    public void CloseReaders()
    {
    }

    /// <summary>
    /// Status events of every run in this database's schema, from now on, as the workers commit them
    /// (PostgreSQL LISTEN/NOTIFY on <see cref="PostgresRunStoreSql.StatusChannel"/>); ends with the cancellation.
    /// </summary>
    public async IAsyncEnumerable<RunEvent> WatchStatuses([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        var notified = new Queue<string>();
        connection.Notification += (_, n) => notified.Enqueue(n.Payload);
        await using (var listen = PostgresRunDatabase.Command(connection, null, $"LISTEN {PostgresRunStoreSql.StatusChannel}"))
            await listen.ExecuteNonQueryAsync(cancellationToken);
        while (true)
        {
            await connection.WaitAsync(cancellationToken);
            while (notified.TryDequeue(out var payload))
                if (await StatusEvent(connection, payload, cancellationToken) is { } e) yield return e;
        }
    }

    /// <summary>The notified event, or null when it is not in this schema (the channel is database-wide).</summary>
    private static async Task<RunEvent?> StatusEvent(NpgsqlConnection connection, string payload, CancellationToken cancellationToken)
    {
        var parts = payload.Split(' ');
        if (parts.Length != 2 || !long.TryParse(parts[1], out var seq)) return null;
        await using var command = PostgresRunDatabase.Command(connection, null, "SELECT json FROM events WHERE run_id = @run AND seq = @seq");
        command.Parameters.AddWithValue("run", parts[0]);
        command.Parameters.AddWithValue("seq", seq);
        return await command.ExecuteScalarAsync(cancellationToken) is string json ? RunEventJson.Read<RunEvent>(json) : null;
    }

    private const string RunColumns = "id, problem_id, status, settings, device, versions, created_at, finished_at, results, checks, error, owner, worker, name, notes, tags";

    private static List<StoredRun> ReadRuns(NpgsqlCommand command)
    {
        using var reader = command.ExecuteReader();
        var runs = new List<StoredRun>();
        while (reader.Read())
            runs.Add(new StoredRun(
                reader.GetString(0), reader.GetString(1), RunStates.ParseStatus(reader.GetString(2)),
                reader.GetString(3), reader.GetString(4), reader.GetString(5),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(6)),
                reader.IsDBNull(7) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(7)),
                NullableString(reader, 8), NullableString(reader, 9), NullableString(reader, 10), reader.GetString(11),
                new RunLabel(reader.GetString(13), reader.GetString(14), RunEventJson.Read<List<string>>(reader.GetString(15))), NullableString(reader, 12)));
        return runs;
    }

    private static string? NullableString(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    /// <summary>Each transaction on a connection of its own from Npgsql's pool, so a database restart costs one failed batch, not the writer.</summary>
    private sealed class Transactions(PostgresRunDatabase database, string? worker) : IRunStoreTransactions
    {
        public IRunStoreTransaction Begin()
        {
            var connection = database.Open();
            try { return new Transaction(connection, connection.BeginTransaction(), worker); }
            catch
            {
                connection.Dispose();
                throw;
            }
        }

        public void Dispose() { }
    }

    private sealed class Transaction(NpgsqlConnection connection, NpgsqlTransaction transaction, string? worker) : IRunStoreTransaction
    {
        public void InsertRun(NewRunRow row) => PostgresRunStoreSql.InsertRun(connection, transaction, row, worker);

        public void AppendEvent(RunEvent e, DateTimeOffset now) => PostgresRunStoreSql.AppendEvent(connection, transaction, e, now);

        public bool DeleteRun(string runId) => PostgresRunStoreSql.DeleteRun(connection, transaction, runId);

        public bool Relabel(string runId, RunLabel label) => PostgresRunStoreSql.Relabel(connection, transaction, runId, label);

        public void Commit() => transaction.Commit();

        public void Dispose()
        {
            transaction.Dispose();
            connection.Dispose();
        }
    }
}
