using LabDashboard.Engine.Problems.GanMnist8;
using TorchSharp;

namespace LabDashboard.Tests.Engine.Problems.GanMnist8;

[Collection(GanMnistCollection.Name)]
public sealed class GanNetworkTests
{
    [Fact]
    public void Generator_turns_noise_into_28x28_images_between_0_and_1()
    {
        using var scope = torch.NewDisposeScope();
        using var generator = new GanGenerator(6, 64);

        var images = generator.forward(torch.randn(7, 6) * 10);

        Assert.Equal([7L, 1, 28, 28], images.shape);
        Assert.True(images.min().item<float>() >= 0f);
        Assert.True(images.max().item<float>() <= 1f);
    }

    [Fact]
    public void Generator_and_discriminator_have_the_lectures_layer_sizes()
    {
        using var generator = new GanGenerator(6, 64);
        using var discriminator = new GanDiscriminator();

        Assert.Equal((6 * 64 + 64) + (64 * 64 + 64) + (64 * 784 + 784), generator.parameters().Sum(p => p.numel()));
        Assert.Equal((784 * 30 + 30) + (30 + 1), discriminator.parameters().Sum(p => p.numel()));
    }

    [Fact]
    public void Discriminator_gives_one_probability_per_image()
    {
        using var scope = torch.NewDisposeScope();
        using var discriminator = new GanDiscriminator();

        var outputs = discriminator.forward(torch.rand(5, 1, 28, 28));

        Assert.Equal([5L, 1], outputs.shape);
        Assert.True(outputs.min().item<float>() > 0f);
        Assert.True(outputs.max().item<float>() < 1f);
    }

    [Fact]
    public void Settings_default_to_the_exams_values()
    {
        var settings = GanSettings.Defaults;

        Assert.Equal(new GanSettings(8, 6, 64, 1000, 0.001, 0.0002, 0, 50, 10, GanLabels.Lecture, 43052), settings);
        Assert.Equal(0f, settings.Labels.Real);
        Assert.Equal(1f, settings.Labels.Fake);
    }
}
