using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace LabDashboard.Engine.Runs.Storage;

/// <summary>
/// The database's only writer: one thread that takes whatever has queued up and commits it in one
/// transaction, so training threads only ever enqueue. Tells its owner which runs' <c>finished</c>
/// events are safely on disk.
/// </summary>
internal sealed partial class RunStoreWriter : IDisposable
{
    private const int MaxBatch = 1000;
    private readonly BlockingCollection<Command> _commands = new(new ConcurrentQueue<Command>());
    private readonly RunDatabase _database;
    private readonly Action<string> _onFinishedStored;
    private readonly Thread _thread;
    private readonly ILogger _logger;

    public RunStoreWriter(RunDatabase database, Action<string> onFinishedStored, ILogger logger)
    {
        _logger = logger;
        _database = database;
        _onFinishedStored = onFinishedStored;
        _thread = new Thread(WriteLoop) { IsBackground = true, Name = "LabDashboard run store writer" };
        _thread.Start();
    }

    public void InsertRun(NewRunRow row) => Add(new Command((c, t) => RunStoreSql.InsertRun(c, t, row)));

    public void Append(RunEvent e) =>
        Add(new Command((c, t) => RunStoreSql.AppendEvent(c, t, e, DateTimeOffset.UtcNow), e.Kind == RunEventKinds.Finished ? e.RunId : null));

    /// <summary>Deletes a finished run's rows after everything queued before it; true when a run was deleted.</summary>
    public bool Delete(string runId)
    {
        var deleted = false;
        Add(new Command((c, t) => deleted = RunStoreSql.DeleteRun(c, t, runId))).Done.Task.GetAwaiter().GetResult();
        return deleted;
    }

    /// <summary>Waits until everything queued so far is committed.</summary>
    public void Flush() => Add(new Command((_, _) => { })).Done.Task.GetAwaiter().GetResult();

    public void Dispose()
    {
        _commands.CompleteAdding();
        _thread.Join();
        _commands.Dispose();
    }

    private Command Add(Command command)
    {
        try { _commands.Add(command); }
        catch (InvalidOperationException) { command.Done.TrySetException(new ObjectDisposedException(nameof(RunStoreWriter))); }
        return command;
    }

    private void WriteLoop()
    {
        using var connection = _database.Open();
        var batch = new List<Command>();
        foreach (var first in _commands.GetConsumingEnumerable())
        {
            batch.Add(first);
            while (batch.Count < MaxBatch && _commands.TryTake(out var next)) batch.Add(next);
            if (!TryCommit(connection, batch))
                foreach (var command in batch) TryCommit(connection, [command]);
            batch.Clear();
        }
    }

    /// <summary>Commits the batch in one transaction; on failure nothing of it is kept and the caller retries one by one, so one bad change cannot lose the others.</summary>
    private bool TryCommit(SqliteConnection connection, List<Command> batch)
    {
        try
        {
            using (var transaction = connection.BeginTransaction())
            {
                foreach (var command in batch) command.Apply(connection, transaction);
                transaction.Commit();
            }
        }
        catch (Exception ex)
        {
            WriteFailed(_logger, batch.Count, ex);
            if (batch.Count == 1) batch[0].Done.TrySetException(ex);
            return false;
        }
        foreach (var command in batch) command.Done.TrySetResult();
        foreach (var command in batch)
            if (command.FinishedRunId is { } runId) _onFinishedStored(runId);
        return true;
    }

    private sealed class Command(Action<SqliteConnection, SqliteTransaction> apply, string? finishedRunId = null)
    {
        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public string? FinishedRunId => finishedRunId;
        public void Apply(SqliteConnection connection, SqliteTransaction transaction) => apply(connection, transaction);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not write {Count} run store change(s).")]
    private static partial void WriteFailed(ILogger logger, int count, Exception exception);
}
