using LabDashboard.Engine.Settings;

namespace LabDashboard.Engine.Problems.FreeFall;

/// <summary>Problem 4's id, settings (the exam's values) and metric names.</summary>
internal static class FreeFallDescriptor
{
    public static ProblemDescriptor Create() => new(
        Id: "free-fall",
        Number: 4,
        Title: "Free-fall regression",
        Summary: "Fit the fall time t of an object dropped from height h, from noisy measurements, "
            + "and predict t at 40, 60 and 80 m; physics says t = √(2h/9.8).",
        Settings:
        [
            SettingSpec.Int("seed", "Seed", 43052, 0, int.MaxValue),
            SettingSpec.Int("n", "Measurements", 100, 10, 100_000),
            SettingSpec.Double("noise", "Noise (s)", 0.1, 0, 10, "Standard deviation of the timing noise."),
            SettingSpec.Choice("model", "Model", "sqrtLinear", ["sqrtLinear", "mlp"], "sqrtLinear: t = β0 + β1·√h; mlp: a small ReLU MLP on raw h."),
            SettingSpec.Choice("optimizer", "Optimizer", "adam", ["adam", "sgd"]),
            SettingSpec.Double("lr", "Learning rate", 0.01, 1e-6, 10),
            SettingSpec.Int("epochs", "Epochs", 1000, 1, 100_000),
            SettingSpec.Int("reportEvery", "Report every (epochs)", 10, 1, 10_000),
        ],
        Metrics: [new MetricSpec("loss", "MSE loss", "Mean squared error of t over all measurements.")],
        Results:
        [
            new MetricSpec("t40", "t(40 m)", "Predicted fall time from 40 m (s)."),
            new MetricSpec("t60", "t(60 m)", "Predicted fall time from 60 m (s)."),
            new MetricSpec("t80", "t(80 m)", "Predicted fall time from 80 m (s)."),
        ],
        SmallTensors: true);
}
