using LabDashboard.Engine.Settings;

namespace LabDashboard.Engine.Problems.ExpMle;

/// <summary>Problem 3's id, settings (the exam's values) and metric names.</summary>
internal static class ExpMleDescriptor
{
    public static ProblemDescriptor Create() => new(
        Id: "exp-mle",
        Number: 3,
        Title: "Exponential MLE by gradient descent",
        Summary: "Draw a sample from an exponential distribution and find the mean λ that maximises its "
            + "likelihood by gradient descent on the negative log-likelihood; the answer is the sample mean x̄.",
        Settings:
        [
            SettingSpec.Int("seed", "Seed", 43052, 0, int.MaxValue),
            SettingSpec.Int("n", "Sample size", 10000, 10, 1_000_000),
            SettingSpec.Double("trueMean", "True mean", 2, 0.01, 1000, "The mean of the distribution the sample is drawn from."),
            SettingSpec.Double("initLambda", "Initial λ", 1, 0.01, 1000),
            SettingSpec.Choice("optimizer", "Optimizer", "sgd", ["sgd", "adam"]),
            SettingSpec.Double("lr", "Learning rate", 0.05, 1e-6, 10),
            SettingSpec.Int("steps", "Steps", 1000, 1, 100_000),
            SettingSpec.Int("reportEvery", "Report every (steps)", 10, 1, 10_000),
        ],
        Metrics:
        [
            new MetricSpec("lambda", "λ", "The current estimate of the mean."),
            new MetricSpec("loss", "−l(λ)", "Negative log-likelihood per sample: log λ + x̄/λ."),
        ],
        Results:
        [
            new MetricSpec("lambda", "Final λ"),
            new MetricSpec("sampleMean", "x̄", "x.mean(), the closed-form MLE."),
        ],
        SmallTensors: true);
}
