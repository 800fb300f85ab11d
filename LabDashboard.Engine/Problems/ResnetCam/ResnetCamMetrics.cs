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
    /// <summary>Validation loss of the head (head only, with early stopping).</summary>
    public const string ValLoss = "valLoss";
    /// <summary>Validation accuracy of the head (head only, with early stopping).</summary>
    public const string ValAcc = "valAcc";
    /// <summary>The epoch whose head was kept (lowest validation loss).</summary>
    public const string BestEpoch = "bestEpoch";
    /// <summary>Mean leave-one-breed-out accuracy: how a photo of a breed never trained on fares.</summary>
    public const string UnseenBreedAcc = "unseenBreedAcc";
    /// <summary>Breeds left out, one fold each.</summary>
    public const string UnseenBreeds = "unseenBreeds";
    /// <summary>Mean confidence of the right held-out answers.</summary>
    public const string MeanConfRight = "meanConfRight";
    /// <summary>Mean confidence of the wrong held-out answers (absent when none is wrong).</summary>
    public const string MeanConfWrong = "meanConfWrong";
    /// <summary>Expected calibration error of the held-out answers.</summary>
    public const string Ece = "ece";

    internal static IReadOnlyList<MetricSpec> Epoch { get; } =
    [
        new(Loss, "Training loss (BCE with logits)"), new(TrainAcc, "Training accuracy"),
        new(ValLoss, "Validation loss"), new(ValAcc, "Validation accuracy"),
    ];

    internal static IReadOnlyList<MetricSpec> Results { get; } =
    [
        new(TestAcc, "Held-out accuracy"), new(TestLoss, "Held-out loss"), new(TrainAcc, "Last epoch's training accuracy"),
        new(ImageSize, "Input size (px)"), new(TrainImages, "Training images"), new(TestImages, "Held-out images"),
        new(UnseenBreedAcc, "Accuracy on unseen breeds", "Leave-one-breed-out: the mean accuracy on a breed the head never saw."),
        new(UnseenBreeds, "Breeds left out"), new(BestEpoch, "Epoch kept (lowest validation loss)"),
        new(MeanConfRight, "Mean confidence when right"), new(MeanConfWrong, "Mean confidence when wrong"),
        new(Ece, "Expected calibration error"),
    ];
}
