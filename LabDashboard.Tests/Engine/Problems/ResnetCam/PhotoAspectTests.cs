using LabDashboard.Engine.Data.Images;
using LabDashboard.Engine.Problems.ResnetCam.Cam;

namespace LabDashboard.Tests.Engine.Problems.ResnetCam;

public class PhotoAspectTests
{
    [Theory]
    [InlineData(4032, 3024, 512, 512, 384)]
    [InlineData(3024, 4032, 512, 384, 512)]
    [InlineData(500, 334, 224, 224, 150)]
    [InlineData(640, 640, 224, 224, 224)]
    [InlineData(10_000, 1, 224, 224, 1)]
    public void The_size_keeps_the_photos_aspect_with_the_given_long_side(int width, int height, int longSide, int expectedWidth, int expectedHeight) =>
        Assert.Equal((expectedWidth, expectedHeight), PhotoAspect.SizeFor(width, height, longSide));

    [Fact]
    public void The_stretched_square_is_put_back_at_the_photos_aspect_column_for_column()
    {
        // A 64² square whose columns are grey levels 0, 4, …, 252: un-stretching a 4:3 photo only shrinks its height.
        var square = new RgbImage(64, 64, [.. Enumerable.Range(0, 64 * 64).SelectMany(i => Enumerable.Repeat((byte)(i % 64 * 4), 3))]);

        var restored = PhotoAspect.Restore(square, 4000, 3000);

        Assert.Equal((64, 48), (restored.Width, restored.Height));
        for (var x = 0; x < 64; x++) Assert.Equal(x * 4, restored.Rgb[(20 * 64 + x) * 3]);
        Assert.Same(square, PhotoAspect.Restore(square, 300, 300));
    }
}
