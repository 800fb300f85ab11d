using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace LabDashboard.Engine.Problems.GanMnist8;

/// <summary>
/// Draws 28×28 samples as one grayscale PNG: white digits on black, each tile upscaled
/// (nearest neighbour, so pixels stay crisp) and separated by a grey gap. Captions are HTML.
/// </summary>
public static class SampleGridImage
{
    /// <summary>Side of a sample in pixels.</summary>
    public const int Side = 28;
    /// <summary>Upscaling factor per tile.</summary>
    public const int Scale = 4;
    /// <summary>Gap between tiles and around the grid, in output pixels.</summary>
    public const int Gap = 4;
    private const byte GapShade = 96;

    /// <summary>Side of one upscaled tile in the PNG.</summary>
    public const int TileSide = Side * Scale;

    /// <summary>Columns for <paramref name="count"/> samples: the exam's 2×5 for 10, rows of 10 beyond.</summary>
    public static int Columns(int count) => count <= 10 ? Math.Min(count, 5) : 10;

    /// <summary>Rows for <paramref name="count"/> samples.</summary>
    public static int Rows(int count) => (count + Columns(count) - 1) / Columns(count);

    /// <summary>PNG width for <paramref name="count"/> samples.</summary>
    public static int Width(int count) => Columns(count) * (TileSide + Gap) + Gap;

    /// <summary>PNG height for <paramref name="count"/> samples.</summary>
    public static int Height(int count) => Rows(count) * (TileSide + Gap) + Gap;

    /// <summary>Encodes <paramref name="count"/> samples (row-major pixels in [0, 1], 784 each) as a PNG.</summary>
    public static byte[] Png(ReadOnlySpan<float> pixels, int count)
    {
        if (count < 1 || pixels.Length != count * Side * Side)
            throw new ArgumentException($"Expected {count} samples of {Side * Side} pixels, got {pixels.Length} values.", nameof(pixels));
        using var image = new Image<L8>(Width(count), Height(count), new L8(GapShade));
        for (var sample = 0; sample < count; sample++)
            DrawTile(image, pixels.Slice(sample * Side * Side, Side * Side), sample, Columns(count));
        using var stream = new MemoryStream();
        image.SaveAsPng(stream);
        return stream.ToArray();
    }

    private static void DrawTile(Image<L8> image, ReadOnlySpan<float> tile, int sample, int columns)
    {
        var left = Gap + sample % columns * (TileSide + Gap);
        var top = Gap + sample / columns * (TileSide + Gap);
        for (var y = 0; y < TileSide; y++)
            for (var x = 0; x < TileSide; x++)
                image[left + x, top + y] = new L8(ToByte(tile[y / Scale * Side + x / Scale]));
    }

    private static byte ToByte(float value) => (byte)Math.Round(Math.Clamp(value, 0f, 1f) * 255f);
}
