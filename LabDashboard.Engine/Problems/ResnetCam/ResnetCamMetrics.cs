namespace LabDashboard.Engine.Problems.ResnetCam;

/// <summary>resnet-cam's metric and result names, used by the descriptor and the run.</summary>
public static class ResnetCamMetrics
{
    /// <summary>Training loss (BCE with logits).</summary>
    public const string Loss = "loss";
    /// <summary>Training accuracy (metric) and the last epoch's (result).</summary>
    public const string TrainAcc = "trainAcc";
    /// <summary>Held-out accuracy.</summary>
    public const string TestAcc = "testAcc";
    /// <summary>Held-out loss.</summary>
    public const string TestLoss = "testLoss";
    /// <summary>Input size in pixels.</summary>
    public const string ImageSize = "imageSize";
    /// <summary>Training images.</summary>
    public const string TrainImages = "trainImages";
    /// <summary>Held-out images.</summary>
    public const string TestImages = "testImages";

    internal static IReadOnlyList<MetricSpec> Epoch { get; } =
        [new(Loss, "Training loss (BCE with logits)"), new(TrainAcc, "Training accuracy")];

    internal static IReadOnlyList<MetricSpec> Results { get; } =
    [
        new(TestAcc, "Held-out accuracy"), new(TestLoss, "Held-out loss"), new(TrainAcc, "Last epoch's training accuracy"),
        new(ImageSize, "Input size (px)"), new(TrainImages, "Training images"), new(TestImages, "Held-out images"),
    ];
}
