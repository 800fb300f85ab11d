using Microsoft.Data.Sqlite;

namespace LabDashboard.Engine.Runs.Storage;

/// <summary>
/// At start-up, runs still queued, running or paused belonged to a process that died: each gets a
/// <c>finished</c> event with outcome <c>interrupted</c> and its row says so. The run finished when
/// its last event was written (its start plus that event's elapsed time), not at the restart.
/// </summary>
internal static class InterruptedRunRecovery
{
    /// <summary>The English of the recovered runs' error and message (<see cref="RunTexts.ProcessStopped"/>).</summary>
    public static string Message => RunTexts.ProcessStopped.Template;

    public static void Run(RunDatabase database)
    {
        using var connection = database.Open();
        using var transaction = connection.BeginTransaction();
        foreach (var (runId, problemId, startedAtMs) in LiveRuns(connection, transaction))
        {
            var finished = Finished(runId, problemId, LastEvent(connection, transaction, runId));
            RunStoreSql.AppendEvent(connection, transaction, finished, LastEventAt(startedAtMs, finished));
        }
        transaction.Commit();
    }

    /// <summary>The <c>finished</c> event that closes a run whose last stored event is <paramref name="last"/>.</summary>
    public static RunEvent Finished(string runId, string problemId, RunEvent? last) => new()
    {
        Seq = (last?.Seq ?? 0) + 1,
        Kind = RunEventKinds.Finished,
        RunId = runId,
        ProblemId = problemId,
        ElapsedMs = last?.ElapsedMs ?? 0,
        Outcome = RunOutcome.Interrupted,
        Results = new Dictionary<string, double>(),
        Checks = [],
        Error = Message,
        ErrorText = RunTexts.ProcessStopped.Format(),
        Message = Message,
        MessageText = RunTexts.ProcessStopped.Format(),
    };

    /// <summary>When the run's last event was written: its start plus <paramref name="finished"/>'s elapsed time.</summary>
    public static DateTimeOffset LastEventAt(long startedAtMs, RunEvent finished) =>
        DateTimeOffset.FromUnixTimeMilliseconds(startedAtMs + finished.ElapsedMs);

    /// <summary>Each live run with when it started (or, never started, when it was queued).</summary>
    private static List<(string RunId, string ProblemId, long StartedAtMs)> LiveRuns(SqliteConnection connection, SqliteTransaction transaction)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT id, problem_id, COALESCE(started_at, created_at) FROM runs WHERE status IN ('queued', 'running', 'paused')";
        using var reader = command.ExecuteReader();
        var runs = new List<(string, string, long)>();
        while (reader.Read()) runs.Add((reader.GetString(0), reader.GetString(1), reader.GetInt64(2)));
        return runs;
    }

    private static RunEvent? LastEvent(SqliteConnection connection, SqliteTransaction transaction, string runId)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT json FROM events WHERE run_id = $run ORDER BY seq DESC LIMIT 1";
        command.Parameters.AddWithValue("$run", runId);
        return command.ExecuteScalar() is string json ? RunEventJson.Read<RunEvent>(json) : null;
    }
}
