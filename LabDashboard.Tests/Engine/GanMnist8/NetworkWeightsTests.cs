using LabDashboard.Engine.Problems.GanMnist8;
using TorchSharp;

namespace LabDashboard.Tests.Engine.GanMnist8;

[Collection(GanMnistCollection.Name)]
public sealed class NetworkWeightsTests : IDisposable
{
    private readonly TempFolder _folder = new();

    private NetworkWeights RoundTrip(torch.nn.Module module, string name)
    {
        using var weights = NetworkWeights.From(module);
        weights.Save(_folder.Path, name);
        return NetworkWeights.Load(_folder.Path, name);
    }

    [Fact]
    public void Saved_generator_and_discriminator_compute_what_the_modules_compute()
    {
        using var scope = torch.NewDisposeScope();
        using var generator = new GanGenerator(6, 64);
        using var discriminator = new GanDiscriminator();
        using var g = RoundTrip(generator, "g");
        using var d = RoundTrip(discriminator, "d");
        using var _ = torch.no_grad();
        var noise = torch.randn(9, 6);

        var images = generator.forward(noise);
        Assert.True(GanGenerator.Forward(g, noise).allclose(images, rtol: 0, atol: 1e-6));
        Assert.True(GanDiscriminator.Forward(d, images).allclose(discriminator.forward(images), rtol: 0, atol: 1e-6));
    }

    [Fact]
    public void Saved_classifier_computes_the_modules_probabilities()
    {
        using var scope = torch.NewDisposeScope();
        using var classifier = new DigitClassifier();
        using var weights = RoundTrip(classifier, "c");
        using var _ = torch.no_grad();
        var images = torch.rand(4, 1, 28, 28);

        var expected = torch.nn.functional.softmax(classifier.forward(images), 1);
        Assert.True(DigitClassifier.Probabilities(weights, images).allclose(expected, rtol: 0, atol: 1e-6));
    }

    [Fact]
    public void Loading_weights_leaves_the_global_RNG_alone()
    {
        using var generator = new GanGenerator(6, 64);
        using var weights = NetworkWeights.From(generator);
        weights.Save(_folder.Path, "rng");
        torch.random.manual_seed(99);
        using var expected = torch.rand(3);
        torch.random.manual_seed(99);

        using (NetworkWeights.Load(_folder.Path, "rng")) { }
        using var actual = torch.rand(3);

        Assert.Equal(expected.data<float>().ToArray(), actual.data<float>().ToArray());
    }

    public void Dispose() => _folder.Dispose();
}
