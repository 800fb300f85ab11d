using System.Threading.Channels;

namespace LabDashboard.Engine.Runs;

/// <summary>
/// One live watcher of one run. Writes never block: the channel is unbounded, but once a slow
/// reader has <see cref="MaxPendingBatches"/> batch events waiting, further batch events skip it.
/// Every other kind is always delivered.
/// </summary>
internal sealed class RunWatcher
{
    internal const int MaxPendingBatches = 256;

    private readonly Channel<RunEvent> _channel =
        Channel.CreateUnbounded<RunEvent>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = false });
    private int _pendingBatches;

    public ChannelReader<RunEvent> Reader => _channel.Reader;

    public void Offer(RunEvent e)
    {
        var isBatch = e.Kind == RunEventKinds.Batch;
        if (isBatch && Volatile.Read(ref _pendingBatches) >= MaxPendingBatches) return;
        if (_channel.Writer.TryWrite(e) && isBatch) Interlocked.Increment(ref _pendingBatches);
    }

    public void Delivered(RunEvent e)
    {
        if (e.Kind == RunEventKinds.Batch) Interlocked.Decrement(ref _pendingBatches);
    }

    public void Complete() => _channel.Writer.TryComplete();
}
