namespace LabDashboard.Engine.Problems.FashionCnn;

/// <summary>fashion-cnn's metric and result names, used by the descriptor and the run.</summary>
public static class FashionMetrics
{
    /// <summary>Training loss: per batch, and the mean over the epoch.</summary>
    public const string Loss = "loss";
    /// <summary>Running accuracy on the epoch's training batches.</summary>
    public const string TrainAcc = "trainAcc";
    /// <summary>Accuracy on the test images.</summary>
    public const string TestAcc = "testAcc";
    /// <summary>Loss on the test images.</summary>
    public const string TestLoss = "testLoss";
    /// <summary>Training throughput.</summary>
    public const string SamplesPerSec = "samplesPerSec";
    /// <summary>Estimated seconds left.</summary>
    public const string EtaSeconds = "etaSeconds";
    /// <summary>Training time (result).</summary>
    public const string Seconds = "seconds";

    internal static IReadOnlyList<MetricSpec> Epoch { get; } =
    [
        new(Loss, "Training loss", "per batch (batch events) and mean over the epoch"),
        new(TrainAcc, "Train accuracy", "running accuracy on the epoch's training batches"),
        new(TestAcc, "Test accuracy"),
        new(TestLoss, "Test loss"),
        new(SamplesPerSec, "Samples/s"),
        new(EtaSeconds, "Seconds left"),
    ];

    internal static IReadOnlyList<MetricSpec> Results { get; } =
    [
        new(TestAcc, "Test accuracy"), new(TrainAcc, "Train accuracy"), new(TestLoss, "Test loss"),
        new(Seconds, "Training seconds"), new(SamplesPerSec, "Samples/s"),
    ];
}
