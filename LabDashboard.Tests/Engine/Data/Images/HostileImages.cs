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
}
