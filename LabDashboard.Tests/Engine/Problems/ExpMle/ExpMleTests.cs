using LabDashboard.Engine.Problems.ExpMle;
using LabDashboard.Engine.Runs;
using TorchSharp;

namespace LabDashboard.Tests.Engine.Problems.ExpMle;

[Collection(SeededTorchCollection.Name)]
public class ExpMleTests
{
    [Fact]
    public void ExpMle_sample_matches_pytorch_for_the_exam_seed()
    {
        torch.random.manual_seed(43052);
        using var x = ExpMleProblem.DrawSample(10000, 2);
        using var mean = x.mean();
        Assert.Equal(2.0299, mean.item<float>(), 4);
    }

    [Fact]
    public void ExpMle_converges_to_the_sample_mean()
    {
        var (context, reporter) = RecordingReporter.Run(new ExpMleProblem());

        var lambda = context.Results["lambda"];
        var sampleMean = context.Results["sampleMean"];
        Assert.Equal(2.0299, sampleMean, 4);
        Assert.True(Math.Abs(lambda - sampleMean) < 1e-3, $"λ = {lambda}, x̄ = {sampleMean}");
        Assert.All(context.Checks, check => Assert.True(check.Passed, check.Detail));
        Assert.Single(context.Checks);
        Assert.Equal(Enumerable.Range(1, 100), reporter.OfKind(RunEventKinds.Epoch).Select(e => e.Epoch!.Value));
        Assert.Equal(2, reporter.DataNamed("histogram").Count);
    }

    [Fact]
    public void ExpMle_loss_falls_as_lambda_climbs_from_its_start()
    {
        var (_, reporter) = RecordingReporter.Run(new ExpMleProblem(), """{"steps": 200}""");

        var metrics = reporter.EpochMetrics;
        Assert.True(metrics[^1]["loss"] < metrics[0]["loss"]);
        Assert.True(metrics[^1]["lambda"] > metrics[0]["lambda"]);
        Assert.True(metrics[0]["lambda"] > 1);
    }

    [Fact]
    public void ExpMle_same_seed_gives_the_same_metrics()
    {
        const string settings = """{"steps": 100, "optimizer": "adam"}""";
        var first = RecordingReporter.Run(new ExpMleProblem(), settings).Reporter.EpochMetrics;
        var second = RecordingReporter.Run(new ExpMleProblem(), settings).Reporter.EpochMetrics;
        var otherSeed = RecordingReporter.Run(new ExpMleProblem(), """{"steps": 100, "optimizer": "adam", "seed": 1}""").Reporter.EpochMetrics;

        Assert.Equal(first, second);
        Assert.NotEqual(first[^1]["loss"], otherSeed[^1]["loss"]);
    }
}
