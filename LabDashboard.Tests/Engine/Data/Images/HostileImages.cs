namespace LabDashboard.Tests.Engine.Data.Images;

/// <summary>The crafted files of ../shared/data/hostile-images (see its README) and JPEGs cut short.</summary>
public static class HostileImages
{
    public static TheoryData<string> MustBeRefused() => ["dht-oversubscribed-0.jpg", "dht-oversubscribed-1.jpg", "dht-oversubscribed-2.jpg",
        "dht-oversubscribed-3.jpg", "dht-oversubscribed-4.jpg", "dht-oversubscribed-5.jpg", "dht-oversubscribed-6.jpg", "png-declares-60000x60000.png"];

    public static TheoryData<string> ValidOddOnes() => ["valid-arithmetic-coded.jpg", "valid-progressive.jpg"];

    public static byte[] Read(string name) => File.ReadAllBytes(TestData.Path("hostile-images", name));

    /// <summary>The first half of <paramref name="jpeg"/> with an end-of-image marker appended, so no end-marker check sees the cut.</summary>
    public static byte[] HalfWithEndMarker(byte[] jpeg) => [.. jpeg[..(jpeg.Length / 2)], 0xFF, 0xD9];

    /// <summary>
    /// A GIF with a <paramref name="side"/>² logical screen and <paramref name="frames"/> frames of one pixel each:
    /// a few bytes per frame, but a decoder that keeps every frame on a full canvas needs side² pixels per frame.
    /// </summary>
    public static byte[] GifOfOnePixelFrames(int side, int frames)
    {
        using var gif = new MemoryStream();
        gif.Write("GIF89a"u8);
        gif.Write([(byte)side, (byte)(side >> 8), (byte)side, (byte)(side >> 8), 0x80, 0, 0]); // screen, 2-colour global table
        gif.Write([0, 0, 0, 255, 255, 255]);
        for (var i = 0; i < frames; i++)
        {
            gif.Write([0x21, 0xF9, 0x04, 0x00, 0x0A, 0x00, 0x00, 0x00]); // graphic control: 0.1 s per frame
            gif.Write([0x2C, 0, 0, 0, 0, 1, 0, 1, 0, 0]); // a 1×1 frame at (0, 0)
            gif.Write([0x02, 0x02, 0x44, 0x01, 0x00]); // LZW, 2-bit codes: clear, colour 0, end
        }
        gif.WriteByte(0x3B);
        return gif.ToArray();
    }
}
