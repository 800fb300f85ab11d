using LabDashboard.Engine.Runs;
using LabDashboard.Engine.Runs.Storage;
using Npgsql;

namespace LabDashboard.Engine.Cluster;

/// <summary>
/// <see cref="InterruptedRunRecovery"/> for the shared history: at a worker's start, the runs that
/// worker left queued, running or paused are finished as <c>interrupted</c>; other workers' runs are
/// not touched.
/// </summary>
internal static class PostgresInterruptedRunRecovery
{
    public static void Run(PostgresRunDatabase database, string worker)
    {
        using var connection = database.Open();
        using var transaction = connection.BeginTransaction();
        foreach (var (runId, problemId, startedAtMs) in LiveRuns(connection, transaction, worker))
        {
            var finished = InterruptedRunRecovery.Finished(runId, problemId, LastEvent(connection, transaction, runId));
            PostgresRunStoreSql.AppendEvent(connection, transaction, finished, InterruptedRunRecovery.LastEventAt(startedAtMs, finished));
        }
        transaction.Commit();
    }

    private static List<(string RunId, string ProblemId, long StartedAtMs)> LiveRuns(NpgsqlConnection connection, NpgsqlTransaction transaction, string worker)
    {
        using var command = PostgresRunDatabase.Command(connection, transaction,
            "SELECT id, problem_id, COALESCE(started_at, created_at) FROM runs WHERE status IN ('queued', 'running', 'paused') AND worker = @worker FOR UPDATE");
        command.Parameters.AddWithValue("worker", worker);
        using var reader = command.ExecuteReader();
        var runs = new List<(string, string, long)>();
        while (reader.Read()) runs.Add((reader.GetString(0), reader.GetString(1), reader.GetInt64(2)));
        return runs;
    }

    private static RunEvent? LastEvent(NpgsqlConnection connection, NpgsqlTransaction transaction, string runId)
    {
        using var command = PostgresRunDatabase.Command(connection, transaction, "SELECT json FROM events WHERE run_id = @run ORDER BY seq DESC LIMIT 1");
        command.Parameters.AddWithValue("run", runId);
        return command.ExecuteScalar() is string json ? RunEventJson.Read<RunEvent>(json) : null;
    }
}
