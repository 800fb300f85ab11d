using LabDashboard.Engine.Data.Images;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace LabDashboard.Engine.Problems.FashionCnn;

/// <summary>
/// Turns a dropped image file into a Fashion-MNIST-like input: grayscale (transparency over white),
/// 28×28, inverted when the background is light (the data set has light garments on black).
/// </summary>
public static class FashionImageInput
{
    private static readonly ImageDecoder Guard = new();

    /// <summary>784 pixels in 0–1, row-major, and whether the image was inverted.</summary>
    /// <exception cref="ImageRejectedException">Too large, not an accepted format, truncated or too many pixels (checked before decoding).</exception>
    /// <exception cref="UnknownImageFormatException">Not an image ImageSharp can read.</exception>
    public static (float[] Pixels, bool Inverted) Prepare(byte[] file)
    {
        Guard.Check(file);
        using var image = Image.Load<Rgba32>(file);
        using var gray = new Image<L8>(image.Width, image.Height);
        for (var y = 0; y < image.Height; y++)
            for (var x = 0; x < image.Width; x++)
                gray[x, y] = new L8(OverWhite(image[x, y]));
        gray.Mutate(g => g.Resize(28, 28));
        var pixels = new float[784];
        for (var y = 0; y < 28; y++)
            for (var x = 0; x < 28; x++)
                pixels[y * 28 + x] = gray[x, y].PackedValue / 255f;
        var inverted = BorderMean(pixels) > 0.5f;
        if (inverted) for (var i = 0; i < pixels.Length; i++) pixels[i] = 1f - pixels[i];
        return (pixels, inverted);
    }

    private static byte OverWhite(Rgba32 p)
    {
        var luminance = 0.299 * p.R + 0.587 * p.G + 0.114 * p.B;
        var alpha = p.A / 255.0;
        return (byte)Math.Round(alpha * luminance + (1 - alpha) * 255);
    }

    private static float BorderMean(float[] pixels)
    {
        float sum = 0;
        for (var i = 0; i < 28; i++)
            sum += pixels[i] + pixels[27 * 28 + i] + pixels[i * 28] + pixels[i * 28 + 27];
        return sum / (4 * 28);
    }
}
