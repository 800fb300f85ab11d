using LabDashboard.Engine.Runs.Artifacts;
using LabDashboard.Engine.Data;
using LabDashboard.Engine.Problems.Classification;
using LabDashboard.Engine.Problems.FashionCnn;
using LabDashboard.Engine.Runs;
using LabDashboard.Engine.Settings;
using LabDashboard.Tests.Engine.Data;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace LabDashboard.Tests.Engine.Problems.FashionCnn;

[Collection(SeededTorchCollection.Name)]
public sealed class FashionProblemTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private LabPaths Paths => new([TestData.Root], _temp.Sub("state"));

    private (RecordingReporter Reporter, RunContext Context) Run(string settings)
    {
        var reporter = new RecordingReporter();
        var context = reporter.ContextFor(new FashionProblem(), settings, Paths);
        new FashionProblem().Run(context);
        return (reporter, context);
    }

    [Trait("Category", "Slow")]
    [Fact]
    public void One_full_epoch_of_the_small_cnn_reaches_80_percent_test_accuracy()
    {
        var (reporter, context) = Run("""{"architecture": "small", "epochs": 1}""");

        Assert.True(context.Results["testAcc"] >= 0.80, $"testAcc {context.Results["testAcc"]}");
        Assert.Equal(235, reporter.OfKind(RunEventKinds.Batch).Count());
        Assert.All(context.Checks, c => Assert.True(c.Passed, c.Detail));
    }

    [Fact]
    public void A_short_run_streams_batches_and_epochs_then_publishes_what_the_page_shows()
    {
        var (reporter, context) = Run("""{"architecture": "small", "epochs": 2, "trainSubset": 1024, "batchSize": 128}""");

        var batches = reporter.OfKind(RunEventKinds.Batch).ToList();
        Assert.Equal(16, batches.Count);
        Assert.All(batches, b => Assert.True(b.Metrics!.ContainsKey("loss") && b.Metrics.ContainsKey("samplesPerSec") && b.Metrics.ContainsKey("etaSeconds")));
        var epochs = reporter.OfKind(RunEventKinds.Epoch).ToList();
        Assert.Equal([1, 2], epochs.Select(e => e.Epoch!.Value));
        Assert.All(epochs, e => Assert.True(e.Metrics!.Keys.ToHashSet().IsSupersetOf(["loss", "trainAcc", "testAcc", "samplesPerSec", "etaSeconds"])));
        Assert.Equal(0, epochs[^1].Metrics!["etaSeconds"]);

        var source = (DatasetSourceData)reporter.DataNamed("dataset").Last();
        Assert.Equal(Path.Combine(TestData.Root, "fashion-mnist"), source.Folder);
        var confusion = (ConfusionData)reporter.DataNamed("confusion").Last();
        Assert.Equal("Ankle boot", confusion.Classes[9]);
        Assert.Equal(10000, confusion.Matrix.Sum(r => r.Sum()));
        Assert.Equal(context.Results["testAcc"], confusion.Accuracy, 9);

        var wrong = (MisclassifiedData)reporter.DataNamed("misclassified").Last();
        Assert.Equal(36, wrong.Samples.Count);
        Assert.All(wrong.Samples, s => Assert.NotEqual(s.TrueLabel, s.PredictedLabel));
        Assert.Equal(10000 - confusion.Matrix.Select((row, i) => row[i]).Sum(), wrong.TotalMisclassified);
        var (mime, png) = reporter.Images[("misclassified-0", 2)];
        Assert.Equal("image/png", mime);
        using (var image = Image.Load<L8>(png)) Assert.Equal((28, 28), (image.Width, image.Height));
        Assert.Equal(ImageRef.UrlFor("test-run", "misclassified-0", 2), wrong.Samples[0].ImageUrl);

        var filters = (MapGridData)reporter.DataNamed("filters").Last();
        Assert.Equal(16, filters.Count);
        Assert.True(reporter.Images.ContainsKey(("filters", 2)));
        Assert.True(reporter.Images.ContainsKey(("featureMaps", 2)));
        Assert.Equal(16, ((MapGridData)reporter.DataNamed("featureMaps").Last()).Count);
    }

    [Trait("Category", "Slow")]
    [Fact]
    public void The_saved_model_loads_back_predicts_like_the_trained_one_and_inverts_light_images()
    {
        var (reporter, context) = Run("""{"architecture": "small", "epochs": 1, "trainSubset": 2048}""");
        var saved = (SavedModelData)reporter.DataNamed("model").Last();
        var confusion = (ConfusionData)reporter.DataNamed("confusion").Last();

        using var predictor = FashionPredictor.LoadLatest(new DiskArtifactStore(Paths))!;
        using var data = ImageDatasetLoader.Load(DatasetLocator.Find(ImageDatasets.FashionMnist, [TestData.Root], null)!);
        using var logits = predictor.Logits(data.TestImages);
        var accuracy = logits.argmax(1).eq(data.TestLabels).to_type(TorchSharp.torch.ScalarType.Float32).mean().item<float>();

        Assert.Equal(FashionModelStore.FolderOf("test-run"), saved.Folder);
        Assert.Equal("test-run", predictor.Info.RunId);
        Assert.Equal(context.Results["testAcc"], accuracy, 4);
        Assert.Equal(confusion.Accuracy, predictor.Info.TestAccuracy, 9);

        var pixels = data.TestImages[1, 0].mul(255).round().to_type(TorchSharp.torch.ScalarType.Byte).data<byte>().ToArray();
        var dark = predictor.Predict(Png(pixels, 28));
        var light = predictor.Predict(Png([.. pixels.Select(p => (byte)(255 - p))], 28));
        Assert.False(dark.Inverted);
        Assert.True(light.Inverted);
        Assert.Equal(dark.Predicted, light.Predicted);
        Assert.Equal(1.0, dark.Probabilities.Sum(), 4);
        Assert.Equal(data.ClassNames[dark.Predicted], dark.PredictedName);
        Assert.NotEmpty(predictor.FeatureMapsPng(Png(pixels, 28)));
    }

    [Fact]
    public void A_custom_stack_without_a_conv_is_refused_naming_the_setting()
    {
        // Refused when the settings are bound, before any run exists.
        var error = Assert.Throws<SettingsValidationException>(() => Run("""{"architecture": "custom", "layers": "flatten linear(10)"}"""));

        Assert.Contains("'layers'", error.Message);
        Assert.Contains("Conv2d", error.Message);
    }

    private static byte[] Png(byte[] gray, int side)
    {
        using var image = Image.LoadPixelData<L8>(gray, side, side);
        using var output = new MemoryStream();
        image.SaveAsPng(output);
        return output.ToArray();
    }

    public void Dispose() => _temp.Dispose();
}
