using LabDashboard.Engine.Problems.GanMnist8;
using LabDashboard.Engine.Runs;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using Xunit.Abstractions;

namespace LabDashboard.Tests.Engine.Problems.GanMnist8;

[Collection(GanMnistCollection.Name)]
public sealed class GanTrainingTests(GanMnistFixture fixture)
{
    private static readonly string[] EpochMetricNames = ["lossD", "lossG", "dReal", "dFake"];

    [Fact]
    public void A_short_seeded_run_reports_finite_losses_every_epoch()
    {
        var epochs = fixture.ShortRun.Reporter.OfKind(RunEventKinds.Epoch);

        Assert.Equal(Enumerable.Range(1, 20), epochs.Select(e => e.Epoch!.Value));
        Assert.Equal(Enumerable.Range(1, 20).Select(i => (long)i), epochs.Select(e => e.Step!.Value));
        Assert.All(epochs, e => Assert.All(EpochMetricNames, name => Assert.True(double.IsFinite(e.Metrics![name]), $"{name} at epoch {e.Epoch}")));
        Assert.All(epochs, e => Assert.InRange(e.Metrics!["dReal"], 0, 1));
    }

    [Fact]
    public void The_same_seed_gives_the_same_losses_and_the_same_grid()
    {
        var again = fixture.Run(GanMnistFixture.ShortRunSettings, runId: "test-run-again");

        Assert.Equal(fixture.ShortRun.Reporter.EpochMetrics, again.Reporter.EpochMetrics);
        Assert.Equal(fixture.ShortRun.Reporter.Images[("grid", 20)].Bytes, again.Reporter.Images[("grid", 20)].Bytes);
    }

    [Fact]
    public void A_different_seed_gives_different_losses()
    {
        var other = fixture.Run("""{"epochs": 3, "gridEvery": 10, "seed": 7}""", runId: "test-run-seed-7");

        Assert.NotEqual(fixture.ShortRun.Reporter.EpochMetrics[2]["lossD"], other.Reporter.EpochMetrics[2]["lossD"]);
    }

    [Fact]
    public void Grid_epochs_publish_a_png_captions_and_classifier_scores()
    {
        var reporter = fixture.ShortRun.Reporter;

        Assert.Equal([10, 20], reporter.Images.Keys.Where(k => k.Name == "grid").Select(k => k.Epoch).Order());
        using var image = Image.Load<L8>(reporter.Images[("grid", 10)].Bytes);
        Assert.Equal((SampleGridImage.Width(10), SampleGridImage.Height(10)), (image.Width, image.Height));
        var captions = (GanGridData)Assert.Single(reporter.DataNamed("grid-e10"));
        Assert.Equal(10, captions.Epoch);
        Assert.Equal(5, captions.Columns);
        Assert.Equal(10, captions.DOutputs.Count);
        Assert.All(captions.DOutputs, d => Assert.InRange(d, 0, 1));
        Assert.All(captions.DigitProbabilities, p => Assert.InRange(p, 0, 1));
        Assert.Equal("lecture", captions.Labels);
        var epoch10 = reporter.OfKind(RunEventKinds.Epoch).Single(e => e.Epoch == 10).Metrics!;
        Assert.Equal(captions.TargetShare, epoch10["targetShare"]);
        Assert.Equal(captions.TargetConfidence, epoch10["targetConfidence"]);
        Assert.DoesNotContain("targetShare", reporter.OfKind(RunEventKinds.Epoch).Single(e => e.Epoch == 9).Metrics!.Keys);
    }

    [Fact]
    public void Lecture_labels_teach_D_that_real_is_0_and_standard_labels_that_real_is_1()
    {
        var lecture = fixture.ShortRun.Reporter.EpochMetrics[^1];
        var standard = fixture.Run("""{"epochs": 20, "gridEvery": 20, "labels": "standard"}""", runId: "test-run-standard").Reporter.EpochMetrics[^1];

        Assert.True(lecture["dReal"] < lecture["dFake"], $"lecture: D(real) {lecture["dReal"]}, D(fake) {lecture["dFake"]}");
        Assert.True(standard["dReal"] > standard["dFake"], $"standard: D(real) {standard["dReal"]}, D(fake) {standard["dFake"]}");
    }

    [Fact]
    public void Mini_batches_take_one_scaffold_step_each()
    {
        var run = fixture.Run("""{"epochs": 2, "gridEvery": 2, "batchSize": 1024}""", runId: "test-run-batches");

        Assert.Equal([6L, 12L], run.Reporter.OfKind(RunEventKinds.Epoch).Select(e => e.Step!.Value));
    }
}
