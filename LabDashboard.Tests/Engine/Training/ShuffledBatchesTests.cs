using LabDashboard.Engine.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace LabDashboard.Tests.Engine.Training;

[Collection(SeededTorchCollection.Name)]
public class ShuffledBatchesTests
{
    private static List<long[]> Epochs(ShuffledBatches batches, int epochs) =>
        Enumerable.Range(0, epochs).Select(_ => batches.NextEpoch(CPU).SelectMany(b => b.Rows()).ToArray()).ToList();

    [Fact]
    public void Each_epoch_is_a_permutation_in_batches_of_the_given_size()
    {
        using var batches = new ShuffledBatches(10, 4, seed: 1);

        var epoch = batches.NextEpoch(CPU).Select(b => (b.Start, b.Size, Rows: b.Rows())).ToList();

        Assert.Equal([4L, 4L, 2L], epoch.Select(b => b.Size));
        Assert.Equal([0L, 4L, 8L], epoch.Select(b => b.Start));
        Assert.Equal(Enumerable.Range(0, 10).Select(i => (long)i), epoch.SelectMany(b => b.Rows).Order());
        Assert.Equal(3, batches.BatchesPerEpoch);
    }

    [Fact]
    public void The_same_seed_gives_the_same_orders_and_epochs_differ()
    {
        using var first = new ShuffledBatches(50, 8, seed: 43052);
        using var second = new ShuffledBatches(50, 8, seed: 43052);
        using var other = new ShuffledBatches(50, 8, seed: 7);

        var orders = Epochs(first, 3);

        Assert.Equal(orders, Epochs(second, 3));
        Assert.NotEqual(orders[0], orders[1]);
        Assert.NotEqual(orders[0], Epochs(other, 1)[0]);
    }

    [Fact]
    public void Next_order_is_the_permutation_the_next_epoch_uses()
    {
        using var exported = new ShuffledBatches(30, 8, seed: 5);
        using var training = new ShuffledBatches(30, 8, seed: 5);
        using var order = exported.NextOrder();

        Assert.Equal(order.data<long>().ToArray(), Epochs(training, 1)[0]);
    }

    [Fact]
    public void A_full_batch_keeps_the_rows_order_and_draws_nothing()
    {
        using var batches = new ShuffledBatches(6, 0, seed: 3);
        using var source = arange(6);

        var epoch = Assert.Single(batches.NextEpoch(CPU));
        using var selected = epoch.Select(source);

        Assert.True(batches.IsFullBatch);
        Assert.Equal([0L, 1, 2, 3, 4, 5], selected.data<long>().ToArray());
        Assert.Equal([0L, 1, 2, 3, 4, 5], epoch.Rows());
    }

    [Fact]
    public void Select_picks_the_batch_rows_of_a_tensor()
    {
        using var batches = new ShuffledBatches(5, 2, seed: 11);
        using var source = arange(5) * 10;

        foreach (var batch in batches.NextEpoch(CPU))
        {
            using var selected = batch.Select(source);
            Assert.Equal(batch.Rows().Select(r => r * 10), selected.data<long>().ToArray());
        }
    }
}
