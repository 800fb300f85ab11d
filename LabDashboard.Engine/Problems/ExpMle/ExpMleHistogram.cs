namespace LabDashboard.Engine.Problems.ExpMle;

/// <summary>
/// The <c>histogram</c> data payload: bar <see cref="Edges"/> (one more than <see cref="Counts"/>),
/// the sample's counts, and the counts an exponential with mean <see cref="Lambda"/> predicts.
/// </summary>
public sealed record ExpMleHistogram(double[] Edges, long[] Counts, double[] Expected, double SampleMean, double Lambda)
{
    /// <summary>The payload's name in the run's data.</summary>
    public const string PayloadName = "histogram";

    internal const int Bins = 40;

    internal static ExpMleHistogram Of(float[] sample, double sampleMean, double lambda)
    {
        var top = Math.Max(sample.Max(), 1e-9);
        var width = top / Bins;
        var edges = Enumerable.Range(0, Bins + 1).Select(i => i * width).ToArray();
        var counts = new long[Bins];
        foreach (var x in sample) counts[Math.Clamp((int)(x / width), 0, Bins - 1)]++;
        var expected = Enumerable.Range(0, Bins)
            .Select(i => sample.Length * (Cdf(edges[i + 1], lambda) - Cdf(edges[i], lambda)))
            .ToArray();
        return new ExpMleHistogram(edges, counts, expected, sampleMean, lambda);
    }

    private static double Cdf(double x, double mean) => 1 - Math.Exp(-x / mean);
}
