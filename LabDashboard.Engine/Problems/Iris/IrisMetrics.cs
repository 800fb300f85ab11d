namespace LabDashboard.Engine.Problems.Iris;

/// <summary>iris's metric and result names, used by the descriptor and the run.</summary>
public static class IrisMetrics
{
    /// <summary>Mean cross-entropy over the epoch.</summary>
    public const string Loss = "loss";
    /// <summary>Accuracy on the training rows.</summary>
    public const string TrainAcc = "trainAcc";
    /// <summary>Accuracy on the test rows.</summary>
    public const string TestAcc = "testAcc";
    /// <summary>Cross-entropy on the test rows.</summary>
    public const string TestLoss = "testLoss";

    internal static IReadOnlyList<MetricSpec> Epoch { get; } =
    [
        new(Loss, "Training loss", "mean cross-entropy over the epoch"),
        new(TrainAcc, "Train accuracy"),
        new(TestAcc, "Test accuracy"),
        new(TestLoss, "Test loss"),
    ];

    internal static IReadOnlyList<MetricSpec> Results { get; } =
        [new(TrainAcc, "Train accuracy"), new(TestAcc, "Test accuracy"), new(TestLoss, "Test loss")];
}
