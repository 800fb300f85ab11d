using LabDashboard.Engine.Problems.ConvEinsum;
using LabDashboard.Engine.Runs;

namespace LabDashboard.Tests.Engine.Problems.ConvEinsum;

public class ConvEinsumProblemTests
{
    [Fact]
    public void ConvEinsum_run_passes_every_check_and_reports_its_maps()
    {
        var (context, reporter) = CollectingReporter.RunWithDefaults(new ConvEinsumProblem());
        Assert.Equal(["weightShape", "mergedEqualsSeparate", "einsumShape", "einsumEqualsLinear"], context.Checks.Select(c => c.Name));
        Assert.All(context.Checks, c => Assert.True(c.Passed, c.Detail));
        Assert.Equal(0, context.Results["mergedConvMaxDiff"]);
        Assert.InRange(context.Results["einsumMaxDiff"], 0, 1e-6);
        Assert.Equal(["input", "channel0", "channel1"], reporter.Images.Select(i => i.Name));
        Assert.Equal(3, reporter.Events.Count(e => e.Kind == RunEventKinds.Image));
    }

    [Fact]
    public void ConvEinsum_is_problem_1_and_does_not_train()
    {
        var descriptor = new ConvEinsumProblem().Descriptor;
        Assert.Equal(("conv-einsum", 1, false), (descriptor.Id, descriptor.Number, descriptor.Trains));
        Assert.Equal(43052, descriptor.Settings.Single(s => s.Name == "seed").Default);
    }
}
