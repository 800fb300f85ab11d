using TorchSharp;
using static TorchSharp.torch;

namespace LabDashboard.Engine.Training;

/// <summary>
/// Mini-batches of a data set's row indices in a new random order every epoch, drawn from the
/// batches' own seeded <see cref="Generator"/>: never from libtorch's global RNG, so the order
/// depends on the seed alone, not on what else drew random numbers before or meanwhile.
/// </summary>
public sealed class ShuffledBatches : IDisposable
{
    private readonly Generator _generator;

    /// <summary>Batches over <paramref name="count"/> rows.</summary>
    /// <param name="count">Rows in the data set (at least 1).</param>
    /// <param name="batchSize">Rows per batch; 0, negative or at least <paramref name="count"/> means one full batch.</param>
    /// <param name="seed">Seeds the order: the same seed gives the same orders, epoch after epoch.</param>
    public ShuffledBatches(long count, long batchSize, long seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        Count = count;
        BatchSize = batchSize <= 0 ? count : Math.Min(batchSize, count);
        _generator = new Generator((ulong)seed);
    }

    /// <summary>Rows in the data set.</summary>
    public long Count { get; }

    /// <summary>Rows per batch (the last batch of an epoch may be smaller).</summary>
    public long BatchSize { get; }

    /// <summary>True when an epoch is one batch of every row; it is then not shuffled and draws nothing.</summary>
    public bool IsFullBatch => BatchSize == Count;

    /// <summary>Batches per epoch.</summary>
    public long BatchesPerEpoch => (Count + BatchSize - 1) / BatchSize;

    /// <summary>Draws the next epoch's order: <c>randperm(Count)</c> from the generator, on the CPU. The caller disposes it.</summary>
    public Tensor NextOrder() => randperm(Count, generator: _generator);

    /// <summary>
    /// The next epoch's batches, in order; the permutation is drawn when the enumeration starts and
    /// freed when it ends, so enumerate it exactly once. A full batch keeps the rows' own order.
    /// </summary>
    /// <param name="device">Where the indices live: the device of the tensors they select from.</param>
    public IEnumerable<IndexBatch> NextEpoch(Device device)
    {
        if (IsFullBatch)
        {
            yield return new IndexBatch(null, 0, Count);
            yield break;
        }
        using var drawn = NextOrder();
        using var order = drawn.to(device);
        for (long start = 0; start < Count; start += BatchSize)
            yield return new IndexBatch(order, start, Math.Min(BatchSize, Count - start));
    }

    /// <inheritdoc />
    public void Dispose() => _generator.Dispose();
}

/// <summary>One batch of an epoch: <see cref="Size"/> rows from position <see cref="Start"/> of the epoch's order.</summary>
public readonly struct IndexBatch
{
    private readonly Tensor? _order;

    internal IndexBatch(Tensor? order, long start, long size)
    {
        _order = order;
        Start = start;
        Size = size;
    }

    /// <summary>Position of the batch's first row in the epoch's order.</summary>
    public long Start { get; }

    /// <summary>Rows in the batch.</summary>
    public long Size { get; }

    /// <summary>
    /// This batch's rows of <paramref name="source"/> (a view of it for a full batch). Call inside the
    /// step's dispose scope, which frees the result; <paramref name="source"/> must be on the batches' device.
    /// </summary>
    public Tensor Select(Tensor source)
    {
        if (_order is null) return source.narrow(0, Start, Size);
        using var indices = _order.narrow(0, Start, Size);
        return source.index_select(0, indices);
    }

    /// <summary>This batch's row numbers, for data that is not a tensor (e.g. images read per batch).</summary>
    public long[] Rows()
    {
        if (_order is null)
        {
            var first = Start;
            return [.. Enumerable.Range(0, checked((int)Size)).Select(i => first + i)];
        }
        using var indices = _order.narrow(0, Start, Size);
        using var cpu = indices.cpu();
        return cpu.data<long>().ToArray();
    }
}
