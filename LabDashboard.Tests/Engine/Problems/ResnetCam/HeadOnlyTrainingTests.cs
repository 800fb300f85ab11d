using LabDashboard.Engine.Runs.Artifacts;
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
    public void Head_only_training_with_defaults_stops_early_at_its_best_validation_epoch_and_reaches_90_percent_on_the_held_out_catsdogs()
    {
        var (context, reporter, elapsed) = TrainedHeadOnlyModel.Run;
        var epochs = reporter.Events.Where(e => e.Kind == RunEventKinds.Epoch).ToList();
        output.WriteLine($"testAcc {context.Results["testAcc"]:F4}, testLoss {context.Results["testLoss"]:F4}, {context.Results["trainImages"]} train / {context.Results["testImages"]} test, {elapsed.TotalSeconds:F0} s");
        foreach (var e in reporter.Events.Where(e => e.Kind is RunEventKinds.Log or RunEventKinds.Epoch))
            output.WriteLine($"{e.Kind} {e.Message} {string.Join(", ", e.Metrics?.Select(m => $"{m.Key}={m.Value:F4}") ?? [])}");

        var best = (int)context.Results["bestEpoch"];
        Assert.Equal(Math.Min(best + HeadTrainingSettings.Default.Patience, ResnetCamSettings.HeadMaxEpochs), epochs.Count);
        Assert.All(epochs, e => Assert.True(e.Metrics!.ContainsKey("loss") && e.Metrics.ContainsKey("trainAcc") && e.Metrics.ContainsKey("valLoss") && e.Metrics.ContainsKey("valAcc")));
        Assert.Equal(epochs.Min(e => e.Metrics!["valLoss"]), epochs[best - 1].Metrics!["valLoss"]);
        Assert.True(epochs[^1].Metrics!["loss"] < epochs[0].Metrics!["loss"]);
        Assert.Equal(188, context.Results["testImages"]);
        Assert.True(context.Results["testAcc"] >= 0.90, $"testAcc {context.Results["testAcc"]}");
        Assert.DoesNotContain(reporter.Events, e => e.Kind == RunEventKinds.Progress && e.Message!.Contains("augmented views"));
        Assert.Contains(reporter.Events, e => e.Kind == RunEventKinds.Log && e.Message!.Contains("bgr255-minus-mean-image") && e.Message.Contains("224px"));
    }

    [Fact]
    public void Augmented_views_add_their_cached_features_as_rows_of_the_head()
    {
        var reporter = new RecordingReporter();
        var problem = new ResnetCamProblem();
        var context = reporter.ContextFor(problem, """{"trainBackbone": false, "maxImages": 40, "augmentedViews": 2, "unseenBreeds": false}""", ResnetCamTestEnvironment.Paths);

        problem.Run(context);

        Assert.Contains(reporter.Events, e => e.Kind == RunEventKinds.Progress && e.Message!.Contains("2 augmented views per training photo"));
        var rows = Assert.Single(reporter.Events, e => e.Kind == RunEventKinds.Log && e.Message!.StartsWith("Head: ", StringComparison.Ordinal));
        Assert.Contains("× 3 views)", rows.Message);
    }

    /// <summary>Issue 12's "done when": the default CPU run's verdicts hold on breeds it never saw, and it is sure when it is right.</summary>
    [Fact]
    [Trait("Category", "Slow")]
    public void The_default_run_meets_the_targets_on_unseen_breeds_held_out_photos_and_confidence()
    {
        var (context, reporter, elapsed) = TrainedHeadOnlyModel.Run;
        var results = context.Results;
        output.WriteLine($"{elapsed.TotalSeconds:F0} s: " + string.Join(", ", results.Select(r => $"{r.Key} {r.Value:G4}")));

        Assert.True(results["testAcc"] >= 0.98, $"testAcc {results["testAcc"]}");
        Assert.True(results["unseenBreedAcc"] >= 0.95, $"unseenBreedAcc {results["unseenBreedAcc"]}");
        Assert.True(results["meanConfRight"] >= 0.9, $"meanConfRight {results["meanConfRight"]}");
        Assert.Equal(34, results["unseenBreeds"]);
        Assert.All(context.Checks, c => Assert.True(c.Passed, $"{c.Name}: {c.Detail}"));
        Assert.Equal(3, context.Checks.Count);
        var unseen = Assert.IsType<UnseenBreedsData>(Assert.Single(reporter.Events, e => e.Name == UnseenBreedsData.PayloadName).Data);
        Assert.All(unseen.Folds, f => Assert.Equal(10, f.Images));
        Assert.Equal(results["unseenBreedAcc"], unseen.Folds.Average(f => f.Accuracy), 9);
        var reliability = Assert.IsType<ReliabilityData>(Assert.Single(reporter.Events, e => e.Name == ReliabilityData.PayloadName).Data);
        Assert.Equal(188, reliability.Bins.Sum(b => b.Count));
    }

    [Fact]
    public void The_saved_model_records_backbone_preprocessing_and_size_and_its_gallery_puts_mistakes_first()
    {
        _ = TrainedHeadOnlyModel.Run;
        var store = new TrainedModelStore(new DiskArtifactStore(ResnetCamTestEnvironment.Paths));

        var model = store.Find(null)!;
        var gallery = store.Gallery(model.RunId);

        Assert.Equal(("cntk-resnet18", "bgr255-minus-mean-image", 224, false), (model.Backbone, model.Preprocessing, model.ImageSize, model.TrainBackbone));
        Assert.NotEmpty(gallery);
        Assert.Equal(gallery.OrderByDescending(g => g.Mistake).Select(g => g.File), gallery.Select(g => g.File));
        Assert.NotNull(store.GalleryImage(model.RunId, gallery[0].File));
    }
}
