using System.Runtime.CompilerServices;
using LabDashboard.Engine.Runs;

namespace LabDashboard.Engine.Cluster;

/// <summary>
/// A web front's <see cref="IRunService.Watch"/> of a cluster run. The events come from the run's grain
/// on its worker. When that worker is killed, Orleans fails the pending call only after its response
/// timeout (30 s), so whenever the stream is quiet for <see cref="QuietCheck"/> the shared history is
/// asked: once it holds the run as finished (the surviving workers mark a dead worker's runs
/// interrupted), or when the stream fails or ends early, the rest is read from the history, which has
/// every event the stream has.
/// </summary>
internal static class ClusterRunWatch
{
    /// <summary>How long the grain's stream may be quiet before the history is asked (one indexed row read per quiet watcher).</summary>
    internal static readonly TimeSpan QuietCheck = TimeSpan.FromSeconds(2);

    public static async IAsyncEnumerable<RunEvent> Read(IRunGrain grain, PostgresRunStore history, string runId, long afterSeq, string[]? kinds,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var lastSeq = afterSeq;
        var stream = grain.Watch(afterSeq, kinds).GetAsyncEnumerator(cancellationToken);
        var next = stream.MoveNextAsync().AsTask();
        try
        {
            while (await NextFromGrain(next, history, runId, cancellationToken))
            {
                var e = stream.Current;
                lastSeq = e.Seq;
                yield return e;
                if (e.Kind == RunEventKinds.Finished) yield break;
                next = stream.MoveNextAsync().AsTask();
            }
        }
        finally
        {
            _ = Release(stream, next);
        }
        await foreach (var e in FromHistory(history, runId, lastSeq, kinds, cancellationToken)) yield return e;
    }

    /// <summary>True when the grain gave the next event; false when the history is to be read instead.</summary>
    private static async Task<bool> NextFromGrain(Task<bool> next, PostgresRunStore history, string runId, CancellationToken cancellationToken)
    {
        while (!next.IsCompleted && await Task.WhenAny(next, Task.Delay(QuietCheck, cancellationToken)) != next)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (await Task.Run(() => history.Find(runId), cancellationToken) is not { Status: var status } || status.IsFinished()) return false;
        }
        try
        {
            return await next;
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>The stored events after <paramref name="afterSeq"/> until the run is finished (or deleted), read again every <see cref="QuietCheck"/>.</summary>
    private static async IAsyncEnumerable<RunEvent> FromHistory(PostgresRunStore history, string runId, long afterSeq, string[]? kinds,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        while (true)
        {
            // The status first: the finished event is stored in the same transaction, so the read after it has every event.
            var finished = await Task.Run(() => history.Find(runId), cancellationToken) is not { Status: var status } || status.IsFinished();
            foreach (var e in await Task.Run(() => history.Events(runId, afterSeq, kinds), cancellationToken))
            {
                afterSeq = e.Seq;
                yield return e;
            }
            if (finished) yield break;
            await Task.Delay(QuietCheck, cancellationToken);
        }
    }

    /// <summary>Lets go of the grain's stream off the watcher's path: a call to a dead worker ends only with Orleans' response timeout.</summary>
    private static async Task Release(IAsyncEnumerator<RunEvent> stream, Task<bool> next)
    {
        try
        {
            await next;
        }
        catch (Exception)
        {
            // The stream failed or was cancelled; what matters is that it is disposed.
        }
        try
        {
            await stream.DisposeAsync();
        }
        catch (Exception)
        {
            // Disposing tells the worker to drop its side; a dead or gone worker has nothing to drop.
        }
    }
}
