namespace LabDashboard.Engine.Data.Images.Jpeg;

/// <summary>
/// Decodes a baseline JPEG (8-bit, greyscale or YCbCr, one interleaved scan, any restart interval) at
/// 1/2, 1/4 or 1/8 of its size straight from the DCT coefficients, as libjpeg's scaled decoding does:
/// each output pixel is the mean of a 2×2, 4×4 or 8×8 patch of the full decode (chroma box-averaged at
/// the same resolution), without producing the full-size image. A 12-megapixel photo needed for a
/// 512-pixel model input thus skips most of the inverse-DCT, upsampling and resizing work.
/// </summary>
internal static class ReducedJpegDecoder
{
    /// <summary>The reduction factors this decoder offers.</summary>
    public static readonly int[] Scales = [8, 4, 2];

    /// <summary>
    /// The image at 1/<paramref name="scale"/> (each side rounded up), or null when the file uses something
    /// this decoder leaves to a full decoder (progressive, arithmetic, 12-bit, CMYK/RGB, several scans,
    /// unusual sampling).
    /// </summary>
    /// <exception cref="InvalidDataException">The JPEG is malformed.</exception>
    public static RgbImage? Decode(ReadOnlySpan<byte> data, int scale)
    {
        if (!Scales.Contains(scale)) throw new ArgumentOutOfRangeException(nameof(scale), scale, "The scale must be 2, 4 or 8.");
        var header = JpegHeaderReader.Read(data);
        if (header is null) return null;
        var layout = ScanLayout.For(header, scale);
        if (layout is null) return null;
        var planes = DecodePlanes(data, header, layout);
        return ToRgb(planes, layout.PlaneWidth, JpegMath.Ceiling(header.Width, scale), JpegMath.Ceiling(header.Height, scale));
    }

    private static byte[][] DecodePlanes(ReadOnlySpan<byte> data, JpegHeader header, ScanLayout layout)
    {
        var components = header.Components;
        var planes = components.Select(_ => new byte[layout.PlaneWidth * layout.PlaneHeight]).ToArray();
        var decoders = components.Select(c => new BlockDecoder(
            header.DcTables[c.DcTable] ?? throw new InvalidDataException("A scan names a missing DC Huffman table."),
            header.AcTables[c.AcTable] ?? throw new InvalidDataException("A scan names a missing AC Huffman table."),
            header.QuantTables[c.QuantTable] ?? throw new InvalidDataException("A component names a missing quantisation table."))).ToArray();
        var reader = new JpegBitReader(data, header.ScanStart);
        Span<float> block = stackalloc float[64];
        var mcuCount = layout.McusAcross * layout.McusDown;
        for (var mcu = 0; mcu < mcuCount; mcu++)
        {
            if (header.RestartInterval > 0 && mcu > 0 && mcu % header.RestartInterval == 0)
            {
                reader.Restart();
                foreach (var decoder in decoders) decoder.ResetPredictor();
            }
            var (mcuX, mcuY) = (mcu % layout.McusAcross, mcu / layout.McusAcross);
            for (var c = 0; c < components.Count; c++)
            {
                var (across, down, kx, ky) = (layout.BlocksAcross[c], layout.BlocksDown[c], layout.OutputAcross[c], layout.OutputDown[c]);
                for (var by = 0; by < down; by++)
                    for (var bx = 0; bx < across; bx++)
                    {
                        var lastRow = decoders[c].Decode(ref reader, block);
                        BlockReducer.Reduce(block, lastRow, kx, ky, planes[c], layout.PlaneWidth,
                            (mcuX * across + bx) * kx, (mcuY * down + by) * ky);
                    }
            }
        }
        return planes;
    }

    private static RgbImage ToRgb(byte[][] planes, int stride, int width, int height)
    {
        var rgb = new byte[width * height * 3];
        for (var y = 0; y < height; y++)
        {
            var target = rgb.AsSpan(y * width * 3, width * 3);
            if (planes.Length == 1) GreyRow(planes[0].AsSpan(y * stride, width), target);
            else YCbCrRow(planes[0].AsSpan(y * stride, width), planes[1].AsSpan(y * stride, width), planes[2].AsSpan(y * stride, width), target);
        }
        return new RgbImage(width, height, rgb);
    }

    private static void GreyRow(ReadOnlySpan<byte> grey, Span<byte> target)
    {
        for (var x = 0; x < grey.Length; x++) target[3 * x] = target[3 * x + 1] = target[3 * x + 2] = grey[x];
    }

    /// <summary>JFIF's YCbCr → RGB (ITU-R BT.601, full range).</summary>
    private static void YCbCrRow(ReadOnlySpan<byte> luma, ReadOnlySpan<byte> blue, ReadOnlySpan<byte> red, Span<byte> target)
    {
        for (var x = 0; x < luma.Length; x++)
        {
            float y = luma[x], cb = blue[x] - 128f, cr = red[x] - 128f;
            target[3 * x] = JpegMath.ToByte(y + 1.402f * cr);
            target[3 * x + 1] = JpegMath.ToByte(y - 0.344136f * cb - 0.714136f * cr);
            target[3 * x + 2] = JpegMath.ToByte(y + 1.772f * cb);
        }
    }
}
