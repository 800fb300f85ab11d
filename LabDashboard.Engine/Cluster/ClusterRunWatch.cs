using System.Runtime.CompilerServices;
using LabDashboard.Engine.Runs;

namespace LabDashboard.Engine.Cluster;

/// <summary>
/// A web front's <see cref="IRunService.Watch"/> of a cluster run. The events come from the run's grain
/// on its worker. When that worker is killed, Orleans fails the pending call only after its response
/// timeout (30 s), so whenever the stream is quiet for <see cref="QuietCheck"/> the shared history is
/// asked: once it holds the run as finished (the surviving workers mark a dead worker's runs
/// interrupted), or when the stream fails, the rest is read from the history, which has every event the
/// stream has. A stream that ends without <c>finished</c> belongs to a run handed to another worker
/// (<see cref="QueuedRunPickup"/>): the watcher attaches again, and the grain call reaches the run there.
/// </summary>
internal static class ClusterRunWatch
{
    /// <summary>How long the grain's stream may be quiet before the history is asked (one indexed row read per quiet watcher).</summary>
    internal static readonly TimeSpan QuietCheck = TimeSpan.FromSeconds(2);

    // A stream ends without finished when its run was handed to another worker; a run moves at most a few times.
    private const int MaxAttaches = 4;

    public static async IAsyncEnumerable<RunEvent> Read(IRunGrain grain, PostgresRunStore history, string runId, long afterSeq, string[]? kinds,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var progress = new Progress(afterSeq);
        for (var attach = 1; attach <= MaxAttaches && progress.End == StreamEnd.Ended; attach++)
            await foreach (var e in FromGrain(grain, history, runId, kinds, progress, cancellationToken)) yield return e;
        if (progress.End == StreamEnd.Finished) yield break;
        await foreach (var e in FromHistory(history, runId, progress.LastSeq, kinds, cancellationToken)) yield return e;
    }

    /// <summary>The grain's events after <see cref="Progress.LastSeq"/>, until <c>finished</c>, the end of its stream, or its loss.</summary>
    private static async IAsyncEnumerable<RunEvent> FromGrain(IRunGrain grain, PostgresRunStore history, string runId, string[]? kinds, Progress progress,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var stream = grain.Watch(progress.LastSeq, kinds).GetAsyncEnumerator(cancellationToken);
        var next = stream.MoveNextAsync().AsTask();
        try
        {
            while ((progress.End = await NextFromGrain(next, history, runId, cancellationToken)) == StreamEnd.None)
            {
                var e = stream.Current;
                progress.LastSeq = e.Seq;
                yield return e;
                if (e.Kind == RunEventKinds.Finished)
                {
                    progress.End = StreamEnd.Finished;
                    yield break;
                }
                next = stream.MoveNextAsync().AsTask();
            }
        }
        finally
        {
            _ = Release(stream, next);
        }
    }

    /// <summary>
    /// <see cref="StreamEnd.None"/> when the grain gave the next event; <see cref="StreamEnd.Ended"/> when its
    /// stream ended; <see cref="StreamEnd.Lost"/> when the history is to be read instead.
    /// </summary>
    private static async Task<StreamEnd> NextFromGrain(Task<bool> next, PostgresRunStore history, string runId, CancellationToken cancellationToken)
    {
        while (!next.IsCompleted && await Task.WhenAny(next, Task.Delay(QuietCheck, cancellationToken)) != next)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (await Task.Run(() => history.Find(runId), cancellationToken) is not { Status: var status } || status.IsFinished()) return StreamEnd.Lost;
        }
        try
        {
            return await next ? StreamEnd.None : StreamEnd.Ended;
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            return StreamEnd.Lost;
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

    /// <summary>How far a watcher got, and how the grain's stream ended (<see cref="StreamEnd.Ended"/> until it is read).</summary>
    private sealed class Progress(long lastSeq)
    {
        public long LastSeq { get; set; } = lastSeq;
        public StreamEnd End { get; set; } = StreamEnd.Ended;
    }

    private enum StreamEnd
    {
        /// <summary>Still giving events.</summary>
        None,
        /// <summary>Ended without <c>finished</c>: the run went on elsewhere (or it has not been read yet).</summary>
        Ended,
        /// <summary><c>finished</c> was read.</summary>
        Finished,
        /// <summary>Failed, or quiet while the history has the run finished: the rest is in the history.</summary>
        Lost,
    }
}
