using System.IO.Compression;
using LabDashboard.Engine.Data;

namespace LabDashboard.Tests.Engine.Data;

/// <summary>Small IDX files and layouts built from the shared data for loader tests.</summary>
internal static class IdxFixtures
{
    public static string SharedFile(ImageDatasetSpec spec, IdxRole role) =>
        TestData.Path(spec.FlatFolder, spec.File(role).GzipName);

    /// <summary>Writes an unsigned-byte IDX file (plain) with these dimensions and bytes.</summary>
    public static byte[] Idx(int[] dimensions, byte[] data)
    {
        using var buffer = new MemoryStream();
        buffer.Write([0, 0, 0x08, (byte)dimensions.Length]);
        foreach (var d in dimensions)
            buffer.Write([(byte)(d >> 24), (byte)(d >> 16), (byte)(d >> 8), (byte)d]);
        buffer.Write(data);
        return buffer.ToArray();
    }

    public static byte[] Gzip(byte[] data)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true)) gzip.Write(data);
        return buffer.ToArray();
    }

    public static byte[] Gunzip(string path)
    {
        using var stream = IdxFile.OpenMaybeGzip(path);
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }

    /// <summary>Copies the shared .gz files of <paramref name="spec"/> into <paramref name="folder"/>, optionally uncompressed.</summary>
    public static void CopySet(ImageDatasetSpec spec, string folder, bool uncompressed = false)
    {
        Directory.CreateDirectory(folder);
        foreach (var file in spec.Files)
        {
            var source = SharedFile(spec, file.Role);
            if (uncompressed) File.WriteAllBytes(Path.Combine(folder, file.Name), Gunzip(source));
            else File.Copy(source, Path.Combine(folder, file.GzipName));
        }
    }

    /// <summary>A tiny 4-file set of <paramref name="count"/> 28×28 images whose pixel (0,0) is the item index.</summary>
    public static void WriteTinySet(ImageDatasetSpec spec, string folder, int count)
    {
        Directory.CreateDirectory(folder);
        foreach (var role in new[] { IdxRole.TrainImages, IdxRole.TestImages })
            File.WriteAllBytes(Path.Combine(folder, spec.File(role).Name), Idx([count, 28, 28], TinyPixels(count)));
        foreach (var role in new[] { IdxRole.TrainLabels, IdxRole.TestLabels })
            File.WriteAllBytes(Path.Combine(folder, spec.File(role).Name), Idx([count], [.. Enumerable.Range(0, count).Select(i => (byte)(i % 10))]));
    }

    public static byte[] TinyPixels(int count)
    {
        var pixels = new byte[count * 784];
        for (var i = 0; i < count; i++)
        {
            pixels[i * 784] = (byte)i;
            pixels[i * 784 + 783] = 255;
        }
        return pixels;
    }
}
