namespace LabDashboard.Engine.Data.Images.Jpeg;

/// <summary>Huffman-decodes and dequantises one component's 8×8 blocks (T.81 F.2.2), keeping its DC predictor.</summary>
internal sealed class BlockDecoder(HuffmanTable dc, HuffmanTable ac, int[] quant)
{
    private const int LookupShift = 64 - HuffmanTable.LookupBits;
    private int _predictor;

    /// <summary>Starts DC prediction afresh, as after a restart marker.</summary>
    public void ResetPredictor() => _predictor = 0;

    /// <summary>
    /// Writes the non-zero coefficients into <paramref name="block"/> (natural order), which must be all zeros,
    /// and returns the last row holding a non-zero coefficient.
    /// </summary>
    /// <exception cref="InvalidDataException">The coded block is malformed.</exception>
    public int Decode(ref JpegBitReader reader, scoped Span<float> block)
    {
        // The bit buffer lives in locals and every table in a local so the JIT keeps them in registers
        // (through the reader's fields each shift was a store and a reload); 32 bits cover one coefficient.
        var (bits, count) = reader.Buffered;
        if (count < 32) (bits, count) = reader.Refill(bits, count);
        var entry = dc.Lookup[(int)(bits >> LookupShift)];
        if (entry == 0) entry = dc.DecodeLong((int)(bits >> 48));
        (bits, count) = (bits << (entry >> 8), count - (entry >> 8));
        var size = entry & 0xFF;
        if (size > 16) throw new InvalidDataException("A DC difference has an impossible size.");
        _predictor += Extend(bits, size);
        (bits, count) = (bits << size, count - size);
        block[0] = _predictor * quant[0];

        var (coefficients, symbols, q) = (ac.CoefficientLookup, ac.Lookup, quant);
        var zigZag = JpegHeaderReader.ZigZagToNatural;
        var lastRow = 0;
        for (var k = 1; k < 64;)
        {
            if (count < 32) (bits, count) = reader.Refill(bits, count);
            var fast = coefficients[(int)(bits >> LookupShift)];
            if (fast != 0)
            {
                (bits, count) = (bits << (fast & 0xFF), count - (fast & 0xFF));
                k += (fast >> 8) & 0xFF;
                if (k > 63) throw new InvalidDataException("An AC run goes past the end of its block.");
                var at = zigZag[k++];
                block[at] = (fast >> 16) * q[at];
                lastRow = Math.Max(lastRow, at >> 3);
                continue;
            }
            entry = symbols[(int)(bits >> LookupShift)];
            if (entry == 0) entry = ac.DecodeLong((int)(bits >> 48));
            (bits, count) = (bits << (entry >> 8), count - (entry >> 8));
            int run = (entry >> 4) & 15, bitCount = entry & 15;
            if (bitCount == 0)
            {
                if (run != 15) break;
                k += 16;
                continue;
            }
            k += run;
            if (k > 63) throw new InvalidDataException("An AC run goes past the end of its block.");
            var natural = zigZag[k++];
            block[natural] = Extend(bits, bitCount) * q[natural];
            (bits, count) = (bits << bitCount, count - bitCount);
            lastRow = Math.Max(lastRow, natural >> 3);
        }
        reader.Buffered = (bits, count);
        return lastRow;
    }

    /// <summary>The top <paramref name="size"/> (0–16) bits of <paramref name="bits"/> as a sign-extended magnitude category value (T.81 F.2.2.1).</summary>
    private static int Extend(ulong bits, int size)
    {
        if (size == 0) return 0;
        var value = (int)(bits >> (64 - size));
        return value < 1 << (size - 1) ? value - (1 << size) + 1 : value;
    }
}
