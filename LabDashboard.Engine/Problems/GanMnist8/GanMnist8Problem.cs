using LabDashboard.Engine.Data;
using LabDashboard.Engine.Devices;
using LabDashboard.Engine.Runs;
using Microsoft.Extensions.Options;
using static TorchSharp.torch;

namespace LabDashboard.Engine.Problems.GanMnist8;

/// <summary>Problem 8: a small GAN learns to draw one MNIST digit (default 8), with a live sample grid.</summary>
/// <param name="sources">Download sources; null = the public ones.</param>
public sealed class GanMnist8Problem(IOptions<EngineEnvironmentOptions>? sources = null) : IProblem
{
    private readonly EngineEnvironmentOptions _sources = sources?.Value ?? new();

    /// <summary>The problem's id.</summary>
    public const string Id = "gan-mnist8";

    /// <inheritdoc/>
    public ProblemDescriptor Descriptor { get; } = new(
        Id,
        8,
        "GAN: drawing the digit 8",
        "A generator turns 6 random numbers into a 28×28 image and learns, against a discriminator (the \"police\"), to draw MNIST eights.",
        GanSettings.Schema,
        GanMetrics.Epoch,
        GanMetrics.Results)
    {
        ProgressSetting = GanSettings.Names.Epochs,
        RunFolders = [GanModelStore.RunsFolder],
        PreferredDevice = DeviceKind.Cuda,
        // A grid every gridEvery epochs and one at the end.
        Images = new(GanSettings.Names.GridEvery, s => s.Int(GanSettings.Names.Epochs) / s.Int(GanSettings.Names.GridEvery) + 1),
    };

    /// <inheritdoc/>
    public void Run(RunContext context)
    {
        var settings = GanSettings.From(context.Settings);
        using var real = PrepareData(context, settings.Digit, out var classifier);
        using (classifier.Weights)
            new GanRun(context, settings, real, classifier).Execute();
    }

    private Tensor PrepareData(RunContext context, int digit, out (NetworkWeights Weights, double TestAccuracy) classifier)
    {
        using var mnist = DatasetProvider.Load(DatasetProvider.WithMirror(ImageDatasets.Mnist, _sources.DatasetMirror), context);
        classifier = DigitClassifierProvider.LoadOrTrain(context, new TrainingScaffold(context), mnist);
        var real = DigitFilter.Images(mnist.TrainImages, mnist.TrainLabels, digit).to(context.Device.Device);
        context.Log(GanTexts.TrainingOn.Format(real.shape[0], digit));
        return real;
    }
}
