using SkiaSharp;

namespace LabDashboard.Engine.Data.Images;

/// <summary>A JPEG's size and EXIF orientation (1–8, as <see cref="SKEncodedOrigin"/>), as libjpeg-turbo reads them.</summary>
internal sealed record JpegHeader(int Width, int Height, ushort Orientation);

/// <summary>
/// JPEG through libjpeg-turbo (SkiaSharp's <see cref="SKCodec"/>): the header, and decoding at 1/1, 1/2, 1/4
/// or 1/8 of the size by its scaled inverse DCT, so a reduced decode never builds the full-size image.
/// Baseline, progressive and arithmetic-coded files decode. Thread-safe (a codec per call).
/// </summary>
internal static class SkiaJpeg
{
    private const byte MidGrey = 128;

    /// <summary>The reductions offered, largest first.</summary>
    public static readonly int[] Reductions = [8, 4, 2];

    /// <exception cref="ImageRejectedException">libjpeg cannot read the header.</exception>
    public static JpegHeader ReadHeader(byte[] bytes)
    {
        using var codec = Open(bytes);
        return new JpegHeader(codec.Info.Width, codec.Info.Height, (ushort)codec.EncodedOrigin);
    }

    /// <summary>
    /// The pixels at 1/<paramref name="reduction"/> of the size (each side rounded up), not yet oriented.
    /// A JPEG whose entropy-coded data ends early is refused, even when an end marker follows: libjpeg then
    /// fills the missing blocks with zero coefficients, so the last row of pixels comes out exactly
    /// mid-grey (128, 128, 128), which no photo's whole bottom row is.
    /// </summary>
    /// <exception cref="ImageRejectedException">Damaged, truncated or not decodable.</exception>
    public static RgbImage Decode(byte[] bytes, int reduction)
    {
        if (reduction != 1 && !Reductions.Contains(reduction))
            throw new ArgumentOutOfRangeException(nameof(reduction), reduction, "The reduction must be 1, 2, 4 or 8.");
        using var codec = Open(bytes);
        var size = codec.GetScaledDimensions(1f / reduction);
        var info = new SKImageInfo(size.Width, size.Height, SKColorType.Rgba8888, SKAlphaType.Opaque);
        var result = codec.GetPixels(info, out var rgba);
        if (result != SKCodecResult.Success) throw Refusal(result);
        var image = new RgbImage(size.Width, size.Height, RgbaPixels.ToRgb(rgba));
        if (LastRowIsMidGrey(image))
            throw new ImageRejectedException(ImageRejection.Undecodable, ImageTexts.JpegEndsEarly.Format());
        return image;
    }

    private static SKCodec Open(byte[] bytes)
    {
        var codec = SKCodec.Create(new SKMemoryStream(bytes), out var result);
        if (codec is null) throw Refusal(result);
        if (codec.EncodedFormat == SKEncodedImageFormat.Jpeg) return codec;
        codec.Dispose();
        throw new ImageRejectedException(ImageRejection.Undecodable, ImageTexts.JpegHeader.Format());
    }

    private static ImageRejectedException Refusal(SKCodecResult result) => new(ImageRejection.Undecodable, (result switch
    {
        SKCodecResult.IncompleteInput => ImageTexts.JpegTruncated,
        SKCodecResult.InvalidInput or SKCodecResult.ErrorInInput => ImageTexts.JpegDamaged,
        _ => ImageTexts.JpegUndecodable,
    }).Format());

    private static bool LastRowIsMidGrey(RgbImage image) =>
        !image.Rgb.AsSpan((image.Height - 1) * image.Width * 3).ContainsAnyExcept(MidGrey);
}
