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
        Settings: ExpMleSettings.Schema,
        Metrics: ExpMleMetrics.Epoch,
        Results: ExpMleMetrics.Results,
        SmallTensors: true)
    {
        ProgressSetting = ExpMleSettings.Names.Steps,
        ReportEverySetting = ExpMleSettings.Names.ReportEvery,
    };
}
