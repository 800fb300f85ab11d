using LabDashboard.Engine.Problems.GanMnist8;
using TorchSharp;

namespace LabDashboard.Tests.Engine.Problems.GanMnist8;

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

    [Fact]
    public void A_generator_saved_by_an_older_version_still_loads_and_a_new_save_takes_precedence()
    {
        using var scope = torch.NewDisposeScope();
        using var generator = new GanGenerator(6, 64);
        using (var writer = new BinaryWriter(File.Create(Path.Combine(_folder.Path, "generator.weights"))))
        {
            var state = generator.state_dict();
            writer.Write(state.Count);
            foreach (var (name, tensor) in state)
            {
                writer.Write(name);
                tensor.Save(writer);
            }
        }
        using var _ = torch.no_grad();
        var noise = torch.randn(4, 6);

        Assert.True(NetworkWeights.IsSaved(_folder.Path, "generator"));
        using (var old = NetworkWeights.Load(_folder.Path, "generator"))
            Assert.True(GanGenerator.Forward(old, noise).allclose(generator.forward(noise), rtol: 0, atol: 1e-6));
        using var other = new GanGenerator(6, 64);
        using (var saved = NetworkWeights.From(other)) saved.Save(_folder.Path, "generator");
        using var current = NetworkWeights.Load(_folder.Path, "generator");
        Assert.True(GanGenerator.Forward(current, noise).allclose(other.forward(noise), rtol: 0, atol: 1e-6));
    }

    public void Dispose() => _folder.Dispose();
}
