using LabDashboard.Engine.Problems.Texts;
using LabDashboard.Engine.Problems.ResnetCam.Data;
using LabDashboard.Engine.Problems.ResnetCam.Model;
using LabDashboard.Engine.Runs;
using static TorchSharp.torch;

namespace LabDashboard.Engine.Problems.ResnetCam.Training;

/// <summary>Everything a trainer needs.</summary>
internal sealed record TrainingJob(
    RunContext Context, ResnetCamSettings Settings, BackboneStore Backbones, PetSplit Split,
    DecodedImageCache Train, DecodedImageCache Test, string CacheFolder)
{
    public Tensor Labels(IReadOnlyList<PetImage> images) => tensor(images.Select(i => (float)i.Label).ToArray());

    public void ReportProgress(LocalizableText what, int done, int total)
    {
        if (done % 32 == 0 || done == total)
            Context.Progress((double)done / total, ResnetCamTexts.Counted.Format(what, done, total));
    }
}

/// <summary>
/// What training produced: scores, the head, and held-out layer4 maps + logits for the gallery (CPU); the head-only
/// mode adds the unseen-breed evaluation and the epoch its head was taken from.
/// </summary>
internal sealed record TrainingOutcome(
    double TrainAccuracy, double TestAccuracy, double TestLoss, Tensor HeadWeight, Tensor HeadBias, Tensor TestLayer4, float[] TestLogits,
    UnseenBreedsData? UnseenBreeds = null, int? BestEpoch = null) : IDisposable
{
    public void Dispose()
    {
        HeadWeight.Dispose();
        HeadBias.Dispose();
        TestLayer4.Dispose();
    }
}

/// <summary>A rough a-priori time estimate, logged before the long part starts.</summary>
internal static class TrainingEstimate
{
    // Measured on a 2-core CPU: ~0.035 s per forward at 224²; a training step costs ~3 forwards.
    private const double ForwardSecondsAt224 = 0.035;

    public static LocalizableText Describe(ResnetCamSettings s, PetSplit split, Devices.DeviceInfo device)
    {
        var scale = Math.Pow(s.ImageSize / 224.0, 2) / (device.Kind == "cuda" ? 20 : 1);
        var images = split.Train.Count + split.Test.Count;
        var seconds = s.TrainBackbone
            ? (split.Train.Count * s.Epochs * 3 + split.Test.Count) * ForwardSecondsAt224 * scale
            : (images + split.Train.Count * s.Head.AugmentedViews) * ForwardSecondsAt224 * scale;
        var what = s.TrainBackbone
            ? ResnetCamTexts.EstimateWhole.Format(s.Epochs, split.Train.Count)
            : ResnetCamTexts.EstimateHead.Format(images, s.Head.AugmentedViews);
        return ResnetCamTexts.Estimate.Format(device.Kind, what, s.ImageSize, $"{TimeSpan.FromSeconds(seconds):h\\:mm\\:ss}");
    }
}
