using System.Runtime.InteropServices;
using LabDashboard.Engine.Problems.Texts;
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
/// from the header before decoding, an ImageSharp allocation limit; then EXIF orientation, RGB, first
/// frame only, and an optional bilinear resize. JPEGs go through libjpeg-turbo (<see cref="SkiaJpeg"/>)
/// first; everything else, and the resizing, is ImageSharp's. Every refusal is an
/// <see cref="ImageRejectedException"/>. Thread-safe.
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
        // Each GIF frame is decoded onto a full canvas: hundreds of 1×1 frames on a large screen would take gigabytes.
        // Two frames are enough to use the first and to know it was an animation.
        _configuration.ImageFormatsManager.SetDecoder(GifFormat.Instance, new GifDecoder { MaxFrames = 2 });
    }

    /// <summary>The caps in force.</summary>
    public ImageLimits Limits { get; }

    /// <summary>
    /// Decodes <paramref name="bytes"/>; resizes to <paramref name="width"/>×<paramref name="height"/> when given.
    /// A JPEG at least twice the target size on its short side is decoded by libjpeg-turbo at 1/2, 1/4 or 1/8 of
    /// its size (scaled inverse DCT), which spares the full-size image and most of the resize. Any other JPEG
    /// is checked by libjpeg-turbo (at 1/8, cheaply) and decoded by ImageSharp, or by libjpeg-turbo where
    /// ImageSharp 2.1 cannot (arithmetic coding); other formats are ImageSharp's.
    /// </summary>
    /// <exception cref="ImageRejectedException">Refused, with the reason.</exception>
    public DecodedImage Decode(byte[] bytes, int? width = null, int? height = null)
    {
        var header = Inspect(bytes);
        var notices = new List<LocalizableText>();
        var reduction = width is { } w0 && height is { } h0 && header.Format == AcceptedImageFormat.Jpeg
            ? JpegReduction(header.Width, header.Height, Math.Max(w0, h0)) : 1;
        using var image = header.Format == AcceptedImageFormat.Jpeg ? LoadJpeg(bytes, reduction) : FirstFrame(Load(bytes, header.Format), header.Format, notices);
        Guarded(() =>
        {
            image.Metadata.ExifProfile ??= new ExifProfile();
            image.Metadata.ExifProfile.SetValue(ExifTag.Orientation, header.Orientation);
            image.Mutate(x => x.AutoOrient());
            if (width is { } w && height is { } h && (w != image.Width || h != image.Height))
                image.Mutate(x => x.Resize(new ResizeOptions { Size = new Size(w, h), Mode = ResizeMode.Stretch, Sampler = KnownResamplers.Triangle }));
        }, header.Format);
        var (originalWidth, originalHeight) = header.OrientedSize;
        return new DecodedImage(ToRgb(image), header.Format, originalWidth, originalHeight, notices) { DecodeReduction = reduction };
    }

    /// <summary>The largest reduction that keeps both sides of the decoded image at least <paramref name="side"/> pixels.</summary>
    internal static int JpegReduction(int width, int height, int side)
    {
        var shortSide = Math.Min(width, height);
        foreach (var reduction in SkiaJpeg.Reductions)
            if ((shortSide + reduction - 1) / reduction >= side) return reduction;
        return 1;
    }

    private Image<Rgb24> LoadJpeg(byte[] bytes, int reduction) => Guarded(() =>
    {
        if (reduction > 1) return FromPixels(SkiaJpeg.Decode(bytes, reduction));
        // libjpeg-turbo passes judgement on every JPEG (at 1/8, a few ms for a small photo), so damaged data gets
        // one verdict whatever the size; small photos are then decoded by ImageSharp, as the training caches always were,
        // unless they use what ImageSharp 2.1 cannot decode (arithmetic coding).
        SkiaJpeg.Decode(bytes, SkiaJpeg.Reductions[0]);
        return TryLoad(bytes) ?? FromPixels(SkiaJpeg.Decode(bytes, 1));
    }, AcceptedImageFormat.Jpeg);

    private Image<Rgb24> FromPixels(RgbImage pixels) => Image.LoadPixelData<Rgb24>(_configuration, pixels.Rgb, pixels.Width, pixels.Height);

    /// <summary>Refuses what must not be decoded; returns the format otherwise.</summary>
    public AcceptedImageFormat Check(byte[] bytes) => Inspect(bytes).Format;

    private sealed record Header(AcceptedImageFormat Format, int Width, int Height, ushort Orientation)
    {
        public (int Width, int Height) OrientedSize => Orientation is >= ExifOrientationMode.LeftTop and <= ExifOrientationMode.LeftBottom
            ? (Height, Width)
            : (Width, Height);
    }

    private Header Inspect(byte[] bytes)
    {
        if (bytes.LongLength > Limits.MaxBytes)
            throw new ImageRejectedException(ImageRejection.TooLarge, ImageTexts.TooManyBytes.Format($"{bytes.LongLength:N0}", $"{Limits.MaxBytes:N0}"));
        if (bytes.Length == 0)
            throw new ImageRejectedException(ImageRejection.UnsupportedFormat, ImageTexts.Empty.Format());
        var format = ImageFormatSniffer.Detect(bytes);
        if (format == AcceptedImageFormat.None)
            throw new ImageRejectedException(ImageRejection.UnsupportedFormat, ImageTexts.NotAccepted.Format());
        if (!ImageFormatSniffer.LooksComplete(bytes, format))
            throw new ImageRejectedException(ImageRejection.Undecodable, ImageTexts.Truncated.Format(format));
        var header = format == AcceptedImageFormat.Jpeg ? JpegHeaderOf(bytes) : ImageSharpHeader(bytes, format);
        var pixels = (long)header.Width * header.Height;
        if (pixels > Limits.MaxPixels)
            throw new ImageRejectedException(ImageRejection.TooManyPixels, ImageTexts.TooManyPixels.Format(header.Width, header.Height, $"{pixels:N0}", $"{Limits.MaxPixels:N0}"));
        return header;
    }

    private static Header JpegHeaderOf(byte[] bytes)
    {
        var jpeg = Guarded(() => SkiaJpeg.ReadHeader(bytes), AcceptedImageFormat.Jpeg);
        return new Header(AcceptedImageFormat.Jpeg, jpeg.Width, jpeg.Height, jpeg.Orientation);
    }

    private Header ImageSharpHeader(byte[] bytes, AcceptedImageFormat format)
    {
        var info = Guarded(() => Image.Identify(_configuration, bytes, out _), format)
            ?? throw new ImageRejectedException(ImageRejection.Undecodable, ImageTexts.Header.Format(format));
        var orientation = info.Metadata.ExifProfile?.GetValue(ExifTag.Orientation)?.Value ?? ExifOrientationMode.TopLeft;
        return new Header(format, info.Width, info.Height, orientation);
    }

    private Image<Rgb24> Load(byte[] bytes, AcceptedImageFormat format) => Guarded(() => Image.Load<Rgb24>(_configuration, bytes), format);

    private Image<Rgb24>? TryLoad(byte[] bytes)
    {
        try
        {
            return Image.Load<Rgb24>(_configuration, bytes);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return null;
        }
    }

    /// <summary>Runs ImageSharp's part; whatever it throws on untrusted bytes becomes a refusal with a plain message.</summary>
    private static T Guarded<T>(Func<T> work, AcceptedImageFormat format)
    {
        try
        {
            return work();
        }
        catch (Exception e) when (e is not (OperationCanceledException or ImageRejectedException))
        {
            throw new ImageRejectedException(ImageRejection.Undecodable, ImageTexts.Undecodable.Format(format), e);
        }
    }

    private static void Guarded(Action work, AcceptedImageFormat format) => Guarded(() =>
    {
        work();
        return true;
    }, format);

    private static Image<Rgb24> FirstFrame(Image<Rgb24> image, AcceptedImageFormat format, List<LocalizableText> notices)
    {
        if (image.Frames.Count == 1) return image;
        notices.Add(ImageTexts.Animated.Format(format));
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
