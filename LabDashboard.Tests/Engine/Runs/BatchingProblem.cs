using LabDashboard.Engine.Problems;
using LabDashboard.Engine.Runs;

namespace LabDashboard.Tests.Engine.Runs;

/// <summary>Publishes far more batch events than anyone should see, between a few epochs.</summary>
internal sealed class BatchingProblem : IProblem
{
    public const int Epochs = 5;

    public ProblemDescriptor Descriptor { get; } = new("batching", 91, "Batching", "Test problem.", [], [new MetricSpec("loss", "Loss")], []);

    public void Run(RunContext context)
    {
        for (var epoch = 1; epoch <= Epochs; epoch++)
        {
            for (var batch = 0; batch < 200; batch++)
                context.Batch(epoch, batch, new Dictionary<string, double> { ["loss"] = batch });
            context.Epoch(epoch, epoch * 200, new Dictionary<string, double> { ["loss"] = epoch });
        }
    }
}
