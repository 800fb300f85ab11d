using System.Buffers.Binary;
using System.IO.Compression;

namespace LabDashboard.Engine.Data.Images;

/// <summary>
/// Writes 8-bit RGB PNGs with the runtime's zlib: every row Up-filtered, one IDAT chunk. Used where
/// a PNG is on the user's wait (the CAM overlay): ImageSharp 2.1's managed deflate needs ~110 ms
/// for a 512² photo, zlib level 2 with the PNG strategy a few (see README "Performance").
/// Decoding and everything else stays with ImageSharp.
/// </summary>
public static class RgbPngWriter
{
    private static readonly byte[] Signature = [137, 80, 78, 71, 13, 10, 26, 10];
    private const byte UpFilter = 2;

    /// <summary>The PNG file of <paramref name="image"/>.</summary>
    public static byte[] Encode(RgbImage image)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(image.Width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(image.Height, 1);
        if (image.Rgb.Length != image.Width * image.Height * 3)
            throw new ArgumentException($"{image.Rgb.Length} bytes do not make a {image.Width}×{image.Height} RGB image.", nameof(image));
        using var file = new MemoryStream(image.Rgb.Length / 2);
        file.Write(Signature);
        WriteChunk(file, "IHDR"u8, Header(image.Width, image.Height));
        WriteChunk(file, "IDAT"u8, Compress(UpFiltered(image)));
        WriteChunk(file, "IEND"u8, []);
        return file.ToArray();
    }

    private static byte[] Header(int width, int height)
    {
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bits per channel
        header[9] = 2; // truecolour; compression, filter and interlace methods stay 0
        return header;
    }

    /// <summary>Each row prefixed by its filter byte, as the difference to the row above (Up).</summary>
    private static byte[] UpFiltered(RgbImage image)
    {
        var stride = image.Width * 3;
        var filtered = new byte[(stride + 1) * image.Height];
        for (var y = 0; y < image.Height; y++)
        {
            var target = filtered.AsSpan(y * (stride + 1), stride + 1);
            target[0] = UpFilter;
            var row = image.Rgb.AsSpan(y * stride, stride);
            if (y == 0) row.CopyTo(target[1..]);
            else Subtract(row, image.Rgb.AsSpan((y - 1) * stride, stride), target[1..]);
        }
        return filtered;
    }

    private static void Subtract(ReadOnlySpan<byte> row, ReadOnlySpan<byte> above, Span<byte> difference)
    {
        var i = 0;
        for (; i <= row.Length - System.Numerics.Vector<byte>.Count; i += System.Numerics.Vector<byte>.Count)
            (new System.Numerics.Vector<byte>(row[i..]) - new System.Numerics.Vector<byte>(above[i..])).CopyTo(difference[i..]);
        for (; i < row.Length; i++) difference[i] = (byte)(row[i] - above[i]);
    }

    private static byte[] Compress(byte[] data)
    {
        using var compressed = new MemoryStream(data.Length / 2);
        var options = new ZLibCompressionOptions { CompressionLevel = 2, CompressionStrategy = ZLibCompressionStrategy.Filtered };
        using (var zlib = new ZLibStream(compressed, options, leaveOpen: true)) zlib.Write(data);
        return compressed.ToArray();
    }

    private static void WriteChunk(Stream file, ReadOnlySpan<byte> type, ReadOnlySpan<byte> data)
    {
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(word, data.Length);
        file.Write(word);
        file.Write(type);
        file.Write(data);
        BinaryPrimitives.WriteUInt32BigEndian(word, ~Crc(Crc(uint.MaxValue, type), data));
        file.Write(word);
    }

    // The CRC-32 of ISO 3309 that PNG chunks end with (reflected polynomial 0xEDB88320).
    private static readonly uint[] CrcTable = [.. Enumerable.Range(0, 256).Select(n => CrcOfByte((uint)n))];

    private static uint CrcOfByte(uint value)
    {
        for (var bit = 0; bit < 8; bit++) value = (value & 1) != 0 ? 0xEDB88320u ^ (value >> 1) : value >> 1;
        return value;
    }

    private static uint Crc(uint crc, ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes) crc = CrcTable[(crc ^ b) & 0xFF] ^ (crc >> 8);
        return crc;
    }
}
