using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace LabDashboard.Engine.Runs;

/// <summary>
/// One live watcher (of one run, or of every run's status). Writes never block: the channel is
/// unbounded, but once a slow reader has <see cref="MaxPendingBatches"/> batch events waiting,
/// further batch events skip it. Every other kind it wants is always delivered.
/// </summary>
internal sealed class RunWatcher(IReadOnlySet<string>? kinds)
{
    internal const int MaxPendingBatches = 256;

    private readonly Channel<RunEvent> _channel =
        Channel.CreateUnbounded<RunEvent>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
    private int _pendingBatches;

    public ChannelReader<RunEvent> Reader => _channel.Reader;

    /// <summary>True when this watcher wants events of <paramref name="kind"/>.</summary>
    public bool Wants(string kind) => kinds is null || kinds.Contains(kind);

    public void Offer(RunEvent e)
    {
        if (!Wants(e.Kind)) return;
        var isBatch = e.Kind == RunEventKinds.Batch;
        if (isBatch && Volatile.Read(ref _pendingBatches) >= MaxPendingBatches) return;
        if (_channel.Writer.TryWrite(e) && isBatch) Interlocked.Increment(ref _pendingBatches);
    }

    public void Delivered(RunEvent e)
    {
        if (e.Kind == RunEventKinds.Batch) Interlocked.Decrement(ref _pendingBatches);
    }

    public void Complete() => _channel.Writer.TryComplete();

    /// <summary>The events offered until <see cref="Complete"/>, each marked delivered as it is read.</summary>
    public async IAsyncEnumerable<RunEvent> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var e in Reader.ReadAllAsync(cancellationToken))
        {
            Delivered(e);
            yield return e;
        }
    }

    /// <summary>A kind filter as a set (null: every kind).</summary>
    public static IReadOnlySet<string>? KindSet(IReadOnlyCollection<string>? kinds) =>
        kinds is null ? null : kinds as IReadOnlySet<string> ?? new HashSet<string>(kinds, StringComparer.Ordinal);
}
