namespace LabDashboard.Engine.Data.Images.Jpeg;

/// <summary>Huffman-decodes and dequantises one component's 8×8 blocks (T.81 F.2.2), keeping its DC predictor.</summary>
internal sealed class BlockDecoder(HuffmanTable dc, HuffmanTable ac, int[] quant)
{
    private int _predictor;

    /// <summary>Starts DC prediction afresh, as after a restart marker.</summary>
    public void ResetPredictor() => _predictor = 0;

    /// <summary>Fills <paramref name="block"/> (natural order) and returns the last row holding a non-zero coefficient.</summary>
    /// <exception cref="InvalidDataException">The coded block is malformed.</exception>
    public int Decode(ref JpegBitReader source, scoped Span<float> block)
    {
        // A local copy lets the JIT keep the bit buffer in registers through the inlined table lookups.
        var reader = source;
        block.Clear();
        reader.Ensure32();
        var size = dc.Decode(ref reader);
        if (size > 16) throw new InvalidDataException("A DC difference has an impossible size.");
        _predictor += reader.ReceiveExtend(size);
        block[0] = _predictor * quant[0];
        var lastRow = 0;
        var zigZag = JpegHeaderReader.ZigZagToNatural;
        for (var k = 1; k < 64;)
        {
            reader.Ensure32();
            var fast = ac.TryDecodeCoefficient(ref reader);
            if (fast != 0)
            {
                k += fast & 0xFF;
                if (k > 63) throw new InvalidDataException("An AC run goes past the end of its block.");
                var at = zigZag[k++];
                block[at] = (fast >> 8) * quant[at];
                lastRow = Math.Max(lastRow, at >> 3);
                continue;
            }
            var symbol = ac.Decode(ref reader);
            int run = symbol >> 4, bits = symbol & 15;
            if (bits == 0)
            {
                if (run != 15) break;
                k += 16;
                continue;
            }
            k += run;
            if (k > 63) throw new InvalidDataException("An AC run goes past the end of its block.");
            var natural = zigZag[k++];
            block[natural] = reader.ReceiveExtend(bits) * quant[natural];
            lastRow = Math.Max(lastRow, natural >> 3);
        }
        source = reader;
        return lastRow;
    }
}
