using LabDashboard.Engine.Problems.Texts;
using TorchSharp;
using static TorchSharp.torch;

namespace LabDashboard.Engine.Problems.ConvEinsum;

/// <summary>One step of the shape walk-through.</summary>
/// <param name="Code">The PyTorch expression.</param>
/// <param name="Shape">The resulting shape.</param>
/// <param name="Note">What happened to the axes.</param>
public sealed record ShapeStep(string Code, IReadOnlyList<long> Shape, LocalizableText Note);

/// <summary>Part (2): einsum against permute→Linear→permute on a seeded X.</summary>
/// <param name="Seed">The seed of the local generator.</param>
/// <param name="Weights">The Linear(3, 1) weight row.</param>
/// <param name="EinsumSteps">Shapes along the einsum way.</param>
/// <param name="ReferenceSteps">Shapes along the permute→Linear→permute way.</param>
/// <param name="MaxAbsDiff">max |einsum − reference|.</param>
public sealed record EinsumWalkthrough(
    long Seed,
    IReadOnlyList<float> Weights,
    IReadOnlyList<ShapeStep> EinsumSteps,
    IReadOnlyList<ShapeStep> ReferenceSteps,
    double MaxAbsDiff);

/// <summary>
/// <c>Linear(3, 1, bias=False)</c> applied to every pixel: <c>einsum('ocij,kc->okij', X, W)</c>.
/// Uses its own generator, never the global RNG.
/// </summary>
public static class PixelwiseLinear
{
    /// <summary>The einsum equation: o = image, c = input channel, k = output channel, (i, j) = pixel.</summary>
    public const string Equation = "ocij,kc->okij";

    /// <summary>The tolerance of the einsum-vs-reference check.</summary>
    public const double Tolerance = 1e-6;

    /// <summary>ITU-R BT.601 luminance weights (what PIL's <c>convert('L')</c> uses).</summary>
    public static IReadOnlyList<float> Luminance { get; } = [0.299f, 0.587f, 0.114f];

    /// <summary>Draws X (10, 3, 28, 28) ~ U(0, 1) and W like Linear's init from a local generator seeded with <paramref name="seed"/>, and compares both ways.</summary>
    public static EinsumWalkthrough Walkthrough(long seed)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        using var generator = new Generator((ulong)seed);
        var x = rand([10, 3, 28, 28], generator: generator);
        var bound = 1 / Math.Sqrt(3);
        var w = rand([1, 3], generator: generator) * (2 * bound) - bound;
        var byEinsum = einsum(Equation, x, w);
        var (reference, referenceSteps) = Reference(x, w);
        var maxDiff = (byEinsum - reference).abs().max().item<float>();
        IReadOnlyList<ShapeStep> einsumSteps =
        [
            new("X = torch.rand(10, 3, 28, 28)", x.shape, ConvEinsumTexts.StepX.Format()),
            new("W = linear.weight", w.shape, ConvEinsumTexts.StepW.Format()),
            new($"torch.einsum('{Equation}', X, W)", byEinsum.shape, ConvEinsumTexts.StepEinsum.Format()),
        ];
        return new EinsumWalkthrough(seed, w.data<float>().ToArray(), einsumSteps, referenceSteps, maxDiff);
    }

    /// <summary>The same map on a colour image: (1, 3, H, W) with weights (1, 3) → one (H, W) plane.</summary>
    public static ImagePlane ApplyToColour(RgbImage image, IReadOnlyList<float> weights)
    {
        if (weights.Count != 3) throw new ArgumentException("Three weights (R, G, B) are needed.", nameof(weights));
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var x = tensor(image.Planar, [1, 3, image.Height, image.Width]);
        var w = tensor(weights.ToArray(), [1, 3]);
        return MergedConv.ToPlane(einsum(Equation, x, w)[0, 0]);
    }

    private static (Tensor Result, IReadOnlyList<ShapeStep> Steps) Reference(Tensor x, Tensor w)
    {
        using var linear = MetaModules.LinearWithWeight(w.clone());
        var channelsLast = x.permute(0, 2, 3, 1);
        var mapped = linear.call(channelsLast);
        var back = mapped.permute(0, 3, 1, 2);
        IReadOnlyList<ShapeStep> steps =
        [
            new("X.permute(0, 2, 3, 1)", channelsLast.shape, ConvEinsumTexts.StepChannelsLast.Format()),
            new("linear(…)  # Linear(3, 1, bias=False)", mapped.shape, ConvEinsumTexts.StepLinear.Format()),
            new("….permute(0, 3, 1, 2)", back.shape, ConvEinsumTexts.StepChannelsFirst.Format()),
        ];
        return (back, steps);
    }
}
