using LabDashboard.Engine.Problems.FreeFall;
using LabDashboard.Engine.Runs;
using TorchSharp;

namespace LabDashboard.Tests.Engine.Problems.FreeFall;

[Collection(SeededTorchCollection.Name)]
public class FreeFallTests
{
    [Fact]
    public void FreeFall_data_matches_pytorch_for_the_exam_seed()
    {
        torch.random.manual_seed(43052);
        var data = FreeFallData.Draw(100, 0.1);

        Assert.Equal(100, data.H.Length);
        Assert.Equal(99.3920, data.H[^1], 4);
        Assert.Equal(4.4583, data.T[^1], 4);
        Assert.Equal(data.H.Order(), data.H);
    }

    [Fact]
    public void FreeFall_defaults_pass_every_check()
    {
        var (context, reporter) = RecordingReporter.Run(new FreeFallProblem());

        Assert.Equal(3, context.Checks.Count);
        Assert.All(context.Checks, check => Assert.True(check.Passed, check.Detail));
        Assert.Equal(2.857, context.Results["t40"], 0.05);
        Assert.Equal(3.499, context.Results["t60"], 0.05);
        Assert.Equal(4.041, context.Results["t80"], 0.05);
        Assert.Equal(100, reporter.OfKind(RunEventKinds.Epoch).Count);
        Assert.Single(reporter.DataNamed("points"));
        Assert.Equal(100, reporter.DataNamed("fit").Count);
    }

    [Fact]
    public void FreeFall_mlp_learns_the_curve_roughly()
    {
        var (context, reporter) = RecordingReporter.Run(new FreeFallProblem(), """{"model": "mlp", "epochs": 300}""");

        var losses = reporter.EpochMetrics.Select(m => m["loss"]).ToList();
        Assert.True(losses[^1] < losses[0] / 10, $"loss {losses[0]} → {losses[^1]}");
        Assert.Equal(3.499, context.Results["t60"], 0.3);
    }

    [Fact]
    public void FreeFall_same_seed_gives_the_same_metrics()
    {
        const string settings = """{"epochs": 100}""";
        var first = RecordingReporter.Run(new FreeFallProblem(), settings).Reporter.EpochMetrics;
        var second = RecordingReporter.Run(new FreeFallProblem(), settings).Reporter.EpochMetrics;

        Assert.Equal(first, second);
    }
}
