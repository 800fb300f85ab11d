using LabDashboard.Engine.Data;
using LabDashboard.Engine.Problems.ConvEinsum;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace LabDashboard.Tests.Engine.Problems.ConvEinsum;

public class ImagesTests
{
    [Fact]
    public void Fashion_MNIST_samples_are_read_from_the_data_root_with_their_class_names()
    {
        var samples = FashionMnistSamples.Load([Path.Combine(TestData.Root, "nowhere"), TestData.Root], count: 3);
        Assert.Null(samples.MissingMessage);
        Assert.Equal(3, samples.Samples.Count);
        Assert.All(samples.Samples, s => Assert.Equal((28, 28), (s.Image.Width, s.Image.Height)));
        Assert.Contains("Ankle boot", samples.Samples[0].Label.ToString());   // the first test image is label 9
        Assert.Contains("Pullover", samples.Samples[1].Label.ToString());
        Assert.InRange(samples.Samples[0].Image.Max, 0.9f, 1f);
    }

    [Fact]
    public void Missing_Fashion_MNIST_gives_a_message_saying_how_to_get_it()
    {
        var withoutSystemFolders = ImageDatasets.FashionMnist with { SystemFolders = [] };
        var samples = FashionMnistSamples.Load([Path.Combine(Path.GetTempPath(), "no-such-data-root")], null, 6, withoutSystemFolders);
        Assert.Empty(samples.Samples);
        Assert.Contains("fashion-mnist", samples.MissingMessage);
        Assert.Contains("Data:Root", samples.MissingMessage);
        Assert.Contains("dataset-fashion-mnist", samples.MissingMessage);
    }

    [Fact]
    public void A_large_uploaded_image_is_decoded_and_shrunk_to_128_pixels_on_its_longest_side()
    {
        using var png = new MemoryStream(EncodePng(400, 200, new Rgb24(255, 0, 0)));
        var decoded = ImageDecoding.Decode(png);
        Assert.Null(decoded.Error);
        Assert.Equal((128, 64), (decoded.Image!.Width, decoded.Image.Height));
        Assert.Equal(1f, decoded.Image.Channel(0).Values[0], 2);
        Assert.Equal(0.299f, decoded.Gray!.Values[0], 2);
    }

    [Fact]
    public void Bytes_that_are_not_an_image_give_a_message_not_an_exception()
    {
        using var garbage = new MemoryStream("this is not a picture"u8.ToArray());
        var decoded = ImageDecoding.Decode(garbage);
        Assert.Null(decoded.Image);
        Assert.Contains("not an image", decoded.Error?.ToString());
    }

    [Fact]
    public void An_image_smaller_than_the_kernel_is_refused_with_a_message()
    {
        using var png = new MemoryStream(EncodePng(3, 3, new Rgb24(1, 2, 3)));
        var decoded = ImageDecoding.Decode(png);
        Assert.Null(decoded.Image);
        Assert.Contains("at least 4×4", decoded.Error?.ToString());
    }

    [Fact]
    public void Diverging_PNG_is_white_at_zero_and_red_and_blue_at_the_ends_of_the_scale()
    {
        var map = new ImagePlane(3, 1, [-2f, 0f, 2f]);
        using var image = Image.Load<Rgb24>(PngRendering.Diverging(map, 2f));
        Assert.Equal((3, 1), (image.Width, image.Height));
        Assert.Equal(new Rgb24(33, 102, 172), image[0, 0]);
        Assert.Equal(new Rgb24(247, 247, 247), image[1, 0]);
        Assert.Equal(new Rgb24(178, 24, 43), image[2, 0]);
    }

    [Theory]
    [InlineData(0f, 1f)]
    [InlineData(2f, 2f)]
    [InlineData(2.1f, 2.5f)]
    [InlineData(0.3f, 0.5f)]
    [InlineData(7f, 10f)]
    public void Nice_scales_round_up_to_1_2_2_5_or_5_times_a_power_of_ten(float maxAbs, float expected) =>
        Assert.Equal(expected, DivergingScale.NiceScale(maxAbs), 4);

    [Fact]
    public void Editing_a_kernel_cell_changes_only_that_cell()
    {
        var kernel = KernelPresets.ExamHorizontal.Kernel;
        var edited = kernel.With(0, 3, 5f);
        Assert.Equal(5f, edited[0, 3]);
        Assert.Equal(0f, kernel[0, 3]);
        Assert.NotEqual(kernel, edited);
        Assert.Equal(kernel, edited.With(0, 3, 0f));
    }

    private static byte[] EncodePng(int width, int height, Rgb24 colour)
    {
        using var image = new Image<Rgb24>(width, height, colour);
        using var stream = new MemoryStream();
        image.SaveAsPng(stream);
        return stream.ToArray();
    }
}
