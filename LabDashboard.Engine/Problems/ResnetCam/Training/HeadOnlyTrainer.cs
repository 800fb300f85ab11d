using LabDashboard.Engine.Problems.Texts;
using LabDashboard.Engine.Problems.ResnetCam.Model;
using LabDashboard.Engine.Runs;
using LabDashboard.Engine.Training;
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
        using var trainFeatures = Features(job, ResnetCamTexts.TrainPart.Format(), job.Train, job.Split.Train, weights, preprocessor, keepLayer4: false);
        var testFeatures = Features(job, ResnetCamTexts.TestPart.Format(), job.Test, job.Split.Test, weights, preprocessor, keepLayer4: true);
        foreach (var w in weights.Values) w.Dispose();

        var device = context.Device.Device;
        using var head = Linear(512, 1).to(device);
        using var optimizer = new OptimizerSpec(OptimizerSpec.Adam, settings.LearningRate).Create(head.parameters());
        using var x = trainFeatures.Pooled.to(device);
        using var y = job.Labels(job.Split.Train).to(device);
        using var batches = new ShuffledBatches(x.shape[0], settings.BatchSize, settings.Seed);
        var step = new ClassificationStep(features => head.call(features).squeeze(1), optimizer, ClassificationLoss.BinaryWithLogits);
        var scaffold = new TrainingScaffold(context);
        var trainAccuracy = 0.0;
        for (var epoch = 1; epoch <= settings.Epochs; epoch++)
        {
            var (loss, accuracy) = step.RunEpoch(scaffold, batches, device, batch => (batch.Select(x), batch.Select(y)));
            trainAccuracy = accuracy;
            context.Epoch(epoch, scaffold.Steps, new Dictionary<string, double> { [ResnetCamMetrics.Loss] = loss, [ResnetCamMetrics.TrainAcc] = accuracy });
        }
        return Evaluate(job, head, testFeatures, trainAccuracy);
    }

    private static ExtractedFeatures Features(TrainingJob job, LocalizableText part, DecodedImageCache images, IReadOnlyList<Data.PetImage> list,
        IReadOnlyDictionary<string, Tensor> weights, ImagePreprocessor preprocessor, bool keepLayer4)
    {
        var s = job.Settings;
        var key = CacheKey.For(list, "features", s.Backbone.Id, s.Preprocessing, s.ImageSize, keepLayer4);
        var path = Path.Combine(job.CacheFolder, $"{key}-features{WeightsFile.Extension}");
        if (File.Exists(path)) job.Context.Log(ResnetCamTexts.CachedFeatures.Format(part, s.Backbone.Id, s.Preprocessing, s.ImageSize));
        return FeatureExtractor.OpenOrExtract(path, images, weights, s.Backbone, preprocessor, keepLayer4,
            done => job.ReportProgress(ResnetCamTexts.Extracting.Format(part, s.ImageSize), done, images.Count), job.Context.Checkpoint);
    }

    private static TrainingOutcome Evaluate(TrainingJob job, Linear head, ExtractedFeatures test, double trainAccuracy)
    {
        var device = job.Context.Device.Device;
        using var y = job.Labels(job.Split.Test);
        var evaluation = ChunkedEvaluation.Classify(features => head.call(features.to(device)).squeeze(1), test.Pooled, y, ClassificationLoss.BinaryWithLogits);
        using var scope = NewDisposeScope();
        var weight = head.weight!.detach().cpu().clone().MoveToOuterDisposeScope();
        var bias = head.bias!.detach().cpu().clone().MoveToOuterDisposeScope();
        test.Pooled.Dispose();
        return new TrainingOutcome(trainAccuracy, evaluation.Accuracy, evaluation.Loss, weight, bias, test.Layer4!, evaluation.Outputs);
    }
}
