namespace LabDashboard.Engine.Data.Images.Jpeg;

/// <summary>
/// Two-stage pipeline over a small ring of reusable rows: the calling thread fills rows in order
/// (<see cref="Next"/>, <see cref="Publish"/>) while a pool thread consumes them in the same order, so
/// serial Huffman decoding and the per-block arithmetic after it use both cores. The consumer's exception
/// surfaces in <see cref="Next"/> or <see cref="Complete"/>; disposing before completion stops the consumer.
/// </summary>
internal sealed class RowHandoff<T> : IDisposable
{
    private readonly T[] _rows;
    private readonly SemaphoreSlim _free;
    private readonly SemaphoreSlim _filled = new(0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _consumer;
    private int _produced;

    /// <summary>Starts the consumer, which calls <paramref name="consume"/> with each row index 0 … count − 1 and its row.</summary>
    public RowHandoff(T[] rows, int count, Action<int, T> consume)
    {
        _rows = rows;
        _free = new SemaphoreSlim(rows.Length);
        _consumer = Task.Run(() => Consume(count, consume));
    }

    private void Consume(int count, Action<int, T> consume)
    {
        try
        {
            for (var i = 0; i < count; i++)
            {
                _filled.Wait(_stop.Token);
                consume(i, _rows[i % _rows.Length]);
                _free.Release();
            }
        }
        catch
        {
            _stop.Cancel(); // wakes a producer waiting for a free row
            throw;
        }
    }

    /// <summary>The next row to fill, once the consumer is done with its previous contents.</summary>
    public T Next()
    {
        try
        {
            _free.Wait(_stop.Token);
        }
        catch (OperationCanceledException)
        {
            Complete(); // rethrows the consumer's exception
            throw;
        }
        return _rows[_produced % _rows.Length];
    }

    /// <summary>Hands the row from <see cref="Next"/> to the consumer.</summary>
    public void Publish()
    {
        _produced++;
        _filled.Release();
    }

    /// <summary>Waits until every published row is consumed; rethrows the consumer's exception.</summary>
    public void Complete() => _consumer.GetAwaiter().GetResult();

    /// <inheritdoc />
    public void Dispose()
    {
        _stop.Cancel(); // no effect once the consumer is done
        try
        {
            _consumer.GetAwaiter().GetResult();
        }
        catch (Exception)
        {
            // The producer's own exception is the one that matters; the consumer only stopped.
        }
        _stop.Dispose();
        _free.Dispose();
        _filled.Dispose();
    }
}
