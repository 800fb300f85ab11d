using System.Buffers.Binary;
using System.Text;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Gif;
using SixLabors.ImageSharp.Formats.Webp;
using SixLabors.ImageSharp.PixelFormats;

namespace LabDashboard.Tests.Integration;

/// <summary>Uploads that must be refused (or accepted with a notice), made in memory.</summary>
public static class BadImages
{
    public static byte[] TextNamedJpg() => Encoding.UTF8.GetBytes("this is not a photo, just text in a file named cat.jpg\n");

    public static byte[] Truncated(byte[] jpeg) => jpeg[..(jpeg.Length / 2)];

    public static byte[] OverSizeCap(long cap) => [0xFF, 0xD8, 0xFF, .. new byte[cap + 1024]];

    /// <summary>A valid PNG header claiming 60000×60000 pixels (3.6 gigapixels) with a tiny body.</summary>
    public static byte[] PngBomb()
    {
        var ihdr = new byte[13];
        BinaryPrimitives.WriteUInt32BigEndian(ihdr, 60000);
        BinaryPrimitives.WriteUInt32BigEndian(ihdr.AsSpan(4), 60000);
        (ihdr[8], ihdr[9]) = (8, 2);
        using var stream = new MemoryStream();
        stream.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        Chunk(stream, "IHDR", ihdr);
        Chunk(stream, "IDAT", [0x78, 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01]);
        Chunk(stream, "IEND", []);
        return stream.ToArray();
    }

    public static byte[] AnimatedGif()
    {
        using var image = new Image<Rgba32>(64, 48, new Rgba32(200, 30, 30));
        using var second = new Image<Rgba32>(64, 48, new Rgba32(30, 30, 200));
        image.Frames.AddFrame(second.Frames.RootFrame);
        using var stream = new MemoryStream();
        image.Save(stream, new GifEncoder());
        return stream.ToArray();
    }

    public static byte[] WebpOf(byte[] photo)
    {
        using var image = Image.Load(photo);
        using var stream = new MemoryStream();
        image.Save(stream, new WebpEncoder());
        return stream.ToArray();
    }

    private static void Chunk(Stream stream, string type, byte[] data)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(length, (uint)data.Length);
        stream.Write(length);
        var typed = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        stream.Write(typed);
        BinaryPrimitives.WriteUInt32BigEndian(length, Crc32(typed));
        stream.Write(length);
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++) crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
        }
        return ~crc;
    }
}
