using LabDashboard.Engine.Problems.Texts;

namespace LabDashboard.Engine.Problems.FashionCnn;

/// <summary>One misclassified test image: its index, labels and the URL of its 28×28 PNG.</summary>
public sealed record MisclassifiedSample(int TestIndex, int TrueLabel, int PredictedLabel, string ImageUrl);

/// <summary>The <c>misclassified</c> payload: the first misclassified test images (labels drawn in HTML).</summary>
public sealed record MisclassifiedData(IReadOnlyList<string> ClassNames, IReadOnlyList<MisclassifiedSample> Samples, int TotalMisclassified, int TestCount);

/// <summary>
/// A grid image of maps (filters or feature maps): <paramref name="Count"/> cells, <paramref name="Columns"/>
/// per row, each <paramref name="CellPixels"/> wide, at <paramref name="ImageUrl"/>.
/// </summary>
public sealed record MapGridData(string ImageUrl, int Count, int Columns, int CellPixels, string Caption)
{
    /// <summary><see cref="Caption"/> as a key and arguments; null on older runs.</summary>
    public LocalizableText? CaptionText { get; init; }
}

/// <summary>The <c>model</c> payload: where the trained model was saved.</summary>
public sealed record SavedModelData(string Folder, string Architecture, string Scale);

/// <summary>The <c>dataset</c> payload: which source the images came from.</summary>
public sealed record DatasetSourceData(string Description, string Layout, string Folder, int TrainCount, int TestCount)
{
    /// <summary><see cref="Description"/> as a key and arguments; null on older runs.</summary>
    public LocalizableText? DescriptionText { get; init; }
}

/// <summary>The names of fashion-cnn's <c>data</c> payloads (and of the images the map grids show).</summary>
public static class FashionPayloadNames
{
    /// <summary><see cref="DatasetSourceData"/>.</summary>
    public const string Dataset = "dataset";
    /// <summary><see cref="MisclassifiedData"/>.</summary>
    public const string Misclassified = "misclassified";
    /// <summary><see cref="MapGridData"/> of the first layer's filters.</summary>
    public const string Filters = "filters";
    /// <summary><see cref="MapGridData"/> of the first layer's feature maps of test image 0.</summary>
    public const string FeatureMaps = "featureMaps";
    /// <summary><see cref="SavedModelData"/>.</summary>
    public const string Model = "model";
}
