using System.Buffers.Binary;
using System.IO.Compression;
using System.Security.Cryptography;

namespace LabDashboard.Engine.Data;

/// <summary>
/// The contents of one IDX file (the MNIST format): its dimensions and raw unsigned bytes.
/// Reads plain or gzip-compressed files (recognised by their magic bytes, not their name).
/// </summary>
/// <param name="Dimensions">E.g. [60000, 28, 28] for images, [60000] for labels.</param>
/// <param name="Bytes">Row-major unsigned bytes, exactly the product of <paramref name="Dimensions"/>.</param>
/// <param name="Sha256">Lower-case hex sha256 of the uncompressed file (header and data).</param>
public sealed record IdxFile(IReadOnlyList<int> Dimensions, byte[] Bytes, string Sha256)
{
    private const byte UnsignedByteType = 0x08;

    /// <summary>The number of items (first dimension).</summary>
    public int Count => Dimensions[0];

    /// <summary>Reads <paramref name="path"/>.</summary>
    /// <exception cref="DatasetFileException">Missing, corrupt, truncated or not unsigned-byte IDX.</exception>
    public static IdxFile Read(string path)
    {
        try
        {
            using var stream = OpenMaybeGzip(path);
            return Read(stream, path);
        }
        catch (DatasetFileException) { throw; }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            throw new DatasetFileException(path, e.Message, e);
        }
    }

    /// <summary>Opens a file, transparently decompressing it when it starts with the gzip magic bytes.</summary>
    public static Stream OpenMaybeGzip(string path)
    {
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        Span<byte> magic = stackalloc byte[2];
        var isGzip = file.Read(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b;
        file.Position = 0;
        return isGzip ? new GZipStream(file, CompressionMode.Decompress) : file;
    }

    private static IdxFile Read(Stream stream, string path)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Span<byte> header = stackalloc byte[4];
        ReadExactly(stream, header, path, "the header", hash);
        if (header[0] != 0 || header[1] != 0 || header[3] is 0 or > 4)
            throw new DatasetFileException(path, "not an IDX file (bad magic number)");
        if (header[2] != UnsignedByteType)
            throw new DatasetFileException(path, $"IDX element type 0x{header[2]:x2} is not unsigned bytes");
        var dimensions = ReadDimensions(stream, header[3], path, hash);
        var bytes = new byte[TotalLength(dimensions, path)];
        ReadExactly(stream, bytes, path, "the data", hash);
        if (stream.ReadByte() >= 0) throw new DatasetFileException(path, "extra bytes after the data");
        return new IdxFile(dimensions, bytes, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    private static int[] ReadDimensions(Stream stream, int count, string path, IncrementalHash hash)
    {
        Span<byte> raw = stackalloc byte[4 * count];
        ReadExactly(stream, raw, path, "the dimensions", hash);
        var dimensions = new int[count];
        for (var i = 0; i < count; i++)
            dimensions[i] = BinaryPrimitives.ReadInt32BigEndian(raw[(4 * i)..]);
        return dimensions;
    }

    private static int TotalLength(int[] dimensions, string path)
    {
        long total = 1;
        foreach (var d in dimensions)
        {
            if (d <= 0) throw new DatasetFileException(path, $"dimension {d} is not positive");
            total *= d;
            if (total > Array.MaxLength) throw new DatasetFileException(path, "dimensions are implausibly large");
        }
        return (int)total;
    }

    private static void ReadExactly(Stream stream, Span<byte> buffer, string path, string what, IncrementalHash hash)
    {
        try
        {
            stream.ReadExactly(buffer);
            hash.AppendData(buffer);
        }
        catch (EndOfStreamException e)
        {
            throw new DatasetFileException(path, $"truncated: the file ends inside {what}", e);
        }
    }
}
