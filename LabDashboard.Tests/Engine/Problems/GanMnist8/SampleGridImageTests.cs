using LabDashboard.Engine.Problems.GanMnist8;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace LabDashboard.Tests.Engine.Problems.GanMnist8;

public sealed class SampleGridImageTests
{
    [Theory]
    [InlineData(10, 5, 2)]
    [InlineData(20, 10, 2)]
    [InlineData(100, 10, 10)]
    [InlineData(3, 3, 1)]
    public void Grid_png_lays_out_upscaled_tiles(int count, int columns, int rows)
    {
        var png = SampleGridImage.Png(new float[count * 784], count);

        using var image = Image.Load<L8>(png);
        Assert.Equal(columns * (28 * SampleGridImage.Scale + SampleGridImage.Gap) + SampleGridImage.Gap, image.Width);
        Assert.Equal(rows * (28 * SampleGridImage.Scale + SampleGridImage.Gap) + SampleGridImage.Gap, image.Height);
    }

    [Fact]
    public void Grid_png_draws_each_pixel_as_a_scale_by_scale_block()
    {
        var pixels = new float[2 * 784];
        pixels[784 + 28 * 3 + 5] = 1f; // second sample, row 3, column 5

        using var image = Image.Load<L8>(SampleGridImage.Png(pixels, 2));

        var left = SampleGridImage.Gap + SampleGridImage.TileSide + SampleGridImage.Gap + 5 * SampleGridImage.Scale;
        var top = SampleGridImage.Gap + 3 * SampleGridImage.Scale;
        Assert.Equal(255, image[left, top].PackedValue);
        Assert.Equal(255, image[left + SampleGridImage.Scale - 1, top + SampleGridImage.Scale - 1].PackedValue);
        Assert.Equal(0, image[left + SampleGridImage.Scale, top].PackedValue);
        Assert.Equal(0, image[SampleGridImage.Gap, SampleGridImage.Gap].PackedValue);
    }
}
