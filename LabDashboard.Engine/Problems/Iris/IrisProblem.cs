using LabDashboard.Engine.Problems.Classification;
using LabDashboard.Engine.Runs;
using TorchSharp;
using S = LabDashboard.Engine.Problems.Iris.IrisSettings;

namespace LabDashboard.Engine.Problems.Iris;

/// <summary>
/// Problem 5: an MLP classifies Fisher's iris after a train/test split identical to pandas'
/// <c>df.sample(frac, random_state)</c>. Streams loss and accuracies; ends with a confusion matrix,
/// per-class accuracy and a petal scatter coloured by prediction.
/// </summary>
public sealed class IrisProblem : IProblem
{
    /// <summary>The exam's bar for test accuracy.</summary>
    public const double RequiredTestAccuracy = 0.70;

    /// <inheritdoc />
    public ProblemDescriptor Descriptor { get; } = new(
        Id: "iris",
        Number: 5,
        Title: "Iris classifier",
        Summary: "Split iris.csv exactly as pandas' df.sample(frac=0.8, random_state=42) does, train an MLP on the four measurements and reach at least 70 % test accuracy.",
        Settings: S.Schema,
        Metrics:
        [
            new("loss", "Training loss", "mean cross-entropy over the epoch"),
            new("trainAcc", "Train accuracy"),
            new("testAcc", "Test accuracy"),
            new("testLoss", "Test loss"),
        ],
        Results: [new("trainAcc", "Train accuracy"), new("testAcc", "Test accuracy"), new("testLoss", "Test loss")],
        SmallTensors: true);

    /// <inheritdoc />
    public void Run(RunContext context)
    {
        var settings = context.Settings;
        var rows = LoadRows(context);
        var split = PandasSplit.Sample(rows.Count, settings.Double(S.TrainFrac), settings.Int(S.SplitSeed));
        if (split.Test.Count == 0)
            throw new InvalidOperationException($"trainFrac {settings.Double(S.TrainFrac)} leaves no test rows; choose a smaller fraction.");
        context.Data("split", new IrisSplitData(split.Train, split.Test, rows));

        torch.random.manual_seed(settings.Int(S.Seed));
        using var trainer = new IrisTrainer(rows, split, Options(context), context.Device.Device);
        Train(context, trainer);
        Finish(context, trainer, rows, split);
    }

    private static IReadOnlyList<IrisRow> LoadRows(RunContext context)
    {
        var upload = context.Settings.Text(S.DataFile).Trim();
        if (upload.Length == 0) return IrisTable.Load();
        context.Log($"Reading the uploaded CSV {upload}.");
        return IrisUploads.Load(context.Paths, upload);
    }

    private static IrisTrainerOptions Options(RunContext context)
    {
        var s = context.Settings;
        return new IrisTrainerOptions(s.IntList(S.Hidden), s.Text(S.Activation), s.Double(S.Dropout), s.Text(S.Optimizer), s.Double(S.Lr), s.Int(S.BatchSize), s.Int(S.Seed));
    }

    private static void Train(RunContext context, IrisTrainer trainer)
    {
        var scaffold = new TrainingScaffold(context);
        var epochs = context.Settings.Int(S.Epochs);
        var reportEvery = context.Settings.Int(S.ReportEvery);
        for (var epoch = 1; epoch <= epochs; epoch++)
        {
            var loss = trainer.TrainEpoch(scaffold);
            if (epoch % reportEvery != 0 && epoch != epochs) continue;
            var (_, trainAcc) = trainer.EvaluateTrain();
            var (testLoss, testAcc) = trainer.EvaluateTest();
            context.Epoch(epoch, scaffold.Steps, new Dictionary<string, double>
            {
                ["loss"] = loss, ["trainAcc"] = trainAcc, ["testAcc"] = testAcc, ["testLoss"] = testLoss,
            });
        }
    }

    private static void Finish(RunContext context, IrisTrainer trainer, IReadOnlyList<IrisRow> rows, RowSplit split)
    {
        var (_, trainAcc) = trainer.EvaluateTrain();
        var (testLoss, testAcc) = trainer.EvaluateTest();
        var predicted = trainer.PredictAll();
        context.Data("confusion", ConfusionData.From(IrisTable.SpeciesNames, split.Test.Select(r => (long)rows[r].Species).ToList(), split.Test.Select(r => predicted[r]).ToList()));
        context.Data("scatter", Scatter(rows, predicted, split));
        context.Result("trainAcc", trainAcc);
        context.Result("testAcc", testAcc);
        context.Result("testLoss", testLoss);
        context.Check("testAcc", testAcc >= RequiredTestAccuracy, $"test accuracy {testAcc:0.000} (needs ≥ {RequiredTestAccuracy:0.00})");
    }

    private static IrisScatterData Scatter(IReadOnlyList<IrisRow> rows, long[] predicted, RowSplit split)
    {
        var test = split.Test.ToHashSet();
        return new IrisScatterData(
            rows.Select(r => r.Row).ToList(),
            rows.Select(r => r.PetalLength).ToList(),
            rows.Select(r => r.PetalWidth).ToList(),
            rows.Select(r => r.Species).ToList(),
            predicted.Select(p => (int)p).ToList(),
            rows.Select(r => test.Contains(r.Row)).ToList(),
            IrisTable.SpeciesNames);
    }
}
