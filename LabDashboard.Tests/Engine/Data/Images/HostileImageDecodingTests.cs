using LabDashboard.Engine.Data.Images;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;
using SkiaSharp;

namespace LabDashboard.Tests.Engine.Data.Images;

/// <summary>The decoder against crafted and damaged files: refused with a reason, never an unexpected exception.</summary>
public class HostileImageDecodingTests
{
    [Fact]
    public void The_native_skia_library_loads_and_decodes_a_photo_like_imagesharp()
    {
        var jpeg = File.ReadAllBytes(TestData.Path("catsdogs", "dog", "american_bulldog_151.jpg"));

        var decoded = SkiaJpeg.Decode(jpeg, 1);

        Assert.False(string.IsNullOrEmpty(SkiaSharpVersion.Native.ToString()));
        using var reference = Image.Load<Rgb24>(jpeg);
        var expected = new byte[reference.Width * reference.Height * 3];
        reference.CopyPixelDataTo(expected);
        Assert.Equal((reference.Width, reference.Height), (decoded.Width, decoded.Height));
        var mean = decoded.Rgb.Zip(expected, (a, b) => Math.Abs(a - b)).Average();
        Assert.True(mean < 0.5, $"libjpeg-turbo and ImageSharp differ by {mean:F2} levels on average");
    }

    [Theory]
    [InlineData(1, 37, 21)]
    [InlineData(2, 19, 11)]
    [InlineData(4, 10, 6)]
    [InlineData(8, 5, 3)]
    public void A_reduced_decode_rounds_each_side_up(int reduction, int width, int height)
    {
        var decoded = SkiaJpeg.Decode(Jpeg(Gradient(37, 21)), reduction);

        Assert.Equal((width, height), (decoded.Width, decoded.Height));
        Assert.Equal(width * height * 3, decoded.Rgb.Length);
    }

    [Theory]
    [MemberData(nameof(HostileImages.MustBeRefused), MemberType = typeof(HostileImages))]
    public void Every_crafted_file_is_refused_reduced_and_in_full(string name)
    {
        var bytes = HostileImages.Read(name);

        var reduced = Assert.Throws<ImageRejectedException>(() => new ImageDecoder().Decode(bytes, 224, 224));
        var full = Assert.Throws<ImageRejectedException>(() => new ImageDecoder().Decode(bytes));

        var expected = name.EndsWith(".png") ? ImageRejection.TooManyPixels : ImageRejection.Undecodable;
        Assert.Equal((expected, expected), (reduced.Reason, full.Reason));
    }

    [Fact]
    public void Arithmetic_coded_and_progressive_copies_of_one_photo_decode_to_the_same_pixels()
    {
        // Both are lossless transcodes (jpegtran) of one baseline file: the same DCT coefficients.
        var decoder = new ImageDecoder();
        var arithmetic = decoder.Decode(HostileImages.Read("valid-arithmetic-coded.jpg"), 224, 224);
        var progressive = decoder.Decode(HostileImages.Read("valid-progressive.jpg"), 224, 224);

        Assert.Equal((2, 1008, 756), (arithmetic.DecodeReduction, arithmetic.OriginalWidth, arithmetic.OriginalHeight));
        Assert.Equal(progressive.Image.Rgb, arithmetic.Image.Rgb);
    }

    [Fact]
    public void An_arithmetic_coded_photo_decodes_in_full_where_imagesharp_cannot()
    {
        var bytes = HostileImages.Read("valid-arithmetic-coded.jpg");

        var full = new ImageDecoder().Decode(bytes);

        Assert.ThrowsAny<Exception>(() => Image.Load<Rgb24>(bytes));
        var progressive = new ImageDecoder().Decode(HostileImages.Read("valid-progressive.jpg"));
        Assert.Equal((1008, 756), (full.Image.Width, full.Image.Height));
        var mean = full.Image.Rgb.Zip(progressive.Image.Rgb, (a, b) => Math.Abs(a - b)).Average();
        Assert.True(mean < 2.0, $"libjpeg-turbo's arithmetic decode differs from ImageSharp's progressive one by {mean:F2} levels on average");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_jpeg_cut_in_half_with_an_end_marker_appended_is_refused(bool large)
    {
        // Small: ImageSharp alone would show a black bottom half; large: libjpeg alone a grey one.
        var photo = File.ReadAllBytes(TestData.Path("catsdogs", "dog", "american_bulldog_151.jpg"));
        var jpeg = large ? Jpeg(Upscaled(photo, 1600, 1200)) : photo;

        var error = Assert.Throws<ImageRejectedException>(() => new ImageDecoder().Decode(HostileImages.HalfWithEndMarker(jpeg), 224, 224));

        Assert.Equal(ImageRejection.Undecodable, error.Reason);
        Assert.Contains("ends early", error.Message);
        Assert.Equal(large ? 4 : 1, new ImageDecoder().Decode(jpeg, 224, 224).DecodeReduction);
    }

    [Fact]
    public void A_gif_of_hundreds_of_one_pixel_frames_on_a_large_screen_costs_what_two_frames_cost()
    {
        // Without a frame cap ImageSharp 2.1 keeps all 200 frames, each on a 2000² canvas (2.4 GB).
        var decoder = new ImageDecoder();
        var many = HostileImages.GifOfOnePixelFrames(2000, 200);
        var two = HostileImages.GifOfOnePixelFrames(2000, 2);

        var decoded = decoder.Decode(many, 224, 224);
        var (manyMs, twoMs) = (FastestMs(() => decoder.Decode(many, 224, 224)), FastestMs(() => decoder.Decode(two, 224, 224)));

        Assert.Equal(["Animated Gif: only the first frame is used."], decoded.Notices.Select(n => n.ToString()));
        Assert.True(manyMs < 3 * twoMs + 20, $"200 frames took {manyMs:F0} ms, 2 frames {twoMs:F0} ms");
    }

    [Theory]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF })]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xD9 })]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xDA, 0xFF, 0xD9 })]
    public void Broken_jpeg_headers_are_refused(byte[] bytes)
    {
        Assert.Throws<ImageRejectedException>(() => new ImageDecoder().Decode(bytes, 224, 224));
    }

    private static double FastestMs(Action decode) => Enumerable.Range(0, 3).Min(_ =>
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        decode();
        return clock.Elapsed.TotalMilliseconds;
    });

    private static Image<Rgb24> Upscaled(byte[] photo, int width, int height)
    {
        var image = Image.Load<Rgb24>(photo);
        image.Mutate(x => x.Resize(width, height));
        return image;
    }

    private static Image<Rgb24> Gradient(int width, int height)
    {
        var image = new Image<Rgb24>(width, height);
        for (var y = 0; y < height; y++)
            for (var x = 0; x < width; x++)
                image[x, y] = new Rgb24((byte)(x * 255 / width), (byte)(y * 255 / height), 90);
        return image;
    }

    private static byte[] Jpeg(Image<Rgb24> image)
    {
        using (image)
        using (var stream = new MemoryStream())
        {
            image.SaveAsJpeg(stream);
            return stream.ToArray();
        }
    }
}
