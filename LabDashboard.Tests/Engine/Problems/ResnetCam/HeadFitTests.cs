using LabDashboard.Engine.Problems.ResnetCam;
using LabDashboard.Engine.Problems.ResnetCam.Data;
using LabDashboard.Engine.Problems.ResnetCam.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace LabDashboard.Tests.Engine.Problems.ResnetCam;

/// <summary>The head fit's breed balance (on the real catsdogs list) and early stopping (on features that overfit), with real TorchSharp.</summary>
public class HeadFitTests
{
    private static readonly PetSplit Catsdogs = PetDatasetLocator.Find([TestData.Root], seed: 43052)!;
    private static readonly string[] BigBreeds = ["Abyssinian", "Bengal", "american_bulldog"];

    [Fact]
    public void Balanced_weights_give_every_breed_of_a_class_the_same_share_and_both_classes_half()
    {
        var rows = Catsdogs.Train;

        var weights = BreedBalance.Weights(rows);

        Assert.Equal(1.0, weights.Sum(w => (double)w), 5);
        var perBreed = rows.Select((r, i) => (r, w: (double)weights[i])).GroupBy(x => (x.r.Label, x.r.Breed)).Select(g => (g.Key.Label, Share: g.Sum(x => x.w))).ToList();
        Assert.Equal((12, 25), (perBreed.Count(b => b.Label == 0), perBreed.Count(b => b.Label == 1)));
        Assert.All(perBreed, b => Assert.Equal(b.Label == 0 ? 1.0 / 24 : 1.0 / 50, b.Share, 5));
    }

    [Fact]
    public void Drawing_rows_by_the_balanced_weights_undoes_the_skew_that_uniform_draws_keep()
    {
        var rows = Catsdogs.Train;
        using var generator = new Generator(3);
        using var balanced = tensor(BreedBalance.Weights(rows));
        using var uniform = ones(rows.Count);

        double BigBreedShare(Tensor weights)
        {
            using var drawn = multinomial(weights, 20_000, replacement: true, generator: generator);
            return drawn.data<long>().ToArray().Count(i => BigBreeds.Contains(rows[(int)i].Breed)) / 20_000.0;
        }

        // The three big breeds are 2/24 + 1/50 of a balanced draw, and about 64 % of the photos.
        Assert.Equal(2.0 / 24 + 1.0 / 50, BigBreedShare(balanced), 2);
        Assert.True(BigBreedShare(uniform) > 0.6);
    }

    [Fact]
    public void Early_stopping_keeps_the_head_of_the_epoch_with_the_lowest_validation_loss_and_stops_patience_epochs_later()
    {
        var context = new RecordingReporter().ContextFor(new ResnetCamProblem(), "{}");
        using var generator = new Generator(11);
        // The label is the sign of feature 0; the other 511 are faint noise. A quarter of the 80 training labels are flipped,
        // so the head first learns feature 0, then fits the flips with the noise: the validation loss falls, then rises.
        using var train = Rows(80, flip: 0.25, generator);
        using var validation = Rows(400, flip: 0, generator);
        var options = new HeadFitOptions(MaxEpochs: 1000, BatchSize: 0, LearningRate: 0.01, HeadTrainingSettings.Default with { Patience = 10, WeightDecay = 0 }, Seed: 5);
        var epochs = new List<HeadEpoch>();

        using var head = HeadFit.Fit(context, train, null, validation, options, epochs.Add);

        var best = epochs.MinBy(e => e.ValidationLoss)!;
        Assert.Equal(best.Epoch, head.BestEpoch);
        Assert.True(head.BestEpoch > 5 && head.BestEpoch < 990, $"best epoch {head.BestEpoch}: the validation loss must fall, then rise, or the test proves nothing");
        Assert.Equal(head.BestEpoch + 10, head.EpochsRun);
        Assert.Equal(head.EpochsRun, epochs.Count);
        using var logits = head.Logits(validation.Features);
        using var loss = nn.functional.binary_cross_entropy_with_logits(logits, validation.Labels);
        Assert.Equal(best.ValidationLoss!.Value, loss.item<float>(), 4);
        Assert.True(epochs[^1].ValidationLoss > best.ValidationLoss);
    }

    private static HeadRows Rows(int count, double flip, Generator generator)
    {
        var features = randn([count, 512], generator: generator) * 0.05;
        features.select(1, 0).mul_(20);
        var labels = features.select(1, 0).gt(0).to(ScalarType.Float32);
        var flips = rand([count], generator: generator).lt(flip).to(ScalarType.Float32);
        labels = (labels - flips).abs();
        return new HeadRows(features, labels, [.. Enumerable.Range(0, count)]);
    }
}
