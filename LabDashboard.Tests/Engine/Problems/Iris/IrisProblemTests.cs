using LabDashboard.Engine.Problems.Classification;
using LabDashboard.Engine.Problems.Iris;
using LabDashboard.Engine.Runs;
using LabDashboard.Tests.Engine.Data;

namespace LabDashboard.Tests.Engine.Problems.Iris;

[Collection(SeededTorchCollection.Name)]
public sealed class IrisProblemTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private LabPaths Paths => new([_temp.Sub("data")], _temp.Sub("state"));

    private RecordingReporter Run(string? settings)
    {
        var reporter = new RecordingReporter();
        new IrisProblem().Run(reporter.ContextFor(new IrisProblem(), settings, Paths));
        return reporter;
    }

    [Fact]
    public void Iris_defaults_reach_at_least_93_percent_test_accuracy()
    {
        var reporter = new RecordingReporter();
        var context = reporter.ContextFor(new IrisProblem(), null, Paths);

        new IrisProblem().Run(context);

        Assert.True(context.Results["testAcc"] >= 0.93, $"testAcc {context.Results["testAcc"]}");
        Assert.All(context.Checks, c => Assert.True(c.Passed, c.Detail));
        Assert.Single(context.Checks);
    }

    [Fact]
    public void Iris_streams_loss_and_accuracies_at_every_point()
    {
        var epochs = Run("""{"epochs": 20, "reportEvery": 5}""").OfKind(RunEventKinds.Epoch).ToList();

        Assert.Equal([5, 10, 15, 20], epochs.Select(e => e.Epoch!.Value));
        Assert.All(epochs, e => Assert.True(e.Metrics!.Keys.ToHashSet().IsSupersetOf(["loss", "trainAcc", "testAcc"])));
        Assert.Equal(20, epochs[^1].Step);
    }

    [Fact]
    public void Iris_publishes_the_split_confusion_matrix_and_petal_scatter()
    {
        var reporter = Run("""{"epochs": 30}""");

        var split = (IrisSplitData)reporter.DataNamed("split").Last();
        Assert.Equal([73, 18, 118, 78, 76, 31, 64, 141, 68, 82], split.Train.Take(10));
        Assert.Equal(30, split.Test.Count);
        var confusion = (ConfusionData)reporter.DataNamed("confusion").Last();
        Assert.Equal(["setosa", "versicolor", "virginica"], confusion.Classes);
        Assert.Equal(30, confusion.Matrix.Sum(row => row.Sum()));
        Assert.Equal(confusion.Support, confusion.Matrix.Select(row => row.Sum()));
        var scatter = (IrisScatterData)reporter.DataNamed("scatter").Last();
        Assert.Equal(150, scatter.Predicted.Count);
        Assert.Equal(30, scatter.IsTest.Count(t => t));
        var testCorrect = Enumerable.Range(0, 150).Count(i => scatter.IsTest[i] && scatter.Predicted[i] == scatter.Species[i]);
        Assert.Equal(confusion.Accuracy, testCorrect / 30.0, 6);
    }

    [Fact]
    public void Iris_mini_batches_with_the_same_seed_give_the_same_metrics()
    {
        const string settings = """{"epochs": 10, "batchSize": 16, "reportEvery": 10, "dropout": 0.2, "hidden": [8, 8]}""";

        var first = Run(settings).OfKind(RunEventKinds.Epoch).Single().Metrics!;
        var second = Run(settings).OfKind(RunEventKinds.Epoch).Single().Metrics!;

        Assert.Equal(first, second);
    }

    [Fact]
    public void Iris_refuses_a_fraction_that_leaves_no_test_rows()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Run("""{"trainFrac": 1.0}"""));
        Assert.Contains("no test rows", error.Message);
    }

    public void Dispose() => _temp.Dispose();
}
