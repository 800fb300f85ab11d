using LabDashboard.Engine.Problems.Texts;

namespace LabDashboard.Engine.Problems.ResnetCam.Models;

/// <summary>A completed resnet-cam model: which run, backbone, preprocessing and size.</summary>
/// <param name="RunId">The training run.</param>
/// <param name="Backbone">Backbone id.</param>
/// <param name="Preprocessing">Preprocessing id.</param>
/// <param name="ImageSize">Input size (square).</param>
/// <param name="TrainBackbone">True when the whole network was trained.</param>
/// <param name="Dataset">Data set layout and folder.</param>
/// <param name="CompletedAt">When training finished.</param>
/// <param name="TestAccuracy">Held-out accuracy.</param>
public sealed record TrainedModelInfo(
    string RunId, string Backbone, string Preprocessing, int ImageSize, bool TrainBackbone,
    string Dataset, DateTimeOffset CompletedAt, double TestAccuracy)
{
    /// <summary>A short line for the UI.</summary>
    public LocalizableText Describe() => ResnetCamTexts.Model.Format(RunId, Backbone, Preprocessing, ImageSize,
        (TrainBackbone ? ResnetCamTexts.WholeNetwork : ResnetCamTexts.HeadOnly).Format(), $"{TestAccuracy:P1}");
}

/// <summary>One held-out image with its prediction and CAM overlay (PNG under the model's gallery folder).</summary>
/// <param name="File">PNG file name of the overlay.</param>
/// <param name="Source">The photo's file name.</param>
/// <param name="Label">True label.</param>
/// <param name="Predicted">Predicted label.</param>
/// <param name="Probability">P(dog).</param>
public sealed record GalleryItem(string File, string Source, string Label, string Predicted, double Probability)
{
    /// <summary>True when the prediction is wrong.</summary>
    public bool Mistake => Label != Predicted;
}
