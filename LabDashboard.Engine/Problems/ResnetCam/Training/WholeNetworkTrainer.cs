using LabDashboard.Engine.Data.Images;
using LabDashboard.Engine.Problems.ResnetCam.Model;
using LabDashboard.Engine.Problems.ResnetCam.Models;
using LabDashboard.Engine.Runs;
using LabDashboard.Engine.Training;
using TorchSharp;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace LabDashboard.Engine.Problems.ResnetCam.Training;

/// <summary>The exam's configuration: the whole ResNet (fc → Linear(512, 1)) trained with Adam.</summary>
internal static class WholeNetworkTrainer
{
    // Held-out photos decoded and evaluated per forward pass (as before the shared evaluation); at 512 px the whole set would not fit at once.
    private const int EvaluationChunkSize = 16;

    public static TrainingOutcome Train(TrainingJob job)
    {
        var (context, settings) = (job.Context, job.Settings);
        var device = context.Device.Device;
        using var model = ResNetBuilder.Create(settings.Backbone.Blocks, outputs: 1);
        var loaded = new Dictionary<string, bool>();
        model.load_safetensors(job.Backbones.WeightsPath(settings.Backbone), strict: false, loadedParameters: loaded);
        context.Log(ResnetCamTexts.BackboneLoaded.Format(loaded.Count(p => p.Value)));
        model.to(device);
        var parts = ResNetParts.Of(model);
        var preprocessor = job.Backbones.Preprocessor(settings.Backbone, settings.Preprocessing);
        using var optimizer = new OptimizerSpec(OptimizerSpec.Adam, settings.LearningRate).Create(model.parameters());
        using var batches = new ShuffledBatches(job.Split.Train.Count, settings.BatchSize, settings.Seed);
        var step = new ClassificationStep(x => model.call(x).squeeze(1), optimizer, ClassificationLoss.BinaryWithLogits);
        var labels = job.Split.Train.Select(i => (float)i.Label).ToArray();
        var scaffold = new TrainingScaffold(context, collectEvery: 10);
        var trainAccuracy = 0.0;
        for (var epoch = 1; epoch <= settings.Epochs; epoch++)
        {
            model.train();
            var current = epoch;
            var (loss, accuracy) = step.RunEpoch(scaffold, batches, CPU, batch => Batch(job, preprocessor, labels, batch.Rows()),
                report => job.ReportProgress(ResnetCamTexts.Epoch.Format(current), (int)report.RowsDone, labels.Length));
            trainAccuracy = accuracy;
            context.Epoch(epoch, scaffold.Steps, new Dictionary<string, double> { [ResnetCamMetrics.Loss] = loss, [ResnetCamMetrics.TrainAcc] = accuracy });
        }
        model.eval();
        new TrainedModelStore(context.Artifacts).SaveWholeNetwork(context.RunId, model);
        return Evaluate(job, parts, preprocessor, trainAccuracy);
    }

    /// <summary>The batch's images, decoded and preprocessed on the run's device, and their labels.</summary>
    private static (Tensor Inputs, Tensor Targets) Batch(TrainingJob job, ImagePreprocessor preprocessor, float[] labels, long[] rows)
    {
        var device = job.Context.Device.Device;
        var images = rows.Select(i => job.Train.Read((int)i)).ToList();
        return (preprocessor.ToInput(images).to(device), tensor(rows.Select(i => labels[i]).ToArray()).to(device));
    }

    /// <summary>Held-out scores; layer4's maps are kept (float16, CPU) for the gallery.</summary>
    private static TrainingOutcome Evaluate(TrainingJob job, ResNetParts parts, ImagePreprocessor preprocessor, double trainAccuracy)
    {
        var device = job.Context.Device.Device;
        var maps = new List<Tensor>();
        using var y = job.Labels(job.Split.Test);
        var evaluation = ChunkedEvaluation.Classify(
            input =>
            {
                var layer4 = parts.Layer4(input);
                maps.Add(layer4.to(ScalarType.Float16).cpu().MoveToOuterDisposeScope());
                return parts.Logits(layer4);
            },
            job.Test.Count,
            (start, size) =>
            {
                job.Context.Checkpoint();
                return preprocessor.ToInput([.. Enumerable.Range((int)start, (int)size).Select(job.Test.Read)]).to(device);
            },
            y, ClassificationLoss.BinaryWithLogits, EvaluationChunkSize);
        var testLayer4 = cat(maps, 0);
        foreach (var m in maps) m.Dispose();
        return new TrainingOutcome(trainAccuracy, evaluation.Accuracy, evaluation.Loss,
            parts.Head.weight!.detach().cpu().clone(), parts.Head.bias!.detach().cpu().clone(), testLayer4, evaluation.Outputs);
    }
}
