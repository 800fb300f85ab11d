namespace LabDashboard.Engine.Problems.ConvEinsum;

/// <summary>conv-einsum's result names, used by the descriptor and the run.</summary>
public static class ConvEinsumMetrics
{
    /// <summary>max |merged − separate| on the synthetic images.</summary>
    public const string MergedConvMaxDiff = "mergedConvMaxDiff";
    /// <summary>max |einsum − permute→Linear→permute|.</summary>
    public const string EinsumMaxDiff = "einsumMaxDiff";

    internal static IReadOnlyList<MetricSpec> Results { get; } =
    [
        new(MergedConvMaxDiff, "Merged conv max |diff|", "max |merged − separate| on the synthetic images"),
        new(EinsumMaxDiff, "einsum max |diff|", "max |einsum − permute→Linear→permute|"),
    ];
}
