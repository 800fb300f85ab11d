using LabDashboard.Engine.Data.Images;
using LabDashboard.Engine.Problems.FashionCnn;
using LabDashboard.Tests.Integration;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace LabDashboard.Tests.Engine.Problems.FashionCnn;

public class FashionImageInputTests
{
    [Fact]
    public void A_png_bomb_is_refused_from_its_header_before_decoding()
    {
        var error = Assert.Throws<ImageRejectedException>(() => FashionImageInput.Prepare(BadImages.PngBomb()));
        Assert.Equal(ImageRejection.TooManyPixels, error.Reason);
    }

    [Fact]
    public void Text_named_like_an_image_is_refused()
    {
        var error = Assert.Throws<ImageRejectedException>(() => FashionImageInput.Prepare("not an image"u8.ToArray()));
        Assert.Equal(ImageRejection.UnsupportedFormat, error.Reason);
    }

    [Fact]
    public void A_dark_garment_on_white_is_shrunk_to_28x28_and_inverted()
    {
        using var image = new Image<Rgba32>(56, 56, new Rgba32(255, 255, 255));
        for (var y = 14; y < 42; y++)
            for (var x = 14; x < 42; x++)
                image[x, y] = new Rgba32(0, 0, 0);
        using var png = new MemoryStream();
        image.SaveAsPng(png);

        var (pixels, inverted) = FashionImageInput.Prepare(png.ToArray());

        Assert.True(inverted);
        Assert.Equal(784, pixels.Length);
        Assert.Equal(0f, pixels[0], 3);
        Assert.Equal(1f, pixels[14 * 28 + 14], 3);
    }
}
