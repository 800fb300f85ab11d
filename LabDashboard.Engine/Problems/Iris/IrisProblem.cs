using LabDashboard.Engine.Problems.Classification;
using LabDashboard.Engine.Runs;
using TorchSharp;

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
        Settings: IrisSettings.Schema,
        Metrics: IrisMetrics.Epoch,
        Results: IrisMetrics.Results,
        SmallTensors: true)
    {
        ProgressSetting = IrisSettings.Names.Epochs,
        ReportEverySetting = IrisSettings.Names.ReportEvery,
    };

    /// <inheritdoc />
    public void Run(RunContext context)
    {
        var settings = IrisSettings.From(context.Settings);
        var rows = LoadRows(context, settings.DataFile);
        var split = PandasSplit.Sample(rows.Count, settings.TrainFrac, settings.SplitSeed);
        if (split.Test.Count == 0)
            throw new InvalidOperationException($"trainFrac {settings.TrainFrac} leaves no test rows; choose a smaller fraction.");
        context.Data(IrisSplitData.PayloadName, new IrisSplitData(split.Train, split.Test, rows));

        torch.random.manual_seed(settings.Seed);
        using var trainer = new IrisTrainer(rows, split, Options(settings), context.Device.Device);
        Train(context, settings, trainer);
        Finish(context, trainer, rows, split);
    }

    private static IReadOnlyList<IrisRow> LoadRows(RunContext context, string dataFile)
    {
        var upload = dataFile.Trim();
        if (upload.Length == 0) return IrisTable.Load();
        context.Log(IrisTexts.ReadingUpload.Format(upload));
        return IrisUploads.Load(context.Paths, context.Owner, upload);
    }

    private static IrisTrainerOptions Options(IrisSettings s) =>
        new(s.Hidden, s.Activation, s.Dropout, s.Optimizer, s.Lr, s.BatchSize, s.Seed);

    private static void Train(RunContext context, IrisSettings settings, IrisTrainer trainer)
    {
        var scaffold = new TrainingScaffold(context);
        var (epochs, reportEvery) = (settings.Epochs, settings.ReportEvery);
        for (var epoch = 1; epoch <= epochs; epoch++)
        {
            var loss = trainer.TrainEpoch(scaffold);
            if (epoch % reportEvery != 0 && epoch != epochs) continue;
            var (_, trainAcc) = trainer.EvaluateTrain();
            var (testLoss, testAcc) = trainer.EvaluateTest();
            context.Epoch(epoch, scaffold.Steps, new Dictionary<string, double>
            {
                [IrisMetrics.Loss] = loss, [IrisMetrics.TrainAcc] = trainAcc, [IrisMetrics.TestAcc] = testAcc, [IrisMetrics.TestLoss] = testLoss,
            });
        }
    }

    private static void Finish(RunContext context, IrisTrainer trainer, IReadOnlyList<IrisRow> rows, RowSplit split)
    {
        var (_, trainAcc) = trainer.EvaluateTrain();
        var (testLoss, testAcc) = trainer.EvaluateTest();
        var predicted = trainer.PredictAll();
        context.Data(ConfusionData.PayloadName, ConfusionData.From(IrisTable.SpeciesNames, split.Test.Select(r => (long)rows[r].Species).ToList(), split.Test.Select(r => predicted[r]).ToList()));
        context.Data(IrisScatterData.PayloadName, Scatter(rows, predicted, split));
        context.Result(IrisMetrics.TrainAcc, trainAcc);
        context.Result(IrisMetrics.TestAcc, testAcc);
        context.Result(IrisMetrics.TestLoss, testLoss);
        context.Check(IrisTexts.TestAccCheck.Format(), testAcc >= RequiredTestAccuracy,
            IrisTexts.TestAccDetail.Format($"{testAcc:0.000}", $"{RequiredTestAccuracy:0.00}"));
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
