using TorchSharp;
using static TorchSharp.torch;

namespace LabDashboard.Engine.Problems.GanMnist8;

/// <summary>
/// Generated images with what the discriminator and the digit classifier say about each.
/// </summary>
/// <param name="Pixels">Row-major pixels in [0, 1], 784 per image.</param>
/// <param name="DOutputs">D(G(z)) per image (under the lecture's labels, near 0 means "looks real").</param>
/// <param name="DigitProbabilities">The classifier's probability of the chosen digit per image.</param>
internal sealed record GanSamples(float[] Pixels, double[] DOutputs, double[] DigitProbabilities)
{
    /// <summary>A sample counts as the digit when the classifier gives it at least this probability.</summary>
    public const double ConfidentProbability = 0.9;

    /// <summary>Number of images.</summary>
    public int Count => DOutputs.Length;

    /// <summary>Share of samples classified as the digit with probability ≥ 0.9.</summary>
    public double TargetShare => DigitProbabilities.Count(p => p >= ConfidentProbability) / (double)Count;

    /// <summary>Mean probability of the digit.</summary>
    public double TargetConfidence => DigitProbabilities.Average();

    /// <summary>
    /// Runs the networks on <paramref name="noise"/> without autograd and without touching any RNG.
    /// </summary>
    /// <param name="generator">Noise → images (a module's forward or <see cref="GanGenerator.Forward"/>).</param>
    /// <param name="discriminator">Images → D outputs (n, 1).</param>
    /// <param name="classifier">The digit classifier's saved weights.</param>
    /// <param name="noise">The noise batch.</param>
    /// <param name="digit">The digit the generator should draw.</param>
    public static GanSamples From(Func<Tensor, Tensor> generator, Func<Tensor, Tensor> discriminator, NetworkWeights classifier, Tensor noise, int digit)
    {
        using var scope = torch.NewDisposeScope();
        using var _ = torch.no_grad();
        var images = generator(noise);
        var dOutputs = discriminator(images).flatten();
        var probabilities = DigitClassifier.Probabilities(classifier, images)[.., digit];
        return new GanSamples(
            images.cpu().data<float>().ToArray(),
            ToDoubles(dOutputs),
            ToDoubles(probabilities));
    }

    private static double[] ToDoubles(Tensor values) =>
        values.cpu().to_type(ScalarType.Float64).data<double>().ToArray();
}
