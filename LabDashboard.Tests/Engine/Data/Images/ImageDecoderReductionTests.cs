using LabDashboard.Engine.Data.Images;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Metadata.Profiles.Exif;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace LabDashboard.Tests.Engine.Data.Images;

/// <summary>A large JPEG decoded for a small model input takes libjpeg-turbo's reduced path and must look like the full decode.</summary>
public class ImageDecoderReductionTests
{
    [Theory]
    [InlineData(4032, 3024, 512, 4)]
    [InlineData(2048, 1536, 512, 2)]
    [InlineData(4096, 4096, 512, 8)]
    [InlineData(1000, 800, 512, 1)]
    [InlineData(3024, 4032, 256, 8)]
    public void The_reduction_keeps_the_short_side_at_least_the_target(int width, int height, int side, int expected)
    {
        Assert.Equal(expected, ImageDecoder.JpegReduction(width, height, side));
    }

    [Theory]
    [InlineData(ExifOrientationMode.TopLeft, 4032, 3024)]
    [InlineData(ExifOrientationMode.RightTop, 3024, 4032)]
    public void A_phone_sized_photo_decodes_like_the_full_decode_and_keeps_its_orientation(ushort orientation, int orientedWidth, int orientedHeight)
    {
        var jpeg = PhoneSizedJpeg(orientation);

        var decoded = new ImageDecoder().Decode(jpeg, 512, 512);

        Assert.Equal(4, decoded.DecodeReduction);
        Assert.Equal((orientedWidth, orientedHeight), (decoded.OriginalWidth, decoded.OriginalHeight));
        Assert.Equal((512, 512), (decoded.Image.Width, decoded.Image.Height));
        var reference = FullDecodeResized(jpeg);
        var mean = decoded.Image.Rgb.Zip(reference, (a, b) => Math.Abs(a - b)).Average();
        Assert.True(mean < 2.0, $"mean |diff| against the full decode {mean:F2}");
    }

    [Fact]
    public void A_small_photo_still_decodes_in_full()
    {
        var jpeg = File.ReadAllBytes(TestData.Path("catsdogs", "dog", "american_bulldog_151.jpg"));

        var decoded = new ImageDecoder().Decode(jpeg, 512, 512);

        Assert.Equal(1, decoded.DecodeReduction);
        Assert.Equal(FullDecodeResized(jpeg), decoded.Image.Rgb);
    }

    private static byte[] PhoneSizedJpeg(ushort orientation)
    {
        using var image = Image.Load<Rgb24>(TestData.Path("catsdogs", "cat", "Bengal_172.jpg"));
        image.Mutate(x => x.Resize(4032, 3024));
        image.Metadata.ExifProfile = new ExifProfile();
        image.Metadata.ExifProfile.SetValue(ExifTag.Orientation, orientation);
        using var stream = new MemoryStream();
        image.SaveAsJpeg(stream, new JpegEncoder { Quality = 90 });
        return stream.ToArray();
    }

    private static byte[] FullDecodeResized(byte[] jpeg)
    {
        using var image = Image.Load<Rgb24>(jpeg);
        image.Mutate(x => x.AutoOrient().Resize(new ResizeOptions { Size = new Size(512, 512), Mode = ResizeMode.Stretch, Sampler = KnownResamplers.Triangle }));
        var rgb = new byte[512 * 512 * 3];
        image.CopyPixelDataTo(rgb);
        return rgb;
    }
}
