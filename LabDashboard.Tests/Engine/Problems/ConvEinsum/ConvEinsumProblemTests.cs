using LabDashboard.Engine.Problems.ConvEinsum;
using LabDashboard.Engine.Runs;
using LabDashboard.Tests.Engine;

namespace LabDashboard.Tests.Engine.Problems.ConvEinsum;

public class ConvEinsumProblemTests
{
    [Fact]
    public void ConvEinsum_run_passes_every_check_and_reports_its_maps()
    {
        var (context, reporter) = RecordingReporter.Run(new ConvEinsumProblem());
        Assert.Equal(["weightShape", "mergedEqualsSeparate", "einsumShape", "einsumEqualsLinear"], context.Checks.Select(c => c.Name));
        Assert.All(context.Checks, c => Assert.True(c.Passed, c.Detail));
        Assert.Equal(0, context.Results["mergedConvMaxDiff"]);
        Assert.InRange(context.Results["einsumMaxDiff"], 0, 1e-6);
        Assert.Equal(["channel0", "channel1", "input"], reporter.Images.Keys.Select(k => k.Name).Order());
        Assert.Equal(3, reporter.OfKind(RunEventKinds.Image).Count);
    }

    [Fact]
    public void ConvEinsum_is_problem_1_and_does_not_train()
    {
        var descriptor = new ConvEinsumProblem().Descriptor;
        Assert.Equal(("conv-einsum", 1, false), (descriptor.Id, descriptor.Number, descriptor.Trains));
        Assert.Equal(43052, descriptor.Settings.Single(s => s.Name == "seed").Default);
    }
}
