using System.Globalization;
using LabDashboard.Engine.Runs;

namespace LabDashboard.Engine.Problems.ConvEinsum;

/// <summary>
/// Problem 1: two edge kernels merged into one two-channel convolution, and a pixel-wise Linear(3, 1)
/// by einsum. Nothing trains; a run computes the checks and the maps of the synthetic square.
/// </summary>
public sealed class ConvEinsumProblem : IProblem
{
    /// <summary>The problem's id.</summary>
    public const string Id = "conv-einsum";

    /// <inheritdoc />
    public ProblemDescriptor Descriptor { get; } = new(
        Id,
        1,
        "Edge kernels and pixel-wise einsum",
        "Merge two 4×4 edge kernels into one Conv2d(1, 2, 4) and check it equals the two convs; apply Linear(3, 1) to every pixel with einsum and check it against permute→Linear→permute.",
        ConvEinsumSettings.Schema,
        [],
        ConvEinsumMetrics.Results,
        Trains: false,
        SmallTensors: true);

    /// <inheritdoc />
    public void Run(RunContext context)
    {
        CheckMergedConv(context);
        context.Checkpoint();
        CheckEinsum(context, ConvEinsumSettings.From(context.Settings).Seed);
    }

    private static void CheckMergedConv(RunContext context)
    {
        var (horizontal, vertical) = (KernelPresets.ExamHorizontal.Kernel, KernelPresets.ExamVertical.Kernel);
        var results = SyntheticImages.All().Select(s => (s.Id, Image: s.Image, Result: MergedConv.Apply(s.Image, horizontal, vertical))).ToList();
        var maxDiff = results.Max(r => r.Result.MaxAbsDiff);
        var shape = results[0].Result.WeightShape;
        context.Result(ConvEinsumMetrics.MergedConvMaxDiff, maxDiff);
        context.Check(ConvEinsumTexts.WeightShapeCheck.Format(), shape.SequenceEqual([2L, 1, 4, 4]),
            ConvEinsumTexts.WeightShapeDetail.Format(string.Join(", ", shape), "2, 1, 4, 4"));
        context.Check(ConvEinsumTexts.MergedEqualsSeparateCheck.Format(), results.All(r => r.Result.ExactlyEqual),
            ConvEinsumTexts.MergedEqualsSeparateDetail.Format(string.Join(", ", results.Select(r => r.Id)), Format(maxDiff)));
        var square = results.First(r => r.Id == "square");
        context.Image("input", 0, PngRendering.Gray(square.Image));
        context.Image("channel0", 0, PngRendering.Diverging(square.Result.Channel0, square.Result.SharedScale));
        context.Image("channel1", 0, PngRendering.Diverging(square.Result.Channel1, square.Result.SharedScale));
    }

    private static void CheckEinsum(RunContext context, int seed)
    {
        var walkthrough = PixelwiseLinear.Walkthrough(seed);
        context.Result(ConvEinsumMetrics.EinsumMaxDiff, walkthrough.MaxAbsDiff);
        var shape = walkthrough.EinsumSteps[^1].Shape;
        context.Check(ConvEinsumTexts.EinsumShapeCheck.Format(), shape.SequenceEqual([10L, 1, 28, 28]),
            ConvEinsumTexts.EinsumShapeDetail.Format(string.Join(", ", shape), "10, 1, 28, 28"));
        context.Check(ConvEinsumTexts.EinsumEqualsLinearCheck.Format(), walkthrough.MaxAbsDiff < PixelwiseLinear.Tolerance,
            ConvEinsumTexts.EinsumEqualsLinearDetail.Format(Format(walkthrough.MaxAbsDiff)));
    }

    private static string Format(double value) => value.ToString("G3", CultureInfo.InvariantCulture);
}
