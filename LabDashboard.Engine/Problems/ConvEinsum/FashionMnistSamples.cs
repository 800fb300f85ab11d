using System.Collections.Concurrent;
using LabDashboard.Engine.Data;

namespace LabDashboard.Engine.Problems.ConvEinsum;

/// <summary>The first few Fashion-MNIST test images, or a message saying how to get the data.</summary>
/// <param name="Samples">The images (empty when the data is missing).</param>
/// <param name="MissingMessage">How to get the data; null when found.</param>
public sealed record FashionSamples(IReadOnlyList<SampleImage> Samples, string? MissingMessage);

/// <summary>Reads the first test images of Fashion-MNIST wherever the data layer finds it (cached per folder).</summary>
public static class FashionMnistSamples
{
    private static readonly ImageDatasetSpec Spec = ImageDatasets.FashionMnist;
    private static readonly ConcurrentDictionary<(string Folder, int Count), IReadOnlyList<SampleImage>> Cache = new();

    /// <summary>Loads the first <paramref name="count"/> test images from the data roots (or the lab's downloads under <paramref name="stateRoot"/>).</summary>
    public static FashionSamples Load(IReadOnlyList<string> dataRoots, string? stateRoot = null, int count = 6) =>
        Load(dataRoots, stateRoot, count, Spec);

    /// <summary>As <see cref="Load(IReadOnlyList{string}, string?, int)"/> with another spec (tests leave out the system folders).</summary>
    internal static FashionSamples Load(IReadOnlyList<string> dataRoots, string? stateRoot, int count, ImageDatasetSpec spec)
    {
        var location = DatasetLocator.Find(spec, dataRoots, stateRoot);
        if (location is null) return new FashionSamples([], HowToGet(dataRoots));
        try
        {
            return new FashionSamples(Cache.GetOrAdd((location.Folder, count), _ => Read(location, count)), null);
        }
        catch (DatasetFileException e)
        {
            return new FashionSamples([], $"{e.Message} {HowToGet(dataRoots)}");
        }
    }

    private static IReadOnlyList<SampleImage> Read(DatasetLocation location, int count)
    {
        var (pixels, labels) = location.Layout == DatasetLayout.Csv
            ? PixelCsvReader.Read(location.Files[IdxRole.TestImages])
            : (IdxFile.Read(location.Files[IdxRole.TestImages]).Bytes, IdxFile.Read(location.Files[IdxRole.TestLabels]).Bytes);
        const int side = 28;
        return Enumerable.Range(0, Math.Min(count, labels.Length)).Select(i =>
        {
            var values = pixels.AsSpan(i * side * side, side * side).ToArray().Select(p => p / 255f).ToArray();
            var name = Spec.ClassNames[labels[i] % Spec.ClassNames.Count];
            return new SampleImage($"fashion-{i}", ConvEinsumTexts.FashionSample.Format(i, name), new ImagePlane(side, side, values));
        }).ToList();
    }

    private static string HowToGet(IReadOnlyList<string> dataRoots) =>
        $"Fashion-MNIST was not found (searched {string.Join(", ", DatasetLocator.SearchedFolders(Spec, dataRoots))}). " +
        $"Put the four IDX files (e.g. {Spec.File(IdxRole.TestImages).GzipName}) from https://github.com/zalandoresearch/fashion-mnist " +
        $"into a '{Spec.FlatFolder}' folder under the data root (setting Data:Root), or install Debian's {Spec.DebianPackage} package.";
}
