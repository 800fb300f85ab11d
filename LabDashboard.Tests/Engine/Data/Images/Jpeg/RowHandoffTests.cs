using LabDashboard.Engine.Data.Images.Jpeg;

namespace LabDashboard.Tests.Engine.Data.Images.Jpeg;

public class RowHandoffTests
{
    [Fact]
    public void Every_row_reaches_the_consumer_in_order_with_what_the_producer_wrote()
    {
        var seen = new List<(int Index, int Value)>();
        using var handoff = new RowHandoff<int[]>([new int[1], new int[1], new int[1]], 50, (i, row) => seen.Add((i, row[0])));

        for (var i = 0; i < 50; i++)
        {
            handoff.Next()[0] = i * i;
            handoff.Publish();
        }
        handoff.Complete();

        Assert.Equal(Enumerable.Range(0, 50).Select(i => (i, i * i)), seen);
    }

    [Fact]
    public void The_producer_never_overwrites_a_row_the_consumer_has_not_finished()
    {
        var consumed = 0;
        var overtaken = false;
        using var handoff = new RowHandoff<int[]>([new int[1], new int[1]], 40, (i, row) =>
        {
            Thread.Sleep(i % 3); // a slow consumer, so the producer has to wait for free rows
            overtaken |= row[0] != i;
            Interlocked.Increment(ref consumed);
        });

        for (var i = 0; i < 40; i++)
        {
            handoff.Next()[0] = i;
            handoff.Publish();
        }
        handoff.Complete();

        Assert.Equal(40, consumed);
        Assert.False(overtaken);
    }

    [Fact]
    public async Task A_consumer_failure_reaches_the_producer_instead_of_leaving_it_waiting()
    {
        using var handoff = new RowHandoff<int[]>([new int[1], new int[1]], 100, (i, _) =>
        {
            if (i == 3) throw new InvalidDataException("row 3 is broken");
        });

        var producer = Task.Run(() =>
        {
            for (var i = 0; i < 100; i++)
            {
                handoff.Next();
                handoff.Publish();
            }
            handoff.Complete();
        });

        var finished = await Task.WhenAny(producer, Task.Delay(TimeSpan.FromSeconds(10)));
        Assert.True(finished == producer, "the producer still waits for a row the failed consumer will never free");
        var error = await Assert.ThrowsAsync<InvalidDataException>(() => producer);
        Assert.Equal("row 3 is broken", error.Message);
    }

    [Fact]
    public async Task Disposing_after_a_producer_failure_stops_the_consumer_without_hanging()
    {
        var consumed = 0;
        var handoff = new RowHandoff<int[]>([new int[1], new int[1]], 100, (_, _) => Interlocked.Increment(ref consumed));
        for (var i = 0; i < 5; i++)
        {
            handoff.Next();
            handoff.Publish();
        }

        var disposing = Task.Run(handoff.Dispose); // as `using` does when the producer throws
        var finished = await Task.WhenAny(disposing, Task.Delay(TimeSpan.FromSeconds(10)));
        Assert.True(finished == disposing, "Dispose waited for rows that never come");
        Assert.InRange(consumed, 0, 5);
    }
}
