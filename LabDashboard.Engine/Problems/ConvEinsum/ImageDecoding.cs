using LabDashboard.Engine.Problems.Texts;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace LabDashboard.Engine.Problems.ConvEinsum;

/// <summary>A decoded upload, or why it could not be decoded.</summary>
/// <param name="Image">The colour image, resized; null on error.</param>
/// <param name="Error">A sentence for the user; null on success.</param>
public sealed record DecodedImage(RgbImage? Image, LocalizableText? Error)
{
    /// <summary>The image as grayscale (0.299 R + 0.587 G + 0.114 B, like PIL's <c>convert('L')</c>).</summary>
    public ImagePlane? Gray => Image is null ? null : ImageDecoding.ToGray(Image);
}

/// <summary>Decodes user images (PNG, JPEG, GIF, BMP, WebP…) with ImageSharp and shrinks them for the demo.</summary>
public static class ImageDecoding
{
    /// <summary>Longest side after resizing, in pixels.</summary>
    public const int DefaultMaxSide = 128;

    /// <summary>Refuse images with more pixels than this before decoding them (decompression bombs).</summary>
    public const long MaxSourcePixels = 50_000_000;

    /// <summary>Decodes <paramref name="stream"/> and resizes it so its longest side is at most <paramref name="maxSide"/>. Never throws for bad input.</summary>
    public static DecodedImage Decode(Stream stream, int maxSide = DefaultMaxSide)
    {
        try
        {
            using var buffer = Buffer(stream);
            var info = Image.Identify(buffer);
            if (info is null) return new DecodedImage(null, ConvEinsumTexts.NotAnImage.Format());
            if (info.Width < Kernel4x4.Size || info.Height < Kernel4x4.Size)
                return new DecodedImage(null, ConvEinsumTexts.TooSmall.Format($"{info.Width}×{info.Height}"));
            if ((long)info.Width * info.Height > MaxSourcePixels)
                return new DecodedImage(null, ConvEinsumTexts.TooLarge.Format($"{info.Width}×{info.Height}", MaxSourcePixels / 1_000_000));
            buffer.Position = 0;
            using var image = Image.Load<Rgb24>(buffer);
            Shrink(image, maxSide);
            return new DecodedImage(ToRgb(image), null);
        }
        catch (Exception e) when (e is UnknownImageFormatException or InvalidImageContentException or NotSupportedException or ImageFormatException)
        {
            return new DecodedImage(null, ConvEinsumTexts.Undecodable.Format(e.Message));
        }
    }

    /// <summary>Luminance 0.299 R + 0.587 G + 0.114 B.</summary>
    public static ImagePlane ToGray(RgbImage image)
    {
        var area = image.Width * image.Height;
        var gray = new float[area];
        for (var i = 0; i < area; i++)
            gray[i] = 0.299f * image.Planar[i] + 0.587f * image.Planar[area + i] + 0.114f * image.Planar[2 * area + i];
        return new ImagePlane(image.Width, image.Height, gray);
    }

    private static MemoryStream Buffer(Stream stream)
    {
        var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        buffer.Position = 0;
        return buffer;
    }

    private static void Shrink(Image<Rgb24> image, int maxSide)
    {
        var longest = Math.Max(image.Width, image.Height);
        if (longest <= maxSide) return;
        var scale = (double)maxSide / longest;
        var width = Math.Max(4, (int)Math.Round(image.Width * scale));
        var height = Math.Max(4, (int)Math.Round(image.Height * scale));
        image.Mutate(c => c.Resize(width, height));
    }

    private static RgbImage ToRgb(Image<Rgb24> image)
    {
        var area = image.Width * image.Height;
        var planar = new float[3 * area];
        for (var y = 0; y < image.Height; y++)
            for (var x = 0; x < image.Width; x++)
            {
                var p = image[x, y];
                var i = y * image.Width + x;
                planar[i] = p.R / 255f;
                planar[area + i] = p.G / 255f;
                planar[2 * area + i] = p.B / 255f;
            }
        return new RgbImage(image.Width, image.Height, planar);
    }
}
