using LabDashboard.Engine.Data;
using LabDashboard.Engine.Problems.GanMnist8;
using LabDashboard.Engine.Runs;

namespace LabDashboard.Tests.Engine.Problems.GanMnist8;

/// <summary>
/// Shared by the GAN tests: MNIST from the shared test data, a temporary <c>State:Root</c> in which
/// the digit classifier is trained once, and a short seeded run. The exam's 1000-epoch run and its
/// RSS are asserted by the benchmark (<c>bench gan</c>), not here.
/// </summary>
public sealed class GanMnistFixture : IDisposable
{
    private readonly TempFolder _state = new();
    private readonly Lazy<GanRunRecord> _shortRun;

    public GanMnistFixture()
    {
        NativeHeap.KeepFreedMemory(); // as the engine's host does at start-up
        TestData.Path("mnist");
        Paths = new LabPaths([TestData.Root], _state.Path);
        Mnist = ImageDatasetLoader.Load(DatasetLocator.Find(ImageDatasets.Mnist, Paths.DataRoots, null)
            ?? throw new InvalidOperationException("MNIST is missing from " + TestData.Root));
        ClassifierTraining = TrainClassifier();
        _shortRun = new(() => Run(ShortRunSettings));
    }

    /// <summary>Settings of the short seeded run.</summary>
    public const string ShortRunSettings = """{"epochs": 20, "gridEvery": 10}""";

    public LabPaths Paths { get; }
    public ImageDataset Mnist { get; }

    /// <summary>The reporter that saw the classifier being trained (into the empty state folder).</summary>
    public RecordingReporter ClassifierTraining { get; }

    /// <summary>20 epochs, a grid every 10, run id <c>test-run</c> (its generator is saved).</summary>
    public GanRunRecord ShortRun => _shortRun.Value;

    /// <summary>Runs the problem in the shared state folder.</summary>
    public GanRunRecord Run(string? settingsJson, string runId = "test-run")
    {
        var reporter = new RecordingReporter();
        var context = reporter.ContextFor(new GanMnist8Problem(), settingsJson, Paths);
        context = new RunContext(runId, context.Settings, context.Device, Paths, reporter);
        new GanMnist8Problem().Run(context);
        return new GanRunRecord(context, reporter);
    }

    private RecordingReporter TrainClassifier()
    {
        var reporter = new RecordingReporter();
        var context = reporter.ContextFor(new GanMnist8Problem(), null, Paths);
        var (weights, _) = DigitClassifierProvider.LoadOrTrain(context, new TrainingScaffold(context), Mnist);
        weights.Dispose();
        return reporter;
    }

    public void Dispose()
    {
        Mnist.Dispose();
        _state.Dispose();
    }
}

/// <summary>A finished run: its context (results, checks), events, RSS before each step (bytes) and wall time.</summary>
public sealed record GanRunRecord(RunContext Context, RecordingReporter Reporter);
