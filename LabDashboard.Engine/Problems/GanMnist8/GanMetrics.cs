namespace LabDashboard.Engine.Problems.GanMnist8;

/// <summary>Problem 8's metric and result names.</summary>
public static class GanMetrics
{
    /// <summary>Discriminator loss.</summary>
    public const string LossD = "lossD";
    /// <summary>Generator loss.</summary>
    public const string LossG = "lossG";
    /// <summary>Mean D(real).</summary>
    public const string DReal = "dReal";
    /// <summary>Mean D(fake).</summary>
    public const string DFake = "dFake";
    /// <summary>Share of grid samples the classifier calls the digit.</summary>
    public const string TargetShare = "targetShare";
    /// <summary>Mean probability of the digit over the grid.</summary>
    public const string TargetConfidence = "targetConfidence";
    /// <summary>The judging classifier's test accuracy (result).</summary>
    public const string ClassifierTestAcc = "classifierTestAcc";
    /// <summary>Wall time per epoch (result).</summary>
    public const string SecondsPerEpoch = "secondsPerEpoch";

    private static readonly MetricSpec[] Shared =
    [
        new(LossD, "Discriminator loss", "BCE on real plus BCE on generated images."),
        new(LossG, "Generator loss", "BCE of D(G(z)) against the real label."),
        new(DReal, "Mean D(real)", "Lecture labels: real = 0, fake = 1; standard labels: real = 1."),
        new(DFake, "Mean D(fake)", "Lecture labels: real = 0, fake = 1; standard labels: real = 1."),
        new(TargetShare, "Share drawn as the digit", "Share of grid samples the MNIST classifier calls the digit with p ≥ 0.9 (grid epochs only)."),
        new(TargetConfidence, "Mean probability of the digit", "The MNIST classifier's mean probability of the digit over the grid (grid epochs only)."),
    ];

    internal static IReadOnlyList<MetricSpec> Epoch => Shared;

    internal static IReadOnlyList<MetricSpec> Results { get; } =
    [
        .. Shared,
        new(ClassifierTestAcc, "Digit classifier test accuracy", "The judging classifier's accuracy on MNIST test."),
        new(SecondsPerEpoch, "Seconds per epoch", "Wall time of the training loop per epoch, grids included."),
    ];
}
