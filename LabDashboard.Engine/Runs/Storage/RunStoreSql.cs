using Microsoft.Data.Sqlite;

namespace LabDashboard.Engine.Runs.Storage;

/// <summary>The statements that change the database (run by the one writer, and by start-up recovery).</summary>
internal static class RunStoreSql
{
    public static void InsertRun(SqliteConnection connection, SqliteTransaction transaction, NewRunRow row, string worker)
    {
        using var command = Command(connection, transaction, """
            INSERT INTO runs (id, problem_id, owner, status, settings, device, versions, created_at, worker)
            VALUES ($id, $problem, $owner, 'queued', $settings, $device, $versions, $created, $worker)
            """);
        command.Parameters.AddWithValue("$id", row.Id);
        command.Parameters.AddWithValue("$problem", row.ProblemId);
        command.Parameters.AddWithValue("$owner", row.Owner);
        command.Parameters.AddWithValue("$settings", row.SettingsJson);
        command.Parameters.AddWithValue("$device", row.Device);
        command.Parameters.AddWithValue("$versions", row.VersionsJson);
        command.Parameters.AddWithValue("$created", RunDatabase.UnixMs(row.CreatedAt));
        command.Parameters.AddWithValue("$worker", worker);
        command.ExecuteNonQuery();
    }

    /// <summary>Stores the event and moves the run's row along with it (status, start and finish times, outcome).</summary>
    public static void AppendEvent(SqliteConnection connection, SqliteTransaction transaction, RunEvent e, DateTimeOffset now)
    {
        using (var insert = Command(connection, transaction, "INSERT OR IGNORE INTO events (run_id, seq, kind, json) VALUES ($run, $seq, $kind, $json)"))
        {
            insert.Parameters.AddWithValue("$run", e.RunId);
            insert.Parameters.AddWithValue("$seq", e.Seq);
            insert.Parameters.AddWithValue("$kind", e.Kind);
            insert.Parameters.AddWithValue("$json", RunEventJson.Write(e));
            insert.ExecuteNonQuery();
        }
        if (RunStates.After(e) is not { } status) return;
        if (e.Kind == RunEventKinds.Finished) Finish(connection, transaction, e, status, now);
        else SetStatus(connection, transaction, e.RunId, status, e.Kind == RunEventKinds.Started ? "started_at = $now," : "", now);
    }

    public static bool DeleteRun(SqliteConnection connection, SqliteTransaction transaction, string runId)
    {
        using (var events = Command(connection, transaction, "DELETE FROM events WHERE run_id = $run"))
        {
            events.Parameters.AddWithValue("$run", runId);
            events.ExecuteNonQuery();
        }
        using var run = Command(connection, transaction, "DELETE FROM runs WHERE id = $run AND status NOT IN ('queued', 'running', 'paused')");
        run.Parameters.AddWithValue("$run", runId);
        return run.ExecuteNonQuery() > 0;
    }

    /// <summary>Sets the run's name, notes and tags; false when it has no row.</summary>
    public static bool Relabel(SqliteConnection connection, SqliteTransaction transaction, string runId, RunLabel label)
    {
        using var command = Command(connection, transaction, "UPDATE runs SET name = $name, notes = $notes, tags = $tags WHERE id = $run");
        command.Parameters.AddWithValue("$name", label.Name);
        command.Parameters.AddWithValue("$notes", label.Notes);
        command.Parameters.AddWithValue("$tags", RunEventJson.Write(label.Tags));
        command.Parameters.AddWithValue("$run", runId);
        return command.ExecuteNonQuery() > 0;
    }

    private static void SetStatus(SqliteConnection connection, SqliteTransaction transaction, string runId, RunStatus status, string extra, DateTimeOffset now)
    {
        using var command = Command(connection, transaction, $"UPDATE runs SET {extra} status = $status WHERE id = $run");
        command.Parameters.AddWithValue("$status", status.Name());
        command.Parameters.AddWithValue("$run", runId);
        command.Parameters.AddWithValue("$now", RunDatabase.UnixMs(now));
        command.ExecuteNonQuery();
    }

    private static void Finish(SqliteConnection connection, SqliteTransaction transaction, RunEvent e, RunStatus status, DateTimeOffset now)
    {
        using var command = Command(connection, transaction, """
            UPDATE runs SET status = $status, finished_at = $now, results = $results, checks = $checks, error = $error
            WHERE id = $run
            """);
        command.Parameters.AddWithValue("$status", status.Name());
        command.Parameters.AddWithValue("$now", RunDatabase.UnixMs(now));
        command.Parameters.AddWithValue("$results", RunEventJson.Write(e.Results ?? new Dictionary<string, double>()));
        command.Parameters.AddWithValue("$checks", RunEventJson.Write(e.Checks ?? []));
        command.Parameters.AddWithValue("$error", (object?)e.Error ?? DBNull.Value);
        command.Parameters.AddWithValue("$run", e.RunId);
        command.ExecuteNonQuery();
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return command;
    }
}
