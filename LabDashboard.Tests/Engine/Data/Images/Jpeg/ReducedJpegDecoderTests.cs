using LabDashboard.Engine.Data.Images;
using LabDashboard.Engine.Data.Images.Jpeg;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using Xunit.Abstractions;

namespace LabDashboard.Tests.Engine.Data.Images.Jpeg;

public class ReducedJpegDecoderTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    [InlineData(8)]
    public void Pet_photos_reduce_to_the_box_average_of_their_full_decode(int scale)
    {
        var decoded = 0;
        var worstMean = 0.0;
        foreach (var path in SampleOfPetPhotos())
        {
            var bytes = File.ReadAllBytes(path);
            RgbImage? reduced;
            try
            {
                reduced = ReducedJpegDecoder.Decode(bytes, scale);
            }
            catch (InvalidDataException)
            {
                Assert.False(IsJpeg(bytes), $"{Path.GetFileName(path)} is a JPEG and was refused");
                continue;
            }
            if (reduced is null) continue;
            decoded++;
            var full = FullDecode(bytes);
            Assert.Equal(((full.Width + scale - 1) / scale, (full.Height + scale - 1) / scale), (reduced.Width, reduced.Height));
            var (mean, max) = Difference(reduced, BoxAverage(full, scale));
            worstMean = Math.Max(worstMean, mean);
            Assert.True(mean < 1.5 && max <= 48, $"{Path.GetFileName(path)} at 1/{scale}: mean |diff| {mean:F2}, max {max}");
        }
        output.WriteLine($"1/{scale}: {decoded} photos, worst mean |diff| {worstMean:F3}");
        Assert.True(decoded >= 80, $"only {decoded} photos were decoded reduced");
    }

    /// <summary>
    /// Every 12th photo plus the unusual ones (restart intervals, Adobe markers, 4:2:2). All 930 baseline
    /// photos passed at 1/2, 1/4 and 1/8 when this was written (worst mean |diff| 0.54); the sample keeps the suite fast.
    /// </summary>
    private static IEnumerable<string> SampleOfPetPhotos()
    {
        var all = Directory.GetFiles(TestData.Path("catsdogs"), "*.jpg", SearchOption.AllDirectories).Order().ToList();
        string[] unusual = ["pug_127.jpg", "Bengal_172.jpg", "Abyssinian_61.jpg", "yorkshire_terrier_113.jpg", "Abyssinian_121.jpg", "Abyssinian_56.jpg"];
        var sample = all.Where((_, i) => i % 12 == 0).Concat(all.Where(p => unusual.Contains(Path.GetFileName(p)))).ToList();
        Assert.Equal(unusual.Length, sample.Count(p => unusual.Contains(Path.GetFileName(p))));
        return sample;
    }

    [Fact]
    public void A_progressive_jpeg_is_left_to_the_full_decoder()
    {
        var progressive = Directory.GetFiles(TestData.Path("catsdogs", "cat"), "Abyssinian_127.jpg").Single();

        Assert.Null(ReducedJpegDecoder.Decode(File.ReadAllBytes(progressive), 4));
    }

    [Fact]
    public void Decoding_one_photo_on_several_threads_at_once_gives_the_same_image_each_time()
    {
        // Each decode runs its own two-stage pipeline; they must not share rows or state.
        var jpeg = File.ReadAllBytes(TestData.Path("catsdogs", "dog", "american_bulldog_151.jpg"));
        var expected = ReducedJpegDecoder.Decode(jpeg, 2)!.Rgb;

        var images = Enumerable.Range(0, 8).AsParallel().WithDegreeOfParallelism(4).Select(_ => ReducedJpegDecoder.Decode(jpeg, 2)!.Rgb).ToList();

        Assert.All(images, rgb => Assert.Equal(expected, rgb));
    }

    [Fact]
    public void The_reduced_size_rounds_each_side_up()
    {
        var jpeg = Encode(Gradient(37, 21));

        var reduced = ReducedJpegDecoder.Decode(jpeg, 4)!;

        Assert.Equal((10, 6), (reduced.Width, reduced.Height));
        Assert.Equal(10 * 6 * 3, reduced.Rgb.Length);
    }

    [Fact]
    public void Corrupt_scan_data_is_refused_or_decoded_but_never_hangs()
    {
        var jpeg = File.ReadAllBytes(TestData.Path("catsdogs", "dog", "american_bulldog_151.jpg"));
        var random = new Random(7);
        for (var trial = 0; trial < 50; trial++)
        {
            var broken = (byte[])jpeg.Clone();
            for (var i = 0; i < 20; i++) broken[random.Next(broken.Length / 2, broken.Length - 2)] = (byte)random.Next(256);
            try
            {
                var image = ReducedJpegDecoder.Decode(broken, 2);
                Assert.True(image is null || image.Rgb.Length == image.Width * image.Height * 3);
            }
            catch (InvalidDataException)
            {
            }
        }
    }

    [Theory]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF })]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47 })]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xD9 })]
    public void Broken_headers_are_refused(byte[] bytes)
    {
        Assert.Throws<InvalidDataException>(() => ReducedJpegDecoder.Decode(bytes, 2));
    }

    private static bool IsJpeg(byte[] bytes) => bytes is [0xFF, 0xD8, ..];

    internal static byte[] Encode(Image<Rgb24> image)
    {
        using (image)
        using (var stream = new MemoryStream())
        {
            image.SaveAsJpeg(stream);
            return stream.ToArray();
        }
    }

    internal static Image<Rgb24> Gradient(int width, int height)
    {
        var image = new Image<Rgb24>(width, height);
        for (var y = 0; y < height; y++)
            for (var x = 0; x < width; x++)
                image[x, y] = new Rgb24((byte)(x * 255 / width), (byte)(y * 255 / height), (byte)((x + y) % 256));
        return image;
    }

    private static RgbImage FullDecode(byte[] bytes)
    {
        using var image = Image.Load<Rgb24>(bytes);
        var rgb = new byte[image.Width * image.Height * 3];
        image.CopyPixelDataTo(rgb);
        return new RgbImage(image.Width, image.Height, rgb);
    }

    /// <summary>Means of whole s×s patches only: a partial patch at the edge averages the encoder's padding in the reduced decode.</summary>
    private static RgbImage BoxAverage(RgbImage full, int s)
    {
        int width = full.Width / s, height = full.Height / s;
        var rgb = new byte[width * height * 3];
        for (var y = 0; y < height; y++)
            for (var x = 0; x < width; x++)
                for (var c = 0; c < 3; c++)
                {
                    var sum = 0;
                    for (var dy = 0; dy < s; dy++)
                        for (var dx = 0; dx < s; dx++)
                            sum += full.Rgb[((y * s + dy) * full.Width + x * s + dx) * 3 + c];
                    rgb[(y * width + x) * 3 + c] = (byte)Math.Round(sum / (double)(s * s));
                }
        return new RgbImage(width, height, rgb);
    }

    private static (double Mean, int Max) Difference(RgbImage reduced, RgbImage reference)
    {
        long total = 0;
        var max = 0;
        for (var y = 0; y < reference.Height; y++)
            for (var i = 0; i < reference.Width * 3; i++)
            {
                var d = Math.Abs(reduced.Rgb[y * reduced.Width * 3 + i] - reference.Rgb[y * reference.Width * 3 + i]);
                total += d;
                max = Math.Max(max, d);
            }
        return (total / (double)(reference.Width * reference.Height * 3), max);
    }
}
