using LabDashboard.Engine.Devices;
using Npgsql;

namespace LabDashboard.Engine.Cluster;

/// <summary>
/// Where runs go, decided against the shared history so that every silo's placement director sees
/// the same loads: a worker's load is its runs queued, running or paused, plus the runs placed on it
/// whose row it has not written yet. Decisions are taken one at a time across the cluster (an
/// advisory lock), so runs submitted at once to different silos still spread over the workers. A run
/// that is live in the history already (its grain is activated again, or it was handed to another
/// worker, <see cref="PostgresRunHandovers"/>) goes to the worker its row names, where the run is.
/// </summary>
internal sealed class PostgresRunPlacements(PostgresRunDatabase history)
{
    // Any constant other than the schema's: it serialises placements, not schema changes.
    private const long PlacementLock = 0x4C6162506C6163;
    // A placement whose run never wrote its row (its start failed) stops counting after this.
    private static readonly TimeSpan Unconfirmed = TimeSpan.FromMinutes(1);
    // Placements are kept this long: the last one of each worker breaks ties between equal workers.
    private static readonly TimeSpan Kept = TimeSpan.FromDays(1);

    /// <summary>
    /// Places <paramref name="runId"/> on one of <paramref name="workers"/> (name and devices), preferring the
    /// <paramref name="wanted"/> kind (<see cref="WorkerChoice.Pick"/>), and records it; null when there is none.
    /// </summary>
    public async Task<string?> Place(string runId, IReadOnlyDictionary<string, WorkerDevices> workers, DeviceKind? wanted = null)
    {
        if (workers.Count == 0) return null;
        var now = DateTimeOffset.UtcNow;
        await using var connection = await history.OpenAsync(CancellationToken.None);
        if (await WorkerOfLiveRun(connection, runId) is { } own && workers.ContainsKey(own)) return own;
        await using var transaction = await connection.BeginTransactionAsync();
        await Execute(connection, transaction, $"SELECT pg_advisory_xact_lock({PlacementLock})");
        var names = workers.Keys.ToArray();
        var loads = await Loads(connection, transaction, names, now);
        var lastPlaced = await LastPlaced(connection, transaction, names);
        var chosen = WorkerChoice.Pick(workers.Select(w => new WorkerCandidate(w.Key, w.Value, loads.GetValueOrDefault(w.Key),
            lastPlaced.TryGetValue(w.Key, out var at) ? at : null)), wanted)!;
        await Record(connection, transaction, runId, chosen.Name, now);
        await transaction.CommitAsync();
        return chosen.Name;
    }

    private static async Task<string?> WorkerOfLiveRun(NpgsqlConnection connection, string runId)
    {
        await using var command = PostgresRunDatabase.Command(connection, null,
            "SELECT worker FROM runs WHERE id = @run AND status IN ('queued', 'running', 'paused')");
        command.Parameters.AddWithValue("run", runId);
        return await command.ExecuteScalarAsync() as string;
    }

    private static async Task<Dictionary<string, int>> Loads(NpgsqlConnection connection, NpgsqlTransaction transaction, string[] workers, DateTimeOffset now)
    {
        await using var command = PostgresRunDatabase.Command(connection, transaction, """
            SELECT worker, count(*)::int FROM (
                SELECT id, worker FROM runs WHERE status IN ('queued', 'running', 'paused') AND worker = ANY(@workers)
                UNION
                SELECT p.run_id, p.worker FROM run_placements p
                WHERE p.worker = ANY(@workers) AND p.placed_at > @since AND NOT EXISTS (SELECT 1 FROM runs r WHERE r.id = p.run_id)
            ) live GROUP BY worker
            """);
        command.Parameters.AddWithValue("workers", workers);
        command.Parameters.AddWithValue("since", (now - Unconfirmed).ToUnixTimeMilliseconds());
        var loads = new Dictionary<string, int>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) loads[reader.GetString(0)] = reader.GetInt32(1);
        return loads;
    }

    private static async Task<Dictionary<string, long>> LastPlaced(NpgsqlConnection connection, NpgsqlTransaction transaction, string[] workers)
    {
        await using var command = PostgresRunDatabase.Command(connection, transaction,
            "SELECT worker, max(placed_at) FROM run_placements WHERE worker = ANY(@workers) GROUP BY worker");
        command.Parameters.AddWithValue("workers", workers);
        var last = new Dictionary<string, long>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) last[reader.GetString(0)] = reader.GetInt64(1);
        return last;
    }

    private static async Task Record(NpgsqlConnection connection, NpgsqlTransaction transaction, string runId, string worker, DateTimeOffset now)
    {
        await using var command = PostgresRunDatabase.Command(connection, transaction, """
            INSERT INTO run_placements (run_id, worker, placed_at) VALUES (@run, @worker, @now)
            ON CONFLICT (run_id) DO UPDATE SET worker = excluded.worker, placed_at = excluded.placed_at;
            DELETE FROM run_placements WHERE placed_at < @forget;
            """);
        command.Parameters.AddWithValue("run", runId);
        command.Parameters.AddWithValue("worker", worker);
        command.Parameters.AddWithValue("now", now.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("forget", (now - Kept).ToUnixTimeMilliseconds());
        await command.ExecuteNonQueryAsync();
    }

    private static async Task Execute(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql)
    {
        await using var command = PostgresRunDatabase.Command(connection, transaction, sql);
        await command.ExecuteNonQueryAsync();
    }
}
