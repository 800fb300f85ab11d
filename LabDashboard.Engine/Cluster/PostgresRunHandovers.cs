using Npgsql;

namespace LabDashboard.Engine.Cluster;

/// <summary>A run that waits in a worker's queue, as the shared history has it.</summary>
/// <param name="Id">The run.</param>
/// <param name="Worker">The worker whose queue it waits in.</param>
/// <param name="ProblemId">Its problem.</param>
/// <param name="SettingsJson">Its settings as stored.</param>
/// <param name="Owner">Who started it.</param>
internal sealed record QueuedRun(string Id, string Worker, string ProblemId, string SettingsJson, string Owner);

/// <summary>
/// The shared history's side of moving waiting runs to free workers (<see cref="QueuedRunPickup"/>):
/// which runs wait where, and the row's change of worker when one is handed over.
/// </summary>
internal sealed class PostgresRunHandovers(PostgresRunDatabase history)
{
    /// <summary>
    /// The runs queued on <paramref name="workers"/>, in the order a free worker should take them: fair
    /// across users (the owner with the fewest runs running or paused in the cluster first), then oldest first.
    /// </summary>
    public async Task<IReadOnlyList<QueuedRun>> Queued(IReadOnlyCollection<string> workers, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await history.OpenAsync(cancellationToken);
        await using var command = PostgresRunDatabase.Command(connection, null, """
            SELECT q.id, q.worker, q.problem_id, q.settings, q.owner FROM runs q
            WHERE q.status = 'queued' AND q.worker = ANY(@workers)
            ORDER BY (SELECT count(*) FROM runs b WHERE b.owner = q.owner AND b.status IN ('running', 'paused')), q.created_at, q.id
            LIMIT @limit
            """);
        command.Parameters.AddWithValue("workers", workers.ToArray());
        command.Parameters.AddWithValue("limit", limit);
        var runs = new List<QueuedRun>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            runs.Add(new QueuedRun(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4)));
        return runs;
    }

    /// <summary>
    /// Names <paramref name="to"/> (training on <paramref name="deviceKind"/>) as the worker of a run
    /// still queued on <paramref name="from"/>; false when the row is no longer that.
    /// </summary>
    public async Task<bool> HandOver(string runId, string from, string to, string deviceKind)
    {
        await using var connection = await history.OpenAsync(CancellationToken.None);
        await using var command = PostgresRunDatabase.Command(connection, null,
            "UPDATE runs SET worker = @to, device = @device WHERE id = @run AND worker = @from AND status = 'queued'");
        command.Parameters.AddWithValue("run", runId);
        command.Parameters.AddWithValue("from", from);
        command.Parameters.AddWithValue("to", to);
        command.Parameters.AddWithValue("device", deviceKind);
        return await command.ExecuteNonQueryAsync() == 1;
    }
}
