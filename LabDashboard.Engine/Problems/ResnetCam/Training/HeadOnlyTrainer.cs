using LabDashboard.Engine.Problems.ResnetCam.Model;
using LabDashboard.Engine.Runs;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace LabDashboard.Engine.Problems.ResnetCam.Training;

/// <summary>Frozen backbone: features computed once (cached on disk), only Linear(512, 1) trained.</summary>
internal static class HeadOnlyTrainer
{
    public static TrainingOutcome Train(TrainingJob job)
    {
        var (context, settings) = (job.Context, job.Settings);
        var weights = job.Backbones.LoadWeights(settings.Backbone);
        var preprocessor = job.Backbones.Preprocessor(settings.Backbone, settings.Preprocessing);
        using var trainFeatures = Features(job, "train", job.Train, job.Split.Train, weights, preprocessor, keepLayer4: false);
        var testFeatures = Features(job, "test", job.Test, job.Split.Test, weights, preprocessor, keepLayer4: true);
        foreach (var w in weights.Values) w.Dispose();

        var device = context.Device.Device;
        using var head = Linear(512, 1).to(device);
        using var optimizer = optim.Adam(head.parameters(), settings.LearningRate);
        using var x = trainFeatures.Pooled.to(device);
        using var y = job.Labels(job.Split.Train).to(device);
        var scaffold = new TrainingScaffold(context);
        var trainAccuracy = 0.0;
        for (var epoch = 1; epoch <= settings.Epochs; epoch++)
        {
            var (loss, accuracy) = Epoch(scaffold, head, optimizer, x, y, settings.BatchSize);
            trainAccuracy = accuracy;
            context.Epoch(epoch, scaffold.Steps, new Dictionary<string, double> { [ResnetCamMetrics.Loss] = loss, [ResnetCamMetrics.TrainAcc] = accuracy });
        }
        return Evaluate(job, head, testFeatures, trainAccuracy);
    }

    private static ExtractedFeatures Features(TrainingJob job, string part, DecodedImageCache images, IReadOnlyList<Data.PetImage> list,
        IReadOnlyDictionary<string, Tensor> weights, ImagePreprocessor preprocessor, bool keepLayer4)
    {
        var s = job.Settings;
        var key = CacheKey.For(list, "features", s.Backbone.Id, s.Preprocessing, s.ImageSize, keepLayer4);
        var path = Path.Combine(job.CacheFolder, $"{key}-features.bin");
        if (File.Exists(path)) job.Context.Log($"Using cached {part} features ({s.Backbone.Id}, {s.Preprocessing}, {s.ImageSize}px).");
        return FeatureExtractor.OpenOrExtract(path, images, weights, s.Backbone, preprocessor, keepLayer4,
            done => job.ReportProgress($"Extracting {part} features at {s.ImageSize}px", done, images.Count), job.Context.Checkpoint);
    }

    private static (double Loss, double Accuracy) Epoch(TrainingScaffold scaffold, Linear head, optim.Optimizer optimizer, Tensor x, Tensor y, int batchSize)
    {
        var n = x.shape[0];
        using var order = randperm(n, device: x.device);
        double lossSum = 0, correct = 0;
        for (long start = 0; start < n; start += batchSize)
        {
            var (batchLoss, batchCorrect) = scaffold.Step(() =>
            {
                var index = order.narrow(0, start, Math.Min(batchSize, n - start));
                var (xb, yb) = (x.index_select(0, index), y.index_select(0, index));
                var logits = head.call(xb).squeeze(1);
                var loss = functional.binary_cross_entropy_with_logits(logits, yb);
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
                return (loss.item<float>() * index.shape[0], (logits.ge(0).to(ScalarType.Float32) == yb).sum().item<long>());
            });
            lossSum += batchLoss;
            correct += batchCorrect;
        }
        return (lossSum / n, correct / n);
    }

    private static TrainingOutcome Evaluate(TrainingJob job, Linear head, ExtractedFeatures test, double trainAccuracy)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var device = job.Context.Device.Device;
        var logits = head.call(test.Pooled.to(device)).squeeze(1).cpu();
        var y = job.Labels(job.Split.Test);
        var testLoss = functional.binary_cross_entropy_with_logits(logits, y).item<float>();
        var testAccuracy = (logits.ge(0).to(ScalarType.Float32) == y).to(ScalarType.Float32).mean().item<float>();
        var weight = head.weight!.detach().cpu().clone().MoveToOuterDisposeScope();
        var bias = head.bias!.detach().cpu().clone().MoveToOuterDisposeScope();
        test.Pooled.Dispose();
        return new TrainingOutcome(trainAccuracy, testAccuracy, testLoss, weight, bias, test.Layer4!, logits.data<float>().ToArray());
    }
}
