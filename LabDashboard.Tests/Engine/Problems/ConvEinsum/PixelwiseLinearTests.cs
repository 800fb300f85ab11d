using LabDashboard.Engine.Problems.ConvEinsum;

namespace LabDashboard.Tests.Engine.Problems.ConvEinsum;

public class PixelwiseLinearTests
{
    [Fact]
    public void Einsum_equals_permute_Linear_permute_within_1e_6()
    {
        var walkthrough = PixelwiseLinear.Walkthrough(43052);
        Assert.True(walkthrough.MaxAbsDiff < 1e-6, $"max |diff| = {walkthrough.MaxAbsDiff}");
    }

    [Fact]
    public void The_shapes_walk_from_10x3x28x28_to_10x1x28x28_both_ways()
    {
        var walkthrough = PixelwiseLinear.Walkthrough(43052);
        Assert.Equal([[10L, 3, 28, 28], [1L, 3], [10L, 1, 28, 28]], walkthrough.EinsumSteps.Select(s => s.Shape.ToArray()));
        Assert.Equal([[10L, 28, 28, 3], [10L, 28, 28, 1], [10L, 1, 28, 28]], walkthrough.ReferenceSteps.Select(s => s.Shape.ToArray()));
    }

    [Fact]
    public void The_same_seed_draws_the_same_weights_and_another_seed_others()
    {
        var first = PixelwiseLinear.Walkthrough(43052).Weights;
        Assert.Equal(first, PixelwiseLinear.Walkthrough(43052).Weights);
        Assert.NotEqual(first, PixelwiseLinear.Walkthrough(1).Weights);
        Assert.All(first, w => Assert.InRange(w, -1 / MathF.Sqrt(3), 1 / MathF.Sqrt(3)));
    }

    [Fact]
    public void Luminance_weights_on_a_colour_image_give_its_grayscale()
    {
        var scene = SyntheticImages.ColourScene();
        var mapped = PixelwiseLinear.ApplyToColour(scene, PixelwiseLinear.Luminance);
        var gray = ImageDecoding.ToGray(scene);
        Assert.Equal((scene.Width, scene.Height), (mapped.Width, mapped.Height));
        Assert.All(mapped.Values.Zip(gray.Values), p => Assert.Equal(p.Second, p.First, 1e-6));
    }

    [Fact]
    public void A_single_channel_weight_picks_that_channel()
    {
        var scene = SyntheticImages.ColourScene();
        var green = PixelwiseLinear.ApplyToColour(scene, [0f, 1f, 0f]);
        Assert.Equal(scene.Channel(1).Values, green.Values);
    }
}
