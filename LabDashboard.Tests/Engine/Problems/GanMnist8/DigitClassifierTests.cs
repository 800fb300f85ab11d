using LabDashboard.Engine.Runs.Artifacts;
using LabDashboard.Engine.Problems.GanMnist8;
using LabDashboard.Engine.Runs;
using TorchSharp;

namespace LabDashboard.Tests.Engine.Problems.GanMnist8;

[Collection(GanMnistCollection.Name)]
public sealed class DigitClassifierTests(GanMnistFixture fixture)
{
    [Fact]
    public void Digit_classifier_reaches_97_percent_on_MNIST_test()
    {
        var (weights, recorded) = new DigitClassifierStore(new DiskArtifactStore(fixture.Paths)).TryLoad()!.Value;
        using (weights)
        {
            var measured = DigitClassifierTraining.Accuracy(images => DigitClassifier.Probabilities(weights, images), fixture.Mnist.TestImages, fixture.Mnist.TestLabels);

            Assert.True(measured >= 0.97, $"test accuracy {measured:P2}");
            Assert.Equal(recorded, measured, 6);
        }
    }

    [Fact]
    public void Digit_classifier_is_trained_once_with_progress_then_loaded_from_the_state_folder()
    {
        var progress = fixture.ClassifierTraining.OfKind(RunEventKinds.Progress);
        Assert.Contains(progress, e => e.Metrics!["fraction"] == 0);
        Assert.Contains(progress, e => e.Metrics!["fraction"] == 1 && e.Message!.Contains("test accuracy"));

        var reporter = new RecordingReporter();
        var context = reporter.ContextFor(new GanMnist8Problem(), null, fixture.Paths);
        var (weights, _) = DigitClassifierProvider.LoadOrTrain(context, new TrainingScaffold(context), fixture.Mnist);
        weights.Dispose();

        Assert.Empty(reporter.OfKind(RunEventKinds.Progress));
        Assert.Contains(reporter.OfKind(RunEventKinds.Log), e => e.Message!.Contains("loaded from the state folder"));
        Assert.Equal(0, reporter.Checkpoints);
    }

    [Fact]
    public void Digit_classifier_calls_real_eights_eights()
    {
        using var scope = torch.NewDisposeScope();
        var (weights, _) = new DigitClassifierStore(new DiskArtifactStore(fixture.Paths)).TryLoad()!.Value;
        using (weights)
        {
            var eights = DigitFilter.Images(fixture.Mnist.TestImages, fixture.Mnist.TestLabels, 8);
            var probability = DigitClassifier.Probabilities(weights, eights)[.., 8];

            Assert.True(probability.ge(GanSamples.ConfidentProbability).to_type(torch.ScalarType.Float32).mean().item<float>() > 0.85f);
        }
    }

    [Fact]
    public void Digit_classifier_training_ignores_the_global_RNG_state_it_finds()
    {
        using var scope = torch.NewDisposeScope();
        var images = fixture.Mnist.TrainImages.narrow(0, 0, 512);
        var labels = fixture.Mnist.TrainLabels.narrow(0, 0, 512);

        var afterSeed1 = TrainAfterSeeding(1, images, labels);
        var afterSeed2 = TrainAfterSeeding(2, images, labels);

        Assert.Equal(afterSeed1.Keys, afterSeed2.Keys);
        Assert.All(afterSeed1, kv => Assert.True(kv.Value.equal(afterSeed2[kv.Key]).all().item<bool>(), kv.Key));
    }

    private Dictionary<string, torch.Tensor> TrainAfterSeeding(long seed, torch.Tensor images, torch.Tensor labels)
    {
        torch.random.manual_seed(seed);
        torch.rand(seed * 10);
        var context = new RecordingReporter().ContextFor(new GanMnist8Problem(), null, fixture.Paths);
        using var model = DigitClassifierTraining.Train(images, labels, new TrainingScaffold(context), _ => { });
        return model.state_dict().ToDictionary(kv => kv.Key, kv => kv.Value.detach().clone());
    }
}
