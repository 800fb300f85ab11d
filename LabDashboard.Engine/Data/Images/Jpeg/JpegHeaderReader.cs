using System.Buffers.Binary;

namespace LabDashboard.Engine.Data.Images.Jpeg;

/// <summary>
/// Reads the markers of a JPEG up to its first scan. Returns null for what the reduced decoder does not
/// handle (progressive, lossless, arithmetic, 12-bit, CMYK, several scans, Adobe RGB), so the caller can
/// fall back to a full decoder; throws <see cref="InvalidDataException"/> for broken segments.
/// </summary>
internal static class JpegHeaderReader
{
    /// <summary>Zig-zag position → natural (row-major) index (T.81 figure A.6).</summary>
    public static ReadOnlySpan<byte> ZigZagToNatural =>
    [
        0, 1, 8, 16, 9, 2, 3, 10, 17, 24, 32, 25, 18, 11, 4, 5,
        12, 19, 26, 33, 40, 48, 41, 34, 27, 20, 13, 6, 7, 14, 21, 28,
        35, 42, 49, 56, 57, 50, 43, 36, 29, 22, 15, 23, 30, 37, 44, 51,
        58, 59, 52, 45, 38, 31, 39, 46, 53, 60, 61, 54, 47, 55, 62, 63,
    ];

    public static JpegHeader? Read(ReadOnlySpan<byte> data)
    {
        if (data.Length < 4 || data[0] != 0xFF || data[1] != 0xD8) throw new InvalidDataException("No JPEG start-of-image marker.");
        var header = new JpegHeader();
        var position = 2;
        var sawFrame = false;
        while (true)
        {
            var marker = NextMarker(data, ref position);
            if (marker is 0xD8 or 0x01 or >= 0xD0 and <= 0xD7) continue;
            if (marker == 0xD9) throw new InvalidDataException("The JPEG ends before its first scan.");
            if (position + 2 > data.Length) throw new InvalidDataException("A JPEG segment is cut off.");
            var length = BinaryPrimitives.ReadUInt16BigEndian(data[position..]);
            if (length < 2 || position + length > data.Length) throw new InvalidDataException("A JPEG segment is cut off.");
            var segment = data.Slice(position + 2, length - 2);
            position += length;
            switch (marker)
            {
                case 0xC0 or 0xC1:
                    if (!ReadFrame(segment, header)) return null;
                    sawFrame = true;
                    break;
                case >= 0xC2 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC:
                    return null;
                case 0xC4: ReadHuffmanTables(segment, header); break;
                case 0xDB: ReadQuantTables(segment, header); break;
                case 0xDD:
                    if (segment.Length < 2) throw new InvalidDataException("A DRI segment is cut off.");
                    header.RestartInterval = BinaryPrimitives.ReadUInt16BigEndian(segment);
                    break;
                case 0xEE: ReadAdobe(segment, header); break;
                case 0xDA:
                    if (!sawFrame) throw new InvalidDataException("A scan comes before the frame header.");
                    if (!ReadScan(segment, header)) return null;
                    header.ScanStart = position;
                    return header;
            }
        }
    }

    private static byte NextMarker(ReadOnlySpan<byte> data, ref int position)
    {
        if (position + 1 >= data.Length || data[position] != 0xFF) throw new InvalidDataException("A JPEG marker was expected.");
        while (position < data.Length && data[position] == 0xFF) position++;
        if (position >= data.Length) throw new InvalidDataException("A JPEG marker is cut off.");
        return data[position++];
    }

    private static bool ReadFrame(ReadOnlySpan<byte> segment, JpegHeader header)
    {
        if (segment.Length < 6) throw new InvalidDataException("A frame header is cut off.");
        if (segment[0] != 8) return false;
        header.Height = BinaryPrimitives.ReadUInt16BigEndian(segment[1..]);
        header.Width = BinaryPrimitives.ReadUInt16BigEndian(segment[3..]);
        int count = segment[5];
        if (header.Width == 0 || header.Height == 0 || count is not (1 or 3)) return false;
        if (segment.Length < 6 + 3 * count) throw new InvalidDataException("A frame header is cut off.");
        for (var i = 0; i < count; i++)
        {
            var c = segment.Slice(6 + 3 * i, 3);
            int h = c[1] >> 4, v = c[1] & 15;
            if (h is < 1 or > 4 || v is < 1 or > 4 || c[2] > 3) throw new InvalidDataException("A frame component is invalid.");
            header.Components.Add(new JpegComponent(c[0], h, v, c[2]));
        }
        return true;
    }

    private static void ReadHuffmanTables(ReadOnlySpan<byte> segment, JpegHeader header)
    {
        while (!segment.IsEmpty)
        {
            if (segment.Length < 17) throw new InvalidDataException("A Huffman table is cut off.");
            int tableClass = segment[0] >> 4, id = segment[0] & 15;
            var counts = segment.Slice(1, 16);
            var total = 0;
            foreach (var n in counts) total += n;
            if (tableClass > 1 || id > 3 || total > 256 || segment.Length < 17 + total) throw new InvalidDataException("A Huffman table is invalid.");
            var table = new HuffmanTable(counts, segment.Slice(17, total));
            (tableClass == 0 ? header.DcTables : header.AcTables)[id] = table;
            segment = segment[(17 + total)..];
        }
    }

    private static void ReadQuantTables(ReadOnlySpan<byte> segment, JpegHeader header)
    {
        while (!segment.IsEmpty)
        {
            int precision = segment[0] >> 4, id = segment[0] & 15;
            var size = precision == 0 ? 64 : 128;
            if (precision > 1 || id > 3 || segment.Length < 1 + size) throw new InvalidDataException("A quantisation table is invalid.");
            var table = new int[64];
            for (var k = 0; k < 64; k++)
                table[ZigZagToNatural[k]] = precision == 0 ? segment[1 + k] : BinaryPrimitives.ReadUInt16BigEndian(segment[(1 + 2 * k)..]);
            header.QuantTables[id] = table;
            segment = segment[(1 + size)..];
        }
    }

    private static void ReadAdobe(ReadOnlySpan<byte> segment, JpegHeader header)
    {
        // APP14 "Adobe": transform 0 means the three components are RGB (or CMYK), not YCbCr.
        if (segment.Length >= 12 && segment[..5].SequenceEqual("Adobe"u8) && segment[11] == 0)
            header.AdobeWithoutYCbCr = true;
    }

    private static bool ReadScan(ReadOnlySpan<byte> segment, JpegHeader header)
    {
        if (segment.Length < 1) throw new InvalidDataException("A scan header is cut off.");
        int count = segment[0];
        if (segment.Length < 4 + 2 * count) throw new InvalidDataException("A scan header is cut off.");
        if (count != header.Components.Count || (header.AdobeWithoutYCbCr && count == 3)) return false;
        for (var i = 0; i < count; i++)
        {
            var component = header.Components[i];
            if (component.Id != segment[1 + 2 * i]) return false;
            component.DcTable = segment[2 + 2 * i] >> 4;
            component.AcTable = segment[2 + 2 * i] & 15;
            if (component.DcTable > 3 || component.AcTable > 3) throw new InvalidDataException("A scan names a missing Huffman table.");
        }
        var spectral = segment.Slice(1 + 2 * count, 3);
        return spectral[0] == 0 && spectral[1] == 63 && spectral[2] == 0;
    }
}
