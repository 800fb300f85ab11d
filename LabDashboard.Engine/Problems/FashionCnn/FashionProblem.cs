using LabDashboard.Engine.Data;
using LabDashboard.Engine.Runs;
using TorchSharp;
using S = LabDashboard.Engine.Problems.FashionCnn.FashionSettings;

namespace LabDashboard.Engine.Problems.FashionCnn;

/// <summary>
/// Problem 6: a CNN classifies Fashion-MNIST (60,000 / 10,000 images). Streams per-batch loss and
/// per-epoch loss/accuracies with samples/s and ETA; ends with a confusion matrix, misclassified
/// test images, first-layer filters and feature maps, and saves the model for "predict".
/// </summary>
public sealed class FashionProblem : IProblem
{
    /// <summary>The exam's bar for test accuracy.</summary>
    public const double RequiredTestAccuracy = 0.70;

    /// <inheritdoc />
    public ProblemDescriptor Descriptor { get; } = new(
        Id: "fashion-cnn",
        Number: 6,
        Title: "Fashion-MNIST CNN",
        Summary: "Train a convolutional network on Fashion-MNIST and reach at least 70 % test accuracy; inspect its mistakes and filters, and try it on your own image.",
        Settings: S.Schema,
        Metrics:
        [
            new("loss", "Training loss", "per batch (batch events) and mean over the epoch"),
            new("trainAcc", "Train accuracy", "running accuracy on the epoch's training batches"),
            new("testAcc", "Test accuracy"),
            new("testLoss", "Test loss"),
            new("samplesPerSec", "Samples/s"),
            new("etaSeconds", "Seconds left"),
        ],
        Results:
        [
            new("testAcc", "Test accuracy"), new("trainAcc", "Train accuracy"), new("testLoss", "Test loss"),
            new("seconds", "Training seconds"), new("samplesPerSec", "Samples/s"),
        ]);

    /// <inheritdoc />
    public void Run(RunContext context)
    {
        var settings = context.Settings;
        var architecture = ReadArchitecture(context);
        var raw255 = settings.Text(S.Scale) == "raw255";
        using var data = DatasetProvider.Load(ImageDatasets.FashionMnist, context, raw255 ? PixelScale.Raw255 : PixelScale.Unit);
        context.Data("dataset", new DatasetSourceData(data.Location.Description, data.Location.Layout.ToString(), data.Location.Folder,
            (int)data.TrainImages.shape[0], (int)data.TestImages.shape[0]));

        torch.random.manual_seed(settings.Int(S.Seed));
        using var trainer = new FashionTrainer(data, Options(context, architecture), context.Device.Device);
        context.Log($"Training {architecture} ({trainer.Model.parameters().Sum(p => p.numel())} parameters) on {trainer.TrainCount} images.");
        var (evaluation, trainAcc, pace) = Train(context, trainer);
        Finish(context, trainer, data, architecture, evaluation, trainAcc, pace);
    }

    private static CnnArchitecture ReadArchitecture(RunContext context)
    {
        try
        {
            return CnnArchitecture.Named(context.Settings.Text(S.Architecture), context.Settings.Text(S.Layers));
        }
        catch (FormatException e)
        {
            throw new ArgumentException($"Setting 'layers': {e.Message}", e);
        }
    }

    private static FashionTrainerOptions Options(RunContext context, CnnArchitecture architecture)
    {
        var s = context.Settings;
        return new FashionTrainerOptions(architecture, s.Text(S.Optimizer), s.Double(S.Lr), s.Int(S.BatchSize), s.Int(S.TrainSubset), s.Int(S.Seed));
    }

    private static (FashionEvaluation Evaluation, double TrainAcc, FashionPace Pace) Train(RunContext context, FashionTrainer trainer)
    {
        var epochs = context.Settings.Int(S.Epochs);
        var scaffold = new TrainingScaffold(context);
        var pace = new FashionPace((long)epochs * trainer.TrainCount);
        FashionEvaluation? evaluation = null;
        double trainAcc = 0;
        for (var epoch = 1; epoch <= epochs; epoch++)
        {
            var samplesBefore = (long)(epoch - 1) * trainer.TrainCount;
            var current = epoch;
            (var loss, trainAcc) = trainer.TrainEpoch(scaffold, (batchLoss, done) =>
            {
                pace.Completed(samplesBefore + done);
                context.Batch(current, scaffold.Steps, new Dictionary<string, double>
                {
                    ["loss"] = batchLoss, ["samplesPerSec"] = pace.SamplesPerSecond, ["etaSeconds"] = pace.EtaSeconds,
                });
            });
            evaluation = trainer.Evaluate();
            context.Epoch(epoch, scaffold.Steps, new Dictionary<string, double>
            {
                ["loss"] = loss, ["trainAcc"] = trainAcc, ["testAcc"] = evaluation.Accuracy, ["testLoss"] = evaluation.Loss,
                ["samplesPerSec"] = pace.SamplesPerSecond, ["etaSeconds"] = pace.EtaSeconds,
            });
        }
        return (evaluation!, trainAcc, pace);
    }

    private static void Finish(RunContext context, FashionTrainer trainer, ImageDataset data, CnnArchitecture architecture,
        FashionEvaluation evaluation, double trainAcc, FashionPace pace)
    {
        var epochs = context.Settings.Int(S.Epochs);
        var scale = context.Settings.Text(S.Scale);
        var weights = CnnModel.Weights(trainer.Model);
        var byName = weights.ToDictionary(w => w.Name, w => w.Tensor);
        FashionVisuals.Publish(context, epochs, evaluation, data.TestImages, data.ClassNames, architecture, byName, scale == "raw255");
        var info = new FashionModelInfo(architecture.ToString(), scale, data.ClassNames, context.RunId, evaluation.Accuracy);
        var folder = FashionModelStore.Save(context.Paths, info, weights);
        context.Data("model", new SavedModelData(folder, info.Architecture, scale));
        context.Log($"Saved the model to {folder}.");
        context.Result("testAcc", evaluation.Accuracy);
        context.Result("trainAcc", trainAcc);
        context.Result("testLoss", evaluation.Loss);
        context.Result("seconds", pace.Seconds);
        context.Result("samplesPerSec", pace.SamplesPerSecond);
        context.Check("testAcc", evaluation.Accuracy >= RequiredTestAccuracy, $"test accuracy {evaluation.Accuracy:0.000} (needs ≥ {RequiredTestAccuracy:0.00})");
    }
}
