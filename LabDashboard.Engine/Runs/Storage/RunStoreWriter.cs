using Microsoft.Extensions.Logging;

namespace LabDashboard.Engine.Runs.Storage;

/// <summary>A change to the database, written by <see cref="RunStoreWriter.Commit"/>.</summary>
internal interface IRunStoreChange
{
    /// <summary>Writes the change inside the writer's transaction.</summary>
    void Write(IRunStoreTransaction transaction);
}

/// <summary>
/// The store's only writer. Not thread-safe: the <see cref="RunEventPump"/> is its one user, so
/// training threads never touch the database.
/// </summary>
internal sealed partial class RunStoreWriter(IRunStoreTransactions transactions, ILogger logger) : IDisposable
{
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

    public void Dispose() => transactions.Dispose();

    private Exception? TryCommit(IReadOnlyList<IRunStoreChange> changes)
    {
        try
        {
            using var transaction = transactions.Begin();
            foreach (var change in changes) change.Write(transaction);
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
