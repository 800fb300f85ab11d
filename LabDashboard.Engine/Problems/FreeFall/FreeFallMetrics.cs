namespace LabDashboard.Engine.Problems.FreeFall;

/// <summary>free-fall's metric and result names, used by the descriptor and the run.</summary>
public static class FreeFallMetrics
{
    /// <summary>Mean squared error of t over all measurements.</summary>
    public const string Loss = "loss";

    /// <summary>The heights the run predicts and checks, in metres.</summary>
    public static IReadOnlyList<int> CheckedHeights { get; } = [40, 60, 80];

    /// <summary>The result name of the predicted time from <paramref name="height"/> m, e.g. <c>t40</c>.</summary>
    public static string PredictedTime(int height) => $"t{height}";

    internal static IReadOnlyList<MetricSpec> Epoch { get; } = [new(Loss, "MSE loss", "Mean squared error of t over all measurements.")];

    internal static IReadOnlyList<MetricSpec> Results { get; } =
        [.. CheckedHeights.Select(h => new MetricSpec(PredictedTime(h), $"t({h} m)", $"Predicted fall time from {h} m (s)."))];
}
