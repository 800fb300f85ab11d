using LabDashboard.Engine.Data;
using LabDashboard.Engine.Devices;
using LabDashboard.Engine.Runs;
using Microsoft.Extensions.Options;
using TorchSharp;

namespace LabDashboard.Engine.Problems.FashionCnn;

/// <summary>
/// Problem 6: a CNN classifies Fashion-MNIST (60,000 / 10,000 images). Streams per-batch loss and
/// per-epoch loss/accuracies with samples/s and ETA; ends with a confusion matrix, misclassified
/// test images, first-layer filters and feature maps, and saves the model for "predict".
/// </summary>
/// <param name="sources">Download sources; null = the public ones.</param>
public sealed class FashionProblem(IOptions<EngineEnvironmentOptions>? sources = null) : IProblem
{
    private readonly EngineEnvironmentOptions _sources = sources?.Value ?? new();

    /// <summary>The exam's bar for test accuracy.</summary>
    public const double RequiredTestAccuracy = 0.70;

    /// <inheritdoc />
    public ProblemDescriptor Descriptor { get; } = new(
        Id: "fashion-cnn",
        Number: 6,
        Title: "Fashion-MNIST CNN",
        Summary: "Train a convolutional network on Fashion-MNIST and reach at least 70 % test accuracy; inspect its mistakes and filters, and try it on your own image.",
        Settings: FashionSettings.Schema,
        Metrics: FashionMetrics.Epoch,
        Results: FashionMetrics.Results)
    {
        ProgressSetting = FashionSettings.Names.Epochs,
        RunFolders = [FashionModelStore.RunsFolder],
        SettingsLimit = FashionSettings.BatchMemory,
        PreferredDevice = DeviceKind.Cuda,
    };

    /// <inheritdoc />
    public void Run(RunContext context)
    {
        var settings = FashionSettings.From(context.Settings);
        var architecture = ReadArchitecture(settings);
        using var data = DatasetProvider.Load(DatasetProvider.WithMirror(ImageDatasets.FashionMnist, _sources.DatasetMirror), context, settings.Raw255 ? PixelScale.Raw255 : PixelScale.Unit);
        context.Data(FashionPayloadNames.Dataset, new DatasetSourceData(data.Location.Description.ToString(), data.Location.Layout.ToString(), data.Location.Folder,
            (int)data.TrainImages.shape[0], (int)data.TestImages.shape[0]) { DescriptionText = data.Location.Description });

        torch.random.manual_seed(settings.Seed);
        using var trainer = new FashionTrainer(data, Options(settings, architecture), context.Device.Device);
        context.Log(FashionTexts.Training.Format(architecture, trainer.Model.parameters().Sum(p => p.numel()), trainer.TrainCount));
        var (evaluation, trainAcc, pace) = Train(context, settings.Epochs, trainer);
        Finish(context, settings, trainer, data, architecture, (evaluation, trainAcc, pace));
    }

    private static CnnArchitecture ReadArchitecture(FashionSettings settings)
    {
        try
        {
            return CnnArchitecture.Named(settings.Architecture, settings.Layers);
        }
        catch (FormatException e)
        {
            throw new ArgumentException($"Setting '{FashionSettings.Names.Layers}': {e.Message}", e);
        }
    }

    private static FashionTrainerOptions Options(FashionSettings s, CnnArchitecture architecture) =>
        new(architecture, s.Optimizer, s.Lr, s.BatchSize, s.TrainSubset, s.Seed);

    private static (FashionEvaluation Evaluation, double TrainAcc, FashionPace Pace) Train(RunContext context, int epochs, FashionTrainer trainer)
    {
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
                    [FashionMetrics.Loss] = batchLoss, [FashionMetrics.SamplesPerSec] = pace.SamplesPerSecond, [FashionMetrics.EtaSeconds] = pace.EtaSeconds,
                });
            });
            evaluation = trainer.Evaluate();
            context.Epoch(epoch, scaffold.Steps, new Dictionary<string, double>
            {
                [FashionMetrics.Loss] = loss, [FashionMetrics.TrainAcc] = trainAcc, [FashionMetrics.TestAcc] = evaluation.Accuracy,
                [FashionMetrics.TestLoss] = evaluation.Loss, [FashionMetrics.SamplesPerSec] = pace.SamplesPerSecond, [FashionMetrics.EtaSeconds] = pace.EtaSeconds,
            });
        }
        return (evaluation!, trainAcc, pace);
    }

    private static void Finish(RunContext context, FashionSettings settings, FashionTrainer trainer, ImageDataset data, CnnArchitecture architecture,
        (FashionEvaluation Evaluation, double TrainAcc, FashionPace Pace) outcome)
    {
        var (evaluation, trainAcc, pace) = outcome;
        var scale = settings.Scale;
        var weights = CnnModel.Weights(trainer.Model);
        var byName = weights.ToDictionary(w => w.Name, w => w.Tensor);
        FashionVisuals.Publish(context, settings.Epochs, evaluation, data.TestImages, data.ClassNames, architecture, byName, settings.Raw255);
        var info = new FashionModelInfo(architecture.ToString(), scale, data.ClassNames, context.RunId, evaluation.Accuracy);
        var folder = FashionModelStore.Save(context.Artifacts, info, weights);
        context.Data(FashionPayloadNames.Model, new SavedModelData(folder, info.Architecture, scale));
        context.Log(FashionTexts.Saved.Format(folder));
        context.Result(FashionMetrics.TestAcc, evaluation.Accuracy);
        context.Result(FashionMetrics.TrainAcc, trainAcc);
        context.Result(FashionMetrics.TestLoss, evaluation.Loss);
        context.Result(FashionMetrics.Seconds, pace.Seconds);
        context.Result(FashionMetrics.SamplesPerSec, pace.SamplesPerSecond);
        context.Check(FashionTexts.TestAccCheck.Format(), evaluation.Accuracy >= RequiredTestAccuracy,
            FashionTexts.TestAccDetail.Format($"{evaluation.Accuracy:0.000}", $"{RequiredTestAccuracy:0.00}"));
    }
}
