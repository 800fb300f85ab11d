using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace LabDashboard.Engine.Runs.Storage;

/// <summary>
/// Runs and their events in SQLite under <c>State:Root</c>. Changes go through the one
/// <see cref="RunStoreWriter"/> (<see cref="OpenWriter"/>); reads open their own connection (WAL
/// lets them run beside it).
/// </summary>
internal sealed class RunStore : IRunStore
{
    private readonly RunDatabase _database;

    /// <summary>Opens (creating if needed) the database and marks runs the last process left live as interrupted.</summary>
    public RunStore(string stateRoot)
    {
        Directory.CreateDirectory(stateRoot);
        _database = new RunDatabase(Path.Combine(stateRoot, RunDatabase.FileName));
        _database.CreateSchema();
        InterruptedRunRecovery.Run(_database);
    }

    /// <summary>Closes the pooled read connections; call once nothing reads any more.</summary>
    public void CloseReaders() => _database.CloseReaders();

    /// <summary>The write connection (one per store; its owner is the only writer).</summary>
    /// <summary>The host name: one process runs every run of its SQLite history.</summary>
    public string Worker => Environment.MachineName;

    public RunStoreWriter OpenWriter(ILogger<RunStoreWriter> logger) => new(new SqliteRunStoreTransactions(_database, Worker), logger);

    /// <summary>The rows the query asks for, newest first (creation time, then id).</summary>
    public IReadOnlyList<StoredRun> List(RunQuery query)
    {
        using var connection = _database.OpenReader();
        using var command = connection.CreateCommand();
        RunListSql.Prepare(command, query, RunColumns, '$');
        return ReadRuns(command);
    }

    public StoredRun? Find(string runId)
    {
        using var connection = _database.OpenReader();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {RunColumns} FROM runs WHERE id = $id";
        command.Parameters.AddWithValue("$id", runId);
        return ReadRuns(command).SingleOrDefault();
    }

    /// <summary>True when the run has a row; reads no events.</summary>
    public bool Exists(string runId)
    {
        using var connection = _database.OpenReader();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT 1 FROM runs WHERE id = $id";
        command.Parameters.AddWithValue("$id", runId);
        return command.ExecuteScalar() is not null;
    }

    /// <summary>The run's events with seq &gt; <paramref name="afterSeq"/>, optionally only of some kinds, in order, at most <paramref name="limit"/>.</summary>
    public IReadOnlyList<RunEvent> Events(string runId, long afterSeq, IReadOnlyCollection<string>? kinds = null, int limit = int.MaxValue)
    {
        using var connection = _database.OpenReader();
        using var command = connection.CreateCommand();
        var kindList = kinds?.ToList() ?? [];
        command.CommandText = "SELECT json FROM events WHERE run_id = $run AND seq > $after"
            + (kinds is null ? "" : $" AND kind IN ({string.Join(", ", kindList.Select((_, i) => $"$kind{i}"))})") + " ORDER BY seq LIMIT $limit";
        command.Parameters.AddWithValue("$run", runId);
        command.Parameters.AddWithValue("$after", afterSeq);
        command.Parameters.AddWithValue("$limit", limit);
        for (var i = 0; i < kindList.Count; i++) command.Parameters.AddWithValue($"$kind{i}", kindList[i]);
        using var reader = command.ExecuteReader();
        var events = new List<RunEvent>();
        while (reader.Read()) events.Add(RunEventJson.Read<RunEvent>(reader.GetString(0)));
        return events;
    }

    private const string RunColumns = "id, problem_id, status, settings, device, versions, created_at, finished_at, results, checks, error, owner, worker, name, notes, tags";

    private static List<StoredRun> ReadRuns(SqliteCommand command)
    {
        using var reader = command.ExecuteReader();
        var runs = new List<StoredRun>();
        while (reader.Read())
            runs.Add(new StoredRun(
                reader.GetString(0), reader.GetString(1), RunStates.ParseStatus(reader.GetString(2)),
                reader.GetString(3), reader.GetString(4), reader.GetString(5),
                RunDatabase.FromUnixMs(reader.GetInt64(6)),
                reader.IsDBNull(7) ? null : RunDatabase.FromUnixMs(reader.GetInt64(7)),
                NullableString(reader, 8), NullableString(reader, 9), NullableString(reader, 10), reader.GetString(11),
                new RunLabel(reader.GetString(13), reader.GetString(14), RunEventJson.Read<List<string>>(reader.GetString(15))), NullableString(reader, 12)));
        return runs;
    }

    private static string? NullableString(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
