using LabDashboard.Engine.Problems;
using LabDashboard.Engine.Settings;

namespace LabDashboard.Tests.Components;

/// <summary>A descriptor shaped like problem 3's, so component tests need no engine problem.</summary>
internal static class TestProblems
{
    public static ProblemDescriptor Mle { get; } = new(
        Id: "test-mle",
        Number: 3,
        Title: "Test MLE",
        Summary: "A descriptor for component tests.",
        Settings:
        [
            SettingSpec.Int("seed", "Seed", 43052, 0, int.MaxValue),
            SettingSpec.Int("n", "Sample size", 10000, 10, 1_000_000),
            SettingSpec.Choice("optimizer", "Optimizer", "sgd", ["sgd", "adam"]),
            SettingSpec.Double("lr", "Learning rate", 0.05, 1e-6, 10),
            SettingSpec.Int("steps", "Steps", 1000, 1, 100_000),
            SettingSpec.Int("reportEvery", "Report every", 10, 1, 10_000),
        ],
        Metrics: [new MetricSpec("lambda", "λ"), new MetricSpec("loss", "−l(λ)")],
        Results: [new MetricSpec("lambda", "Final λ")])
    {
        ProgressSetting = "steps",
        ReportEverySetting = "reportEvery",
    };
}
