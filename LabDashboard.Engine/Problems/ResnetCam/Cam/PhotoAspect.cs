using LabDashboard.Engine.Data.Images;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace LabDashboard.Engine.Problems.ResnetCam.Cam;

/// <summary>
/// The model sees the whole photo stretched to a square; the page shows it as it is. Both are the same
/// photo scaled per axis, so un-stretching the square (and upsampling the map straight to that size)
/// puts every map cell over the part of the photo it came from.
/// </summary>
public static class PhotoAspect
{
    /// <summary>
    /// The size with <paramref name="originalWidth"/>:<paramref name="originalHeight"/>'s aspect whose long side is
    /// <paramref name="longSide"/> (the short side rounded, at least 1).
    /// </summary>
    public static (int Width, int Height) SizeFor(int originalWidth, int originalHeight, int longSide)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(originalWidth, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(originalHeight, 1);
        var shortSide = Math.Max(1, (int)Math.Round((double)longSide * Math.Min(originalWidth, originalHeight) / Math.Max(originalWidth, originalHeight)));
        return originalWidth >= originalHeight ? (longSide, shortSide) : (shortSide, longSide);
    }

    /// <summary>
    /// <paramref name="modelInput"/> (the photo stretched to the model's square) back at the photo's aspect, its long
    /// side kept; the same image when the photo is square.
    /// </summary>
    public static RgbImage Restore(RgbImage modelInput, int originalWidth, int originalHeight)
    {
        var (width, height) = SizeFor(originalWidth, originalHeight, Math.Max(modelInput.Width, modelInput.Height));
        if (width == modelInput.Width && height == modelInput.Height) return modelInput;
        using var image = Image.LoadPixelData<Rgb24>(modelInput.Rgb, modelInput.Width, modelInput.Height);
        image.Mutate(x => x.Resize(new ResizeOptions { Size = new Size(width, height), Mode = ResizeMode.Stretch, Sampler = KnownResamplers.Triangle }));
        return ImageDecoder.ToRgb(image);
    }
}
