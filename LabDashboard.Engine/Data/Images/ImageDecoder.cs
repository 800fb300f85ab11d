using System.Runtime.InteropServices;
using LabDashboard.Engine.Data.Images.Jpeg;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Bmp;
using SixLabors.ImageSharp.Formats.Gif;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.Formats.Webp;
using SixLabors.ImageSharp.Memory;
using SixLabors.ImageSharp.Metadata.Profiles.Exif;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace LabDashboard.Engine.Data.Images;

/// <summary>
/// Decodes untrusted image bytes safely: size cap, format by content, end-marker check, pixel cap
/// from the header (Identify) before decoding, an ImageSharp allocation limit; then EXIF
/// orientation, RGB, first frame only, and an optional bilinear resize. Thread-safe.
/// </summary>
public sealed class ImageDecoder
{
    private readonly Configuration _configuration;

    /// <summary>A decoder with <paramref name="limits"/> (defaults when null).</summary>
    public ImageDecoder(ImageLimits? limits = null)
    {
        Limits = limits ?? ImageLimits.Default;
        _configuration = new Configuration(
            new JpegConfigurationModule(), new PngConfigurationModule(), new GifConfigurationModule(),
            new BmpConfigurationModule(), new WebpConfigurationModule())
        {
            MemoryAllocator = MemoryAllocator.Create(new MemoryAllocatorOptions { AllocationLimitMegabytes = Limits.AllocationLimitMegabytes }),
        };
    }

    /// <summary>The caps in force.</summary>
    public ImageLimits Limits { get; }

    /// <summary>
    /// Decodes <paramref name="bytes"/>; resizes to <paramref name="width"/>×<paramref name="height"/> when given.
    /// A baseline JPEG at least twice the target size on its short side is first decoded at 1/2, 1/4 or 1/8 of its
    /// size from its DCT coefficients (box averages of the full decode, as libjpeg's scaled decoding), which
    /// spares the full-size image and most of the resize; everything else is decoded in full.
    /// </summary>
    /// <exception cref="ImageRejectedException">Refused, with the reason.</exception>
    public DecodedImage Decode(byte[] bytes, int? width = null, int? height = null)
    {
        var (format, info) = Inspect(bytes);
        var notices = new List<string>();
        var scale = width is { } w0 && height is { } h0 && format == AcceptedImageFormat.Jpeg ? JpegReduction(info, Math.Max(w0, h0)) : 1;
        var reduced = scale > 1 ? LoadReduced(bytes, scale, info) : null;
        using var first = reduced ?? FirstFrame(Load(bytes), format, notices);
        first.Mutate(x => x.AutoOrient());
        var (originalWidth, originalHeight) = OrientedSize(info);
        if (width is { } w && height is { } h && (w != first.Width || h != first.Height))
            first.Mutate(x => x.Resize(new ResizeOptions { Size = new Size(w, h), Mode = ResizeMode.Stretch, Sampler = KnownResamplers.Triangle }));
        return new DecodedImage(ToRgb(first), format, originalWidth, originalHeight, notices) { DecodeReduction = reduced is null ? 1 : scale };
    }

    /// <summary>The largest reduction that keeps both sides of the decoded image at least <paramref name="side"/> pixels.</summary>
    internal static int JpegReduction(IImageInfo info, int side)
    {
        var shortSide = Math.Min(info.Width, info.Height);
        foreach (var scale in ReducedJpegDecoder.Scales)
            if (JpegMath.Ceiling(shortSide, scale) >= side) return scale;
        return 1;
    }

    private Image<Rgb24>? LoadReduced(byte[] bytes, int scale, IImageInfo info)
    {
        RgbImage? reduced;
        try
        {
            reduced = ReducedJpegDecoder.Decode(bytes, scale);
        }
        catch (InvalidDataException)
        {
            return null; // the full decoder gives the user its own, more precise, verdict
        }
        if (reduced is null) return null;
        var image = Image.LoadPixelData<Rgb24>(_configuration, reduced.Rgb, reduced.Width, reduced.Height);
        image.Metadata.ExifProfile = info.Metadata.ExifProfile?.DeepClone();
        return image;
    }

    private static (int Width, int Height) OrientedSize(IImageInfo info)
    {
        var orientation = info.Metadata.ExifProfile?.GetValue(ExifTag.Orientation)?.Value ?? ExifOrientationMode.TopLeft;
        return orientation is ExifOrientationMode.LeftTop or ExifOrientationMode.RightTop or ExifOrientationMode.RightBottom or ExifOrientationMode.LeftBottom
            ? (info.Height, info.Width)
            : (info.Width, info.Height);
    }

    /// <summary>Refuses what must not be decoded; returns the format otherwise.</summary>
    public AcceptedImageFormat Check(byte[] bytes) => Inspect(bytes).Format;

    private (AcceptedImageFormat Format, IImageInfo Info) Inspect(byte[] bytes)
    {
        if (bytes.LongLength > Limits.MaxBytes)
            throw new ImageRejectedException(ImageRejection.TooLarge, $"The file is {bytes.LongLength:N0} bytes; the limit is {Limits.MaxBytes:N0}.");
        if (bytes.Length == 0)
            throw new ImageRejectedException(ImageRejection.UnsupportedFormat, "The file is empty.");
        var format = ImageFormatSniffer.Detect(bytes);
        if (format == AcceptedImageFormat.None)
            throw new ImageRejectedException(ImageRejection.UnsupportedFormat, "Not an image in an accepted format (JPEG, PNG, WebP, BMP, GIF).");
        if (!ImageFormatSniffer.LooksComplete(bytes, format))
            throw new ImageRejectedException(ImageRejection.Undecodable, $"The {format} file is truncated (no end marker).");
        return (format, CheckPixelCount(bytes, format));
    }

    private IImageInfo CheckPixelCount(byte[] bytes, AcceptedImageFormat format)
    {
        IImageInfo? info;
        try
        {
            info = Image.Identify(_configuration, bytes, out _);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new ImageRejectedException(ImageRejection.Undecodable, $"The {format} header cannot be read.", e);
        }
        if (info is null)
            throw new ImageRejectedException(ImageRejection.Undecodable, $"The {format} header cannot be read.");
        var pixels = (long)info.Width * info.Height;
        if (pixels > Limits.MaxPixels)
            throw new ImageRejectedException(ImageRejection.TooManyPixels, $"{info.Width}×{info.Height} is {pixels:N0} pixels; the limit is {Limits.MaxPixels:N0}.");
        return info;
    }

    private Image<Rgb24> Load(byte[] bytes)
    {
        try
        {
            return Image.Load<Rgb24>(_configuration, bytes);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new ImageRejectedException(ImageRejection.Undecodable, "The image cannot be decoded: " + e.Message, e);
        }
    }

    private static Image<Rgb24> FirstFrame(Image<Rgb24> image, AcceptedImageFormat format, List<string> notices)
    {
        if (image.Frames.Count == 1) return image;
        notices.Add($"Animated {format} with {image.Frames.Count} frames: only the first frame is used.");
        using (image) return image.Frames.CloneFrame(0);
    }

    /// <summary>The pixels of a decoded image as an <see cref="RgbImage"/>.</summary>
    internal static RgbImage ToRgb(Image<Rgb24> image)
    {
        var pixels = new Rgb24[image.Width * image.Height];
        image.CopyPixelDataTo(pixels);
        return new RgbImage(image.Width, image.Height, MemoryMarshal.AsBytes(pixels.AsSpan()).ToArray());
    }
}
