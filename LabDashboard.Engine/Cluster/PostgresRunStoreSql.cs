using LabDashboard.Engine.Runs;
using LabDashboard.Engine.Runs.Storage;
using Npgsql;

namespace LabDashboard.Engine.Cluster;

/// <summary>The statements that change the PostgreSQL history: the same changes as SQLite's <see cref="RunStoreSql"/>, in PostgreSQL's dialect.</summary>
internal static class PostgresRunStoreSql
{
    /// <summary>The channel that carries "runId seq" of each stored status event (<see cref="RunStates.StatusKinds"/>), delivered at commit.</summary>
    public const string StatusChannel = "lab_run_status";

    public static void InsertRun(NpgsqlConnection connection, NpgsqlTransaction transaction, NewRunRow row, string? worker)
    {
        using var command = PostgresRunDatabase.Command(connection, transaction, """
            INSERT INTO runs (id, problem_id, owner, status, settings, device, versions, created_at, worker)
            VALUES (@id, @problem, @owner, 'queued', @settings, @device, @versions, @created, @worker)
            """);
        command.Parameters.AddWithValue("id", row.Id);
        command.Parameters.AddWithValue("problem", row.ProblemId);
        command.Parameters.AddWithValue("owner", row.Owner);
        command.Parameters.AddWithValue("settings", row.SettingsJson);
        command.Parameters.AddWithValue("device", row.Device);
        command.Parameters.AddWithValue("versions", row.VersionsJson);
        command.Parameters.AddWithValue("created", row.CreatedAt.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("worker", (object?)worker ?? DBNull.Value);
        command.ExecuteNonQuery();
    }

    public static void AppendEvent(NpgsqlConnection connection, NpgsqlTransaction transaction, RunEvent e, DateTimeOffset now)
    {
        using (var insert = PostgresRunDatabase.Command(connection, transaction,
            "INSERT INTO events (run_id, seq, kind, json) VALUES (@run, @seq, @kind, @json) ON CONFLICT DO NOTHING"))
        {
            insert.Parameters.AddWithValue("run", e.RunId);
            insert.Parameters.AddWithValue("seq", e.Seq);
            insert.Parameters.AddWithValue("kind", e.Kind);
            insert.Parameters.AddWithValue("json", RunEventJson.Write(e));
            insert.ExecuteNonQuery();
        }
        if (RunStates.StatusKinds.Contains(e.Kind)) Notify(connection, transaction, e);
        if (RunStates.After(e) is not { } status) return;
        if (e.Kind == RunEventKinds.Finished) Finish(connection, transaction, e, status, now);
        else SetStatus(connection, transaction, e.RunId, status, started: e.Kind == RunEventKinds.Started, now);
    }

    private static void Notify(NpgsqlConnection connection, NpgsqlTransaction transaction, RunEvent e)
    {
        using var notify = PostgresRunDatabase.Command(connection, transaction, $"SELECT pg_notify('{StatusChannel}', @payload)");
        notify.Parameters.AddWithValue("payload", $"{e.RunId} {e.Seq}");
        notify.ExecuteNonQuery();
    }

    public static bool DeleteRun(NpgsqlConnection connection, NpgsqlTransaction transaction, string runId)
    {
        using (var events = PostgresRunDatabase.Command(connection, transaction, "DELETE FROM events WHERE run_id = @run"))
        {
            events.Parameters.AddWithValue("run", runId);
            events.ExecuteNonQuery();
        }
        using var run = PostgresRunDatabase.Command(connection, transaction, "DELETE FROM runs WHERE id = @run AND status NOT IN ('queued', 'running', 'paused')");
        run.Parameters.AddWithValue("run", runId);
        return run.ExecuteNonQuery() > 0;
    }

    /// <summary>Sets the run's name, notes and tags; false when it has no row.</summary>
    public static bool Relabel(NpgsqlConnection connection, NpgsqlTransaction transaction, string runId, RunLabel label)
    {
        using var command = PostgresRunDatabase.Command(connection, transaction, "UPDATE runs SET name = @name, notes = @notes, tags = @tags WHERE id = @run");
        command.Parameters.AddWithValue("name", label.Name);
        command.Parameters.AddWithValue("notes", label.Notes);
        command.Parameters.AddWithValue("tags", RunEventJson.Write(label.Tags));
        command.Parameters.AddWithValue("run", runId);
        return command.ExecuteNonQuery() > 0;
    }

    private static void SetStatus(NpgsqlConnection connection, NpgsqlTransaction transaction, string runId, RunStatus status, bool started, DateTimeOffset now)
    {
        using var command = PostgresRunDatabase.Command(connection, transaction,
            $"UPDATE runs SET {(started ? "started_at = @now," : "")} status = @status WHERE id = @run");
        command.Parameters.AddWithValue("status", status.Name());
        command.Parameters.AddWithValue("run", runId);
        if (started) command.Parameters.AddWithValue("now", now.ToUnixTimeMilliseconds());
        command.ExecuteNonQuery();
    }

    private static void Finish(NpgsqlConnection connection, NpgsqlTransaction transaction, RunEvent e, RunStatus status, DateTimeOffset now)
    {
        using var command = PostgresRunDatabase.Command(connection, transaction, """
            UPDATE runs SET status = @status, finished_at = @now, results = @results, checks = @checks, error = @error
            WHERE id = @run
            """);
        command.Parameters.AddWithValue("status", status.Name());
        command.Parameters.AddWithValue("now", now.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("results", RunEventJson.Write(e.Results ?? new Dictionary<string, double>()));
        command.Parameters.AddWithValue("checks", RunEventJson.Write(e.Checks ?? []));
        command.Parameters.AddWithValue("error", (object?)e.Error ?? DBNull.Value);
        command.Parameters.AddWithValue("run", e.RunId);
        command.ExecuteNonQuery();
    }
}
