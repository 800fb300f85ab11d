namespace LabDashboard.Engine.Problems.ExpMle;

/// <summary>exp-mle's metric and result names, used by the descriptor and the run.</summary>
public static class ExpMleMetrics
{
    /// <summary>The current estimate λ (metric) and the final one (result).</summary>
    public const string Lambda = "lambda";
    /// <summary>Negative log-likelihood per sample.</summary>
    public const string Loss = "loss";
    /// <summary>x̄, the closed-form MLE (result).</summary>
    public const string SampleMean = "sampleMean";

    internal static IReadOnlyList<MetricSpec> Epoch { get; } =
    [
        new(Lambda, "λ", "The current estimate of the mean."),
        new(Loss, "−l(λ)", "Negative log-likelihood per sample: log λ + x̄/λ."),
    ];

    internal static IReadOnlyList<MetricSpec> Results { get; } =
    [
        new(Lambda, "Final λ"),
        new(SampleMean, "x̄", "x.mean(), the closed-form MLE."),
    ];
}
