using System.Diagnostics;
using LabDashboard.Engine.Problems.ResnetCam;
using LabDashboard.Engine.Problems.ResnetCam.Models;
using LabDashboard.Engine.Runs;
using Xunit.Abstractions;

namespace LabDashboard.Tests.Engine.Problems.ResnetCam;

/// <summary>Trains once per test process (features cached in the shared State:Root); other tests reuse the model.</summary>
public static class TrainedHeadOnlyModel
{
    /// <summary>RecordingReporter's run id.</summary>
    public const string RunId = "test-run";
    private static readonly Lazy<(RunContext Context, RecordingReporter Reporter, TimeSpan Elapsed)> Lazy = new(() =>
    {
        var stopwatch = Stopwatch.StartNew();
        var reporter = new RecordingReporter();
        var problem = new ResnetCamProblem();
        var context = reporter.ContextFor(problem, """{"trainBackbone": false}""", ResnetCamTestEnvironment.Paths);
        problem.Run(context);
        return (context, reporter, stopwatch.Elapsed);
    }, LazyThreadSafetyMode.ExecutionAndPublication);

    public static (RunContext Context, RecordingReporter Reporter, TimeSpan Elapsed) Run => Lazy.Value;
}

public class HeadOnlyTrainingTests(ITestOutputHelper output)
{
    [Fact]
    public void Head_only_training_with_defaults_reaches_90_percent_on_the_held_out_catsdogs()
    {
        var (context, reporter, elapsed) = TrainedHeadOnlyModel.Run;
        var epochs = reporter.Events.Where(e => e.Kind == RunEventKinds.Epoch).ToList();
        output.WriteLine($"testAcc {context.Results["testAcc"]:F4}, testLoss {context.Results["testLoss"]:F4}, {context.Results["trainImages"]} train / {context.Results["testImages"]} test, {elapsed.TotalSeconds:F0} s");
        foreach (var e in reporter.Events.Where(e => e.Kind is RunEventKinds.Log or RunEventKinds.Epoch))
            output.WriteLine($"{e.Kind} {e.Message} {string.Join(", ", e.Metrics?.Select(m => $"{m.Key}={m.Value:F4}") ?? [])}");

        Assert.Equal(3, epochs.Count);
        Assert.All(epochs, e => Assert.True(e.Metrics!.ContainsKey("loss") && e.Metrics.ContainsKey("trainAcc")));
        Assert.True(epochs[^1].Metrics!["loss"] < epochs[0].Metrics!["loss"]);
        Assert.Equal(188, context.Results["testImages"]);
        Assert.True(context.Results["testAcc"] >= 0.90, $"testAcc {context.Results["testAcc"]}");
        Assert.Contains(reporter.Events, e => e.Kind == RunEventKinds.Progress && e.Message!.Contains("features"));
        Assert.Contains(reporter.Events, e => e.Kind == RunEventKinds.Log && e.Message!.Contains("bgr255-minus-mean-image") && e.Message.Contains("224px"));
    }

    [Fact]
    public void The_saved_model_records_backbone_preprocessing_and_size_and_its_gallery_puts_mistakes_first()
    {
        _ = TrainedHeadOnlyModel.Run;
        var store = new TrainedModelStore(ResnetCamTestEnvironment.Paths);

        var model = store.Find(null)!;
        var gallery = store.Gallery(model.RunId);

        Assert.Equal(("cntk-resnet18", "bgr255-minus-mean-image", 224, false), (model.Backbone, model.Preprocessing, model.ImageSize, model.TrainBackbone));
        Assert.NotEmpty(gallery);
        Assert.Equal(gallery.OrderByDescending(g => g.Mistake).Select(g => g.File), gallery.Select(g => g.File));
        Assert.NotNull(store.GalleryImage(model.RunId, gallery[0].File));
    }
}
