using LabDashboard.Engine.Data.Images;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace LabDashboard.Tests.Engine.Data.Images;

public class RgbPngTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(7, 5)]
    [InlineData(512, 512)]
    [InlineData(333, 2)]
    public void ImageSharp_reads_back_every_pixel(int width, int height)
    {
        var image = Noise(width, height, seed: width * 31 + height);

        var png = RgbPng.Encode(image);

        using var decoded = Image.Load<Rgb24>(png, out var format);
        Assert.Equal("PNG", format.Name);
        Assert.Equal((width, height), (decoded.Width, decoded.Height));
        var pixels = new byte[width * height * 3];
        decoded.CopyPixelDataTo(pixels);
        Assert.Equal(image.Rgb, pixels);
    }

    [Fact]
    public void A_smooth_photo_like_image_compresses()
    {
        var rgb = new byte[512 * 512 * 3];
        for (var y = 0; y < 512; y++)
            for (var x = 0; x < 512; x++)
                for (var c = 0; c < 3; c++)
                    rgb[(y * 512 + x) * 3 + c] = (byte)((x + 2 * y + 40 * c) / 4);

        var png = RgbPng.Encode(new RgbImage(512, 512, rgb));

        Assert.True(png.Length < rgb.Length / 10, $"{png.Length:N0} bytes for {rgb.Length:N0} raw");
    }

    [Fact]
    public void Pixel_bytes_that_do_not_match_the_size_are_refused()
    {
        Assert.Throws<ArgumentException>(() => RgbPng.Encode(new RgbImage(4, 4, new byte[47])));
        Assert.Throws<ArgumentOutOfRangeException>(() => RgbPng.Encode(new RgbImage(0, 4, [])));
    }

    private static RgbImage Noise(int width, int height, int seed)
    {
        var rgb = new byte[width * height * 3];
        new Random(seed).NextBytes(rgb);
        return new RgbImage(width, height, rgb);
    }
}
