namespace LabDashboard.Engine.Problems.GanMnist8;

/// <summary>
/// The <c>data</c> payload named <see cref="Name"/> that accompanies each grid image (same epoch):
/// what the discriminator and the digit classifier say about every tile, in tile order.
/// </summary>
/// <param name="Epoch">The grid's epoch (0 for samples made by "Generate").</param>
/// <param name="Columns">Tiles per row in the PNG.</param>
/// <param name="DOutputs">Discriminator output per tile ("police out").</param>
/// <param name="DigitProbabilities">The classifier's probability of <paramref name="Digit"/> per tile.</param>
/// <param name="Digit">The digit being drawn.</param>
/// <param name="Labels"><c>lecture</c> (real = 0) or <c>standard</c> (real = 1): how to read <paramref name="DOutputs"/>.</param>
/// <param name="TargetShare">Share of tiles classified as the digit with probability ≥ 0.9.</param>
/// <param name="TargetConfidence">Mean probability of the digit.</param>
public sealed record GanGridData(
    int Epoch,
    int Columns,
    IReadOnlyList<double> DOutputs,
    IReadOnlyList<double> DigitProbabilities,
    int Digit,
    string Labels,
    double TargetShare,
    double TargetConfidence)
{
    /// <summary>Name of the grid image and of this payload.</summary>
    public const string Name = "grid";

    internal static GanGridData From(GanSamples samples, int epoch, int digit, GanLabels labels) => new(
        epoch,
        SampleGridImage.Columns(samples.Count),
        samples.DOutputs,
        samples.DigitProbabilities,
        digit,
        labels.Name,
        samples.TargetShare,
        samples.TargetConfidence);
}
