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
        Settings: FreeFallSettings.Schema,
        Metrics: FreeFallMetrics.Epoch,
        Results: FreeFallMetrics.Results,
        SmallTensors: true)
    {
        ProgressSetting = FreeFallSettings.Names.Epochs,
        ReportEverySetting = FreeFallSettings.Names.ReportEvery,
    };
}
