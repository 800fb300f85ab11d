namespace LabDashboard.Engine.Data.Images.Jpeg;

/// <summary>
/// One JPEG Huffman table (ITU T.81 annex C): a 9-bit lookahead table for the common short codes, the
/// canonical max-code walk for the rest, and for AC tables a second lookahead that also reads the
/// coefficient's extra bits when code and bits fit in 9 bits together (most AC coefficients of a photo).
/// </summary>
internal sealed class HuffmanTable
{
    /// <summary>Codes up to this length are found with one table lookup.</summary>
    public const int LookupBits = 9;

    private readonly int[] _lookup = new int[1 << LookupBits];
    private readonly int[] _acLookup = new int[1 << LookupBits];
    private readonly int[] _maxCode = new int[18];
    private readonly int[] _valueOffset = new int[17];
    private readonly byte[] _symbols;

    /// <summary>Builds the table from the DHT segment's 16 code-length counts and its symbols.</summary>
    /// <exception cref="InvalidDataException">The counts do not describe a prefix code.</exception>
    public HuffmanTable(ReadOnlySpan<byte> countsByLength, ReadOnlySpan<byte> symbols)
    {
        _symbols = symbols.ToArray();
        var code = 0;
        var k = 0;
        for (var length = 1; length <= 16; length++)
        {
            var count = countsByLength[length - 1];
            _valueOffset[length] = k - code;
            for (var i = 0; i < count; i++, k++, code++)
                AddToLookups(code, length, _symbols[k]);
            if (code > 1 << length) throw new InvalidDataException("A Huffman table has more codes than its lengths allow.");
            _maxCode[length] = count > 0 ? code - 1 : -1;
            code <<= 1;
        }
        _maxCode[17] = int.MaxValue;
    }

    /// <summary>
    /// Indexed by the next <see cref="LookupBits"/> bits: <c>length &lt;&lt; 8 | symbol</c> of the code they start, or 0
    /// when that code is longer (then <see cref="DecodeLong"/>).
    /// </summary>
    public int[] Lookup => _lookup;

    /// <summary>
    /// For an AC table, indexed by the next <see cref="LookupBits"/> bits: when a code and its coefficient's extra bits
    /// fit in them together, <c>value &lt;&lt; 16 | run &lt;&lt; 8 | bits used</c> (never 0); otherwise 0.
    /// </summary>
    public int[] CoefficientLookup => _acLookup;

    /// <summary>length &lt;&lt; 8 | symbol of the code longer than the lookahead that starts <paramref name="next16"/>.</summary>
    /// <exception cref="InvalidDataException">No code matches.</exception>
    public int DecodeLong(int next16)
    {
        for (var length = LookupBits + 1; length <= 16; length++)
        {
            var code = next16 >> (16 - length);
            if (code <= _maxCode[length]) return length << 8 | _symbols[code + _valueOffset[length]];
        }
        throw new InvalidDataException("The entropy-coded data holds a bit pattern no Huffman code matches.");
    }

    private void AddToLookups(int code, int length, byte symbol)
    {
        if (length > LookupBits) return;
        var shift = LookupBits - length;
        var first = code << shift;
        for (var i = 0; i < 1 << shift; i++)
        {
            _lookup[first + i] = length << 8 | symbol;
            _acLookup[first + i] = CoefficientEntry(i, length, symbol, shift);
        }
    }

    /// <summary>value &lt;&lt; 16 | run &lt;&lt; 8 | bits consumed, or 0 when the extra bits do not fit or the symbol is EOB/ZRL.</summary>
    private static int CoefficientEntry(int rest, int length, byte symbol, int restBits)
    {
        int run = symbol >> 4, size = symbol & 15;
        if (size == 0 || size > restBits) return 0;
        var raw = rest >> (restBits - size);
        var value = raw < 1 << (size - 1) ? raw - (1 << size) + 1 : raw;
        return value << 16 | run << 8 | (length + size);
    }
}
