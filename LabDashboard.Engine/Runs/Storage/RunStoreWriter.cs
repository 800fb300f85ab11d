using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace LabDashboard.Engine.Runs.Storage;

/// <summary>A change to the database, written by <see cref="RunStoreWriter.Commit"/>.</summary>
internal interface IRunStoreChange
{
    /// <summary>Writes the change inside the writer's transaction.</summary>
    void Write(SqliteConnection connection, SqliteTransaction transaction);
}

/// <summary>
/// The database's only write connection. Not thread-safe: the <see cref="RunEventPump"/> is its one
/// user, so training threads never touch SQLite.
/// </summary>
internal sealed partial class RunStoreWriter(RunDatabase database, ILogger logger) : IDisposable
{
    private readonly SqliteConnection _connection = database.Open();
    private readonly ILogger _logger = logger;

    /// <summary>
    /// Commits the changes in one transaction; when that fails, one by one, so one bad change cannot
    /// lose the others. Returns, per change, null when it is stored, else why not.
    /// </summary>
    public IReadOnlyList<Exception?> Commit(IReadOnlyList<IRunStoreChange> changes)
    {
        if (TryCommit(changes) is null) return new Exception?[changes.Count];
        return changes.Select(change => TryCommit([change])).ToList();
    }

    public void Dispose() => _connection.Dispose();

    private Exception? TryCommit(IReadOnlyList<IRunStoreChange> changes)
    {
        try
        {
            using var transaction = _connection.BeginTransaction();
            foreach (var change in changes) change.Write(_connection, transaction);
            transaction.Commit();
            return null;
        }
        catch (Exception ex)
        {
            WriteFailed(_logger, changes.Count, ex);
            return ex;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not write {Count} run store change(s).")]
    private static partial void WriteFailed(ILogger logger, int count, Exception exception);
}
