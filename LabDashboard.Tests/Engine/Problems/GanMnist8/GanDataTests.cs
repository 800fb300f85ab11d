using LabDashboard.Engine.Problems.GanMnist8;
using TorchSharp;

namespace LabDashboard.Tests.Engine.Problems.GanMnist8;

[Collection(GanMnistCollection.Name)]
public sealed class GanDataTests(GanMnistFixture fixture)
{
    [Fact]
    public void Mnist_train_loads_60000_images_with_pixels_between_0_and_1()
    {
        Assert.Equal([60000L, 1, 28, 28], fixture.Mnist.TrainImages.shape);
        Assert.Equal([60000L], fixture.Mnist.TrainLabels.shape);
        Assert.Equal(0f, fixture.Mnist.TrainImages.min().item<float>());
        Assert.Equal(1f, fixture.Mnist.TrainImages.max().item<float>());
    }

    [Fact]
    public void Digit_filter_keeps_the_5851_eights()
    {
        using var eights = DigitFilter.Images(fixture.Mnist.TrainImages, fixture.Mnist.TrainLabels, 8);

        Assert.Equal([5851L, 1, 28, 28], eights.shape);
    }

    [Fact]
    public void Digit_filter_keeps_exactly_the_images_labelled_with_the_digit()
    {
        using var scope = torch.NewDisposeScope();
        var labels = fixture.Mnist.TrainLabels;
        var ones = DigitFilter.Images(fixture.Mnist.TrainImages, labels, 1);
        var firstOne = labels.eq(1).nonzero()[0, 0].item<long>();

        Assert.Equal(6742, ones.shape[0]);
        Assert.True(ones[0].equal(fixture.Mnist.TrainImages[firstOne]).all().item<bool>());
    }
}
