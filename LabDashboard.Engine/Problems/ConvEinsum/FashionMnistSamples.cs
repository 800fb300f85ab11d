using System.Buffers.Binary;
using System.IO.Compression;

namespace LabDashboard.Engine.Problems.ConvEinsum;

/// <summary>The first few Fashion-MNIST test images, or a message saying how to get the data.</summary>
/// <param name="Samples">The images (empty when the data is missing).</param>
/// <param name="MissingMessage">How to get the data; null when found.</param>
public sealed record FashionSamples(IReadOnlyList<SampleImage> Samples, string? MissingMessage);

/// <summary>
/// Reads the first images of <c>fashion-mnist/t10k-images-idx3-ubyte.gz</c> from the data roots.
/// A deliberately tiny IDX reader: the data layer's full reader should replace it when it lands.
/// </summary>
public static class FashionMnistSamples
{
    /// <summary>The folder under a data root.</summary>
    public const string Folder = "fashion-mnist";
    private const string ImagesFile = "t10k-images-idx3-ubyte.gz";
    private const string LabelsFile = "t10k-labels-idx1-ubyte.gz";

    /// <summary>The ten class names, by label.</summary>
    public static IReadOnlyList<string> ClassNames { get; } =
        ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"];

    /// <summary>Loads the first <paramref name="count"/> test images from the first data root that has them.</summary>
    public static FashionSamples Load(IReadOnlyList<string> dataRoots, int count = 6)
    {
        var folder = dataRoots.Select(root => Path.Combine(root, Folder))
            .FirstOrDefault(f => File.Exists(Path.Combine(f, ImagesFile)) && File.Exists(Path.Combine(f, LabelsFile)));
        if (folder is null) return new FashionSamples([], HowToGet(dataRoots));
        try
        {
            var images = IdxReader.ReadImages(Path.Combine(folder, ImagesFile), count);
            var labels = IdxReader.ReadLabels(Path.Combine(folder, LabelsFile), count);
            var samples = images.Select((image, i) =>
                new SampleImage($"fashion-{i}", $"Fashion #{i}: {ClassNames[labels[i] % 10]}", image)).ToList();
            return new FashionSamples(samples, null);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or EndOfStreamException)
        {
            return new FashionSamples([], $"Fashion-MNIST in '{folder}' could not be read ({e.Message}). {HowToGet(dataRoots)}");
        }
    }

    private static string HowToGet(IReadOnlyList<string> dataRoots) =>
        $"Fashion-MNIST was not found (looked for {Folder}/{ImagesFile} and {LabelsFile} under: {string.Join(", ", dataRoots)}). " +
        "Put the four IDX .gz files from https://github.com/zalandoresearch/fashion-mnist (or Debian's dataset-fashion-mnist package, " +
        $"/usr/share/datasets/fashion-mnist/) into a '{Folder}' folder under the data root (setting Data:Root).";
}

/// <summary>Reads the start of gzip-compressed IDX files (big-endian header, then bytes).</summary>
internal static class IdxReader
{
    private const int ImagesMagic = 0x00000803;
    private const int LabelsMagic = 0x00000801;

    public static IReadOnlyList<ImagePlane> ReadImages(string gzPath, int count)
    {
        using var stream = new GZipStream(File.OpenRead(gzPath), CompressionMode.Decompress);
        var header = ReadInts(stream, 4);
        if (header[0] != ImagesMagic) throw new InvalidDataException($"'{gzPath}' is not an IDX image file.");
        var (total, rows, cols) = (header[1], header[2], header[3]);
        var images = new List<ImagePlane>();
        var pixels = new byte[rows * cols];
        for (var i = 0; i < Math.Min(count, total); i++)
        {
            stream.ReadExactly(pixels);
            images.Add(new ImagePlane(cols, rows, pixels.Select(p => p / 255f).ToArray()));
        }
        return images;
    }

    public static IReadOnlyList<int> ReadLabels(string gzPath, int count)
    {
        using var stream = new GZipStream(File.OpenRead(gzPath), CompressionMode.Decompress);
        var header = ReadInts(stream, 2);
        if (header[0] != LabelsMagic) throw new InvalidDataException($"'{gzPath}' is not an IDX label file.");
        var labels = new byte[Math.Min(count, header[1])];
        stream.ReadExactly(labels);
        return labels.Select(b => (int)b).ToList();
    }

    private static int[] ReadInts(Stream stream, int count)
    {
        var bytes = new byte[4 * count];
        stream.ReadExactly(bytes);
        return Enumerable.Range(0, count).Select(i => BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(4 * i))).ToArray();
    }
}
