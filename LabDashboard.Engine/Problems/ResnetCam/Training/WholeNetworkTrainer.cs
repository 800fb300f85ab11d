using LabDashboard.Engine.Data.Images;
using LabDashboard.Engine.Problems.ResnetCam.Model;
using LabDashboard.Engine.Problems.ResnetCam.Models;
using LabDashboard.Engine.Runs;
using TorchSharp;
using TorchSharp.Modules;
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
        model.load(job.Backbones.WeightsPath(settings.Backbone), strict: false, loadedParameters: loaded);
        context.Log($"Loaded {loaded.Count(p => p.Value)} backbone tensors; fc is a fresh Linear(512, 1).");
        model.to(device);
        var parts = ResNetParts.Of(model);
        var preprocessor = job.Backbones.Preprocessor(settings.Backbone, settings.Preprocessing);
        using var optimizer = optim.Adam(model.parameters(), settings.LearningRate);
        var labels = job.Split.Train.Select(i => (float)i.Label).ToArray();
        var scaffold = new TrainingScaffold(context, collectEvery: 10);
        var trainAccuracy = 0.0;
        for (var epoch = 1; epoch <= settings.Epochs; epoch++)
        {
            model.train();
            var (loss, accuracy) = Epoch(job, scaffold, model, optimizer, preprocessor, labels, epoch);
            trainAccuracy = accuracy;
            context.Epoch(epoch, scaffold.Steps, new Dictionary<string, double> { [ResnetCamMetrics.Loss] = loss, [ResnetCamMetrics.TrainAcc] = accuracy });
        }
        model.eval();
        new TrainedModelStore(context.Paths).SaveWholeNetwork(context.RunId, model);
        return Evaluate(job, parts, preprocessor, trainAccuracy);
    }

    private static (double Loss, double Accuracy) Epoch(TrainingJob job, TrainingScaffold scaffold, ResNet model,
        optim.Optimizer optimizer, ImagePreprocessor preprocessor, float[] labels, int epoch)
    {
        var device = job.Context.Device.Device;
        var n = labels.Length;
        var order = randperm(n).data<long>().ToArray();
        double lossSum = 0, correct = 0;
        for (var start = 0; start < n; start += job.Settings.BatchSize)
        {
            var index = order.Skip(start).Take(job.Settings.BatchSize).Select(i => (int)i).ToArray();
            var images = index.Select(job.Train.Read).ToList();
            var (batchLoss, batchCorrect) = scaffold.Step(() =>
            {
                var x = preprocessor.ToInput(images).to(device);
                var y = tensor(index.Select(i => labels[i]).ToArray()).to(device);
                var logits = model.call(x).squeeze(1);
                var loss = functional.binary_cross_entropy_with_logits(logits, y);
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
                return (loss.item<float>() * index.Length, (logits.ge(0).to(ScalarType.Float32) == y).sum().item<long>());
            });
            lossSum += batchLoss;
            correct += batchCorrect;
            job.ReportProgress($"Epoch {epoch}", Math.Min(start + index.Length, n), n);
        }
        return (lossSum / n, correct / n);
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
