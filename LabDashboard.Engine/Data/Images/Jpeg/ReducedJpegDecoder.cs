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
    // Enough for the Huffman stage to run ahead while the reducing stage catches up.
    private const int RowsInFlight = 4;

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
        var (width, height) = (JpegMath.Ceiling(header.Width, scale), JpegMath.Ceiling(header.Height, scale));
        var reducer = new McuRowReducer(layout, header.Components.Count, width, height);
        Decode(data, header, layout, reducer);
        return new RgbImage(width, height, reducer.Rgb);
    }

    /// <summary>Huffman-decodes MCU rows on this thread while <paramref name="reducer"/> works on the previous ones on another.</summary>
    private static void Decode(ReadOnlySpan<byte> data, JpegHeader header, ScanLayout layout, McuRowReducer reducer)
    {
        var decoders = header.Components.Select(c => new BlockDecoder(
            header.DcTables[c.DcTable] ?? throw new InvalidDataException("A scan names a missing DC Huffman table."),
            header.AcTables[c.AcTable] ?? throw new InvalidDataException("A scan names a missing AC Huffman table."),
            header.QuantTables[c.QuantTable] ?? throw new InvalidDataException("A component names a missing quantisation table."))).ToArray();
        var blocksPerMcu = Enumerable.Range(0, decoders.Length).Sum(c => layout.BlocksAcross[c] * layout.BlocksDown[c]);
        var rows = Enumerable.Range(0, RowsInFlight).Select(_ => new McuRow(blocksPerMcu * layout.McusAcross)).ToArray();
        using var handoff = new RowHandoff<McuRow>(rows, layout.McusDown, reducer.Reduce);
        var reader = new JpegBitReader(data, header.ScanStart);
        for (var mcuY = 0; mcuY < layout.McusDown; mcuY++)
        {
            var row = handoff.Next();
            DecodeRow(ref reader, mcuY, header.RestartInterval, decoders, layout, row);
            handoff.Publish();
        }
        handoff.Complete();
    }

    private static void DecodeRow(ref JpegBitReader reader, int mcuY, int restartInterval, BlockDecoder[] decoders, ScanLayout layout, McuRow row)
    {
        var block = 0;
        for (var mcuX = 0; mcuX < layout.McusAcross; mcuX++)
        {
            var mcu = mcuY * layout.McusAcross + mcuX;
            if (restartInterval > 0 && mcu > 0 && mcu % restartInterval == 0)
            {
                reader.Restart();
                foreach (var decoder in decoders) decoder.ResetPredictor();
            }
            for (var c = 0; c < decoders.Length; c++)
                for (var n = layout.BlocksAcross[c] * layout.BlocksDown[c]; n > 0; n--, block++)
                    row.LastRows[block] = (byte)decoders[c].Decode(ref reader, row.Coefficients.AsSpan(block * 64, 64));
        }
    }
}
