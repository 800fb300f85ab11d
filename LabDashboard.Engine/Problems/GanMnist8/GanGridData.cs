namespace LabDashboard.Engine.Problems.GanMnist8;

/// <summary>
/// The <c>data</c> payload that accompanies each grid image: what the discriminator and the digit
/// classifier say about every tile, in tile order. Each grid epoch gets its own payload name
/// (<see cref="PayloadName"/>), because pages keep only the latest payload of a name and the epoch
/// slider replays every grid with its captions.
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
    /// <summary>Name of the grid image (one per grid epoch).</summary>
    public const string ImageName = "grid";

    /// <summary>Prefix of the payload names.</summary>
    public const string PayloadPrefix = "grid-e";

    /// <summary>The payload name for the grid of <paramref name="epoch"/>, e.g. <c>grid-e50</c>.</summary>
    public static string PayloadName(int epoch) => PayloadPrefix + epoch.ToString(System.Globalization.CultureInfo.InvariantCulture);

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
