using LabDashboard.Engine.Problems.ConvEinsum;

namespace LabDashboard.Tests.Engine.Problems.ConvEinsum;

public class MergedConvTests
{
    private static readonly Kernel4x4 Horizontal = KernelPresets.ExamHorizontal.Kernel;
    private static readonly Kernel4x4 Vertical = KernelPresets.ExamVertical.Kernel;

    public static TheoryData<string> ImageIds => new(SyntheticImages.All().Select(s => s.Id));

    public static TheoryData<string> PresetIds => new(KernelPresets.All.Select(p => p.Id));

    [Theory]
    [MemberData(nameof(ImageIds))]
    public void Merged_conv_equals_the_two_separate_convs_exactly_on_synthetic_images(string imageId)
    {
        var image = SyntheticImages.All().Single(s => s.Id == imageId).Image;
        var result = MergedConv.Apply(image, Horizontal, Vertical);
        Assert.True(result.ExactlyEqual);
        Assert.Equal(0, result.MaxAbsDiff);
    }

    [Fact]
    public void Merged_conv_equals_the_two_separate_convs_exactly_on_Fashion_MNIST()
    {
        var samples = FashionMnistSamples.Load([TestData.Root]);
        Assert.Null(samples.MissingMessage);
        Assert.All(samples.Samples, s => Assert.True(MergedConv.Apply(s.Image, Horizontal, Vertical).ExactlyEqual, s.Label.ToString()));
    }

    [Theory]
    [MemberData(nameof(PresetIds))]
    public void Merged_conv_equals_the_separate_convs_for_every_preset_paired_with_a_random_kernel(string presetId)
    {
        var random = new Random(presetId.Length);
        var other = new Kernel4x4(Enumerable.Range(0, 16).Select(_ => (float)(random.NextDouble() * 4 - 2)).ToArray());
        var photo = FashionMnistSamples.Load([TestData.Root]).Samples[0].Image;
        var result = MergedConv.Apply(photo, KernelPresets.Find(presetId)!.Kernel, other);
        Assert.True(result.ExactlyEqual, $"max |diff| = {result.MaxAbsDiff}");
    }

    [Fact]
    public void Merged_weight_has_two_output_channels_one_input_channel_and_4x4_kernels()
    {
        var result = MergedConv.Apply(SyntheticImages.Square(), Horizontal, Vertical);
        Assert.Equal([2L, 1, 4, 4], result.WeightShape);
    }

    [Fact]
    public void Channel_0_sees_the_squares_top_and_bottom_edges_and_channel_1_its_left_and_right_edges()
    {
        // The 64×64 square covers rows and columns 16..47; a 4×4 valid conv gives 61×61 maps.
        var result = MergedConv.Apply(SyntheticImages.Square(64), Horizontal, Vertical);
        Assert.Equal((61, 61), (result.Channel0.Width, result.Channel0.Height));
        Assert.Equal(2f, result.Channel0[30, 14]);   // top edge: dark above, bright below
        Assert.Equal(-2f, result.Channel0[30, 46]);  // bottom edge
        Assert.Equal(0f, result.Channel0[14, 30]);   // left edge: no horizontal change
        Assert.Equal(-2f, result.Channel1[14, 30]);  // left edge: dark left, bright right
        Assert.Equal(2f, result.Channel1[46, 30]);   // right edge
        Assert.Equal(0f, result.Channel1[30, 14]);
        Assert.Equal(0f, result.Channel0[30, 30]);   // flat inside
    }

    [Fact]
    public void The_shared_scale_covers_both_channels()
    {
        var result = MergedConv.Apply(SyntheticImages.Circle(), Horizontal, Vertical);
        Assert.True(result.SharedScale >= Math.Max(result.Channel0.MaxAbs, result.Channel1.MaxAbs));
        Assert.Equal(2f, result.SharedScale);
    }
}
