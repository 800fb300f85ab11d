using System.Diagnostics;
using LabDashboard.Engine.Data;
using LabDashboard.Engine.Problems.GanMnist8;
using LabDashboard.Engine.Runs;

namespace LabDashboard.Tests.Engine.GanMnist8;

/// <summary>
/// Shared by the GAN tests: MNIST from the shared test data, a temporary <c>State:Root</c> in which
/// the digit classifier is trained once, a short seeded run and a default-length (exam) run.
/// </summary>
public sealed class GanMnistFixture : IDisposable
{
    private readonly TempFolder _state = new();
    private readonly Lazy<GanRunRecord> _shortRun;
    private readonly Lazy<GanRunRecord> _defaultRun;

    public GanMnistFixture()
    {
        NativeHeap.KeepFreedMemory(); // as the engine's host does at start-up
        TestData.Path("mnist");
        Paths = new LabPaths([TestData.Root], _state.Path);
        Mnist = ImageDatasetLoader.Load(DatasetLocator.Find(ImageDatasets.Mnist, Paths.DataRoots, null)
            ?? throw new InvalidOperationException("MNIST is missing from " + TestData.Root));
        ClassifierTraining = TrainClassifier();
        _shortRun = new(() => Run(ShortRunSettings));
        _defaultRun = new(() => Run(null));
    }

    /// <summary>Settings of the short seeded run.</summary>
    public const string ShortRunSettings = """{"epochs": 20, "gridEvery": 10}""";

    public LabPaths Paths { get; }
    public ImageDataset Mnist { get; }

    /// <summary>The reporter that saw the classifier being trained (into the empty state folder).</summary>
    public RecordingReporter ClassifierTraining { get; }

    /// <summary>20 epochs, a grid every 10, run id <c>test-run</c> (its generator is saved).</summary>
    public GanRunRecord ShortRun => _shortRun.Value;

    /// <summary>The exam's settings: 1000 full-batch epochs.</summary>
    public GanRunRecord DefaultRun => _defaultRun.Value;

    /// <summary>Runs the problem in the shared state folder, sampling RSS before every training step.</summary>
    public GanRunRecord Run(string? settingsJson, string runId = "test-run")
    {
        var rss = new List<long>();
        var reporter = new RecordingReporter();
        var context = reporter.ContextFor(new GanMnist8Problem(), settingsJson, Paths);
        context = new RunContext(runId, context.Settings, context.Device, Paths, reporter);
        reporter.OnCheckpoint = () => rss.Add(Process.GetCurrentProcess().WorkingSet64);
        var clock = Stopwatch.StartNew();
        new GanMnist8Problem().Run(context);
        return new GanRunRecord(context, reporter, rss, clock.Elapsed);
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
public sealed record GanRunRecord(RunContext Context, RecordingReporter Reporter, IReadOnlyList<long> RssPerStep, TimeSpan Elapsed);
