using LabDashboard.Engine.Data.Images;
using LabDashboard.Engine.Problems.ResnetCam.Model;
using LabDashboard.Engine.Problems.ResnetCam.Models;
using LabDashboard.Engine.Runs;
using LabDashboard.Engine.Training;
using TorchSharp;
using TorchSharp.Modules;
using TorchSharp.PyBridge;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace LabDashboard.Engine.Problems.ResnetCam.Training;

/// <summary>The exam's configuration: the whole ResNet (fc → Linear(512, 1)) trained with Adam.</summary>
internal static class WholeNetworkTrainer
{
    public static TrainingOutcome Train(TrainingJob job)
    {
        var (context, settings) = (job.Context, job.Settings);
        var device = context.Device.Device;
        using var model = ResNetBuilder.Create(settings.Backbone.Blocks, outputs: 1);
        var loaded = new Dictionary<string, bool>();
        model.load_safetensors(job.Backbones.WeightsPath(settings.Backbone), strict: false, loadedParameters: loaded);
        context.Log($"Loaded {loaded.Count(p => p.Value)} backbone tensors; fc is a fresh Linear(512, 1).");
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
                report => job.ReportProgress($"Epoch {current}", (int)report.RowsDone, labels.Length));
            trainAccuracy = accuracy;
            context.Epoch(epoch, scaffold.Steps, new Dictionary<string, double> { [ResnetCamMetrics.Loss] = loss, [ResnetCamMetrics.TrainAcc] = accuracy });
        }
        model.eval();
        new TrainedModelStore(context.Paths).SaveWholeNetwork(context.RunId, model);
        return Evaluate(job, parts, preprocessor, trainAccuracy);
    }

    /// <summary>The batch's images, decoded and preprocessed on the run's device, and their labels.</summary>
    private static (Tensor Inputs, Tensor Targets) Batch(TrainingJob job, ImagePreprocessor preprocessor, float[] labels, long[] rows)
    {
        var device = job.Context.Device.Device;
        var images = rows.Select(i => job.Train.Read((int)i)).ToList();
        return (preprocessor.ToInput(images).to(device), tensor(rows.Select(i => labels[i]).ToArray()).to(device));
    }

    private static TrainingOutcome Evaluate(TrainingJob job, ResNetParts parts, ImagePreprocessor preprocessor, double trainAccuracy)
    {
        var device = job.Context.Device.Device;
        var maps = new List<Tensor>();
        var logits = new List<float>();
        using (no_grad())
        {
            for (var start = 0; start < job.Test.Count; start += 16)
            {
                job.Context.Checkpoint();
                var images = Enumerable.Range(start, Math.Min(16, job.Test.Count - start)).Select(job.Test.Read).ToList();
                using var scope = NewDisposeScope();
                var layer4 = parts.Layer4(preprocessor.ToInput(images).to(device));
                logits.AddRange(parts.Logits(layer4).cpu().data<float>().ToArray());
                maps.Add(layer4.to(ScalarType.Float16).cpu().MoveToOuterDisposeScope());
            }
        }
        var y = job.Labels(job.Split.Test);
        using var logitTensor = tensor(logits.ToArray());
        var testLoss = functional.binary_cross_entropy_with_logits(logitTensor, y).item<float>();
        var testAccuracy = logits.Zip(job.Split.Test, (l, i) => (l >= 0 ? 1 : 0) == i.Label ? 1.0 : 0.0).Average();
        var testLayer4 = cat(maps, 0);
        foreach (var m in maps) m.Dispose();
        return new TrainingOutcome(trainAccuracy, testAccuracy, testLoss,
            parts.Head.weight!.detach().cpu().clone(), parts.Head.bias!.detach().cpu().clone(), testLayer4, [.. logits]);
    }
}
