using LabDashboard.Engine.Problems.ResnetCam.Models;
using LabDashboard.Engine.Runs;

namespace LabDashboard.Engine.Problems.ResnetCam;

/// <summary>How long whole-network training took per image and epoch on this machine, read from a finished run.</summary>
/// <param name="RunId">The measured run.</param>
/// <param name="ImageSize">Its input size in pixels.</param>
/// <param name="SecondsPerImage">Wall-clock seconds per training image per epoch.</param>
public sealed record WholeNetworkSpeed(string RunId, int ImageSize, double SecondsPerImage)
{
    // Evaluating an image is a forward pass without gradients: about a third of a training step.
    private const double EvaluationShareOfStep = 1.0 / 3;

    /// <summary>
    /// The speed of <paramref name="run"/>, the run that trained <paramref name="model"/>; null when it did not train
    /// the whole network or reported no epoch. Epochs after the first are used when there are any: the first also
    /// loads the backbone and decodes the photos.
    /// </summary>
    public static WholeNetworkSpeed? Measure(TrainedModelInfo model, RunRecord run)
    {
        if (!model.TrainBackbone || !run.Summary.Results.TryGetValue(ResnetCamMetrics.TrainImages, out var images) || images < 1) return null;
        var epochs = run.EpochEvents.Where(e => e.Kind == RunEventKinds.Epoch).OrderBy(e => e.Epoch).ToList();
        if (epochs.Count == 0) return null;
        var epochMs = epochs.Count > 1 ? (double)(epochs[^1].ElapsedMs - epochs[0].ElapsedMs) / (epochs.Count - 1) : epochs[0].ElapsedMs;
        return epochMs > 0 ? new WholeNetworkSpeed(model.RunId, model.ImageSize, epochMs / 1000 / images) : null;
    }

    /// <summary>
    /// The speed of the newest whole-network model's run in <paramref name="models"/> that <paramref name="runOf"/> gives
    /// (a caller's own runs, say), or null when there is none.
    /// </summary>
    public static WholeNetworkSpeed? Latest(TrainedModelStore models, Func<string, RunRecord?> runOf) =>
        models.List().Where(m => m.TrainBackbone)
            .Select(m => runOf(m.RunId) is { } run ? Measure(m, run) : null)
            .FirstOrDefault(speed => speed is not null);

    /// <summary>Seconds per training image per epoch at <paramref name="imageSize"/> (the cost grows with the pixel count).</summary>
    public double SecondsPerImageAt(int imageSize) => SecondsPerImage * Math.Pow((double)imageSize / ImageSize, 2);

    /// <summary>Seconds for <paramref name="epochs"/> epochs over <paramref name="trainImages"/> photos and the evaluation of <paramref name="testImages"/>.</summary>
    public double SecondsFor(int imageSize, int epochs, int trainImages, int testImages) =>
        SecondsPerImageAt(imageSize) * (epochs * trainImages + EvaluationShareOfStep * testImages);
}
