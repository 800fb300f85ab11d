using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace LabDashboard.Engine.Runs.Storage;

/// <summary>
/// Runs and their events in SQLite under <c>State:Root</c>. Changes go through the one
/// <see cref="RunStoreWriter"/>; reads open their own connection (WAL lets them run beside it).
/// </summary>
internal sealed class RunStore : IDisposable
{
    private readonly RunDatabase _database;
    private readonly RunStoreWriter _writer;

    /// <summary>Opens (creating if needed) the database and marks runs the last process left live as interrupted.</summary>
    public RunStore(string stateRoot, Action<string> onFinishedStored, ILogger<RunStoreWriter> writerLogger)
    {
        Directory.CreateDirectory(stateRoot);
        _database = new RunDatabase(Path.Combine(stateRoot, RunDatabase.FileName));
        _database.CreateSchema();
        InterruptedRunRecovery.Run(_database);
        _writer = new RunStoreWriter(_database, onFinishedStored, writerLogger);
    }

    public void InsertRun(NewRunRow row) => _writer.InsertRun(row);

    public void Append(RunEvent e) => _writer.Append(e);

    public bool Delete(string runId) => _writer.Delete(runId);

    public void Flush() => _writer.Flush();

    public IReadOnlyList<StoredRun> List(string? problemId)
    {
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {RunColumns} FROM runs {(problemId is null ? "" : "WHERE problem_id = $problem")} ORDER BY created_at DESC";
        if (problemId is not null) command.Parameters.AddWithValue("$problem", problemId);
        return ReadRuns(command);
    }

    public StoredRun? Find(string runId)
    {
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {RunColumns} FROM runs WHERE id = $id";
        command.Parameters.AddWithValue("$id", runId);
        return ReadRuns(command).SingleOrDefault();
    }

    /// <summary>The run's events with seq &gt; <paramref name="afterSeq"/>, optionally of one kind, in order.</summary>
    public IReadOnlyList<RunEvent> Events(string runId, long afterSeq, string? kind = null)
    {
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT json FROM events WHERE run_id = $run AND seq > $after"
            + (kind is null ? "" : " AND kind = $kind") + " ORDER BY seq";
        command.Parameters.AddWithValue("$run", runId);
        command.Parameters.AddWithValue("$after", afterSeq);
        if (kind is not null) command.Parameters.AddWithValue("$kind", kind);
        using var reader = command.ExecuteReader();
        var events = new List<RunEvent>();
        while (reader.Read()) events.Add(RunEventJson.Read<RunEvent>(reader.GetString(0)));
        return events;
    }

    /// <summary>Commits what is queued and closes the database.</summary>
    public void Dispose() => _writer.Dispose();

    private const string RunColumns = "id, problem_id, status, settings, device, versions, created_at, finished_at, results, checks, error";

    private static List<StoredRun> ReadRuns(SqliteCommand command)
    {
        using var reader = command.ExecuteReader();
        var runs = new List<StoredRun>();
        while (reader.Read())
            runs.Add(new StoredRun(
                reader.GetString(0), reader.GetString(1), RunDatabase.ParseStatus(reader.GetString(2)),
                reader.GetString(3), reader.GetString(4), reader.GetString(5),
                RunDatabase.FromUnixMs(reader.GetInt64(6)),
                reader.IsDBNull(7) ? null : RunDatabase.FromUnixMs(reader.GetInt64(7)),
                NullableString(reader, 8), NullableString(reader, 9), NullableString(reader, 10)));
        return runs;
    }

    private static string? NullableString(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
