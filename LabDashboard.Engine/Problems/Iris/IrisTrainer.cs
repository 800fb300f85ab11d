using LabDashboard.Engine.Runs;
using LabDashboard.Engine.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace LabDashboard.Engine.Problems.Iris;

/// <summary>Holds the iris tensors, model and optimiser for one run; trains an epoch and evaluates.</summary>
internal sealed class IrisTrainer : IDisposable
{
    private readonly Tensor _xTrain, _yTrain, _xTest, _yTest, _xAll;
    private readonly TorchSharp.Modules.Sequential _model;
    private readonly optim.Optimizer _optimizer;
    private readonly ShuffledBatches _batches;
    private readonly ClassificationStep _step;

    public IrisTrainer(IReadOnlyList<IrisRow> rows, RowSplit split, IrisTrainerOptions options, Device device)
    {
        _xTrain = Features(rows, split.Train, device);
        _yTrain = Labels(rows, split.Train, device);
        _xTest = Features(rows, split.Test, device);
        _yTest = Labels(rows, split.Test, device);
        _xAll = Features(rows, Enumerable.Range(0, rows.Count).ToList(), device);
        _model = IrisModel.Build(options.Hidden, options.Activation, options.Dropout);
        _model.to(device);
        _optimizer = new OptimizerSpec(options.Optimizer, options.Lr).Create(_model.parameters());
        _batches = new ShuffledBatches(split.Train.Count, options.BatchSize, options.Seed);
        _step = new ClassificationStep(_model.forward, _optimizer, ClassificationLoss.CrossEntropy);
    }

    /// <summary>The model (the benchmark exports its initial weights).</summary>
    public TorchSharp.Modules.Sequential Model => _model;

    /// <summary>One pass over the training rows; returns the mean training loss.</summary>
    public double TrainEpoch(TrainingScaffold scaffold)
    {
        _model.train();
        return _step.RunEpoch(scaffold, _batches, _xTrain.device, batch => (batch.Select(_xTrain), batch.Select(_yTrain))).Loss;
    }

    public (double Loss, double Accuracy) EvaluateTrain() => Evaluate(_xTrain, _yTrain);

    public (double Loss, double Accuracy) EvaluateTest() => Evaluate(_xTest, _yTest);

    /// <summary>Predicted species of every row of the table.</summary>
    public long[] PredictAll()
    {
        _model.eval();
        return ChunkedEvaluation.Predict(_model.forward, _xAll, ClassificationLoss.CrossEntropy);
    }

    private (double Loss, double Accuracy) Evaluate(Tensor x, Tensor y)
    {
        _model.eval();
        var evaluation = ChunkedEvaluation.Classify(_model.forward, x, y, ClassificationLoss.CrossEntropy);
        return (evaluation.Loss, evaluation.Accuracy);
    }

    private static Tensor Features(IReadOnlyList<IrisRow> rows, IReadOnlyList<int> pick, Device device)
    {
        var values = pick.SelectMany(i => new[] { rows[i].SepalLength, rows[i].SepalWidth, rows[i].PetalLength, rows[i].PetalWidth }).ToArray();
        return tensor(values, [pick.Count, IrisModel.Inputs]).to(device);
    }

    private static Tensor Labels(IReadOnlyList<IrisRow> rows, IReadOnlyList<int> pick, Device device) =>
        tensor(pick.Select(i => (long)rows[i].Species).ToArray(), [pick.Count]).to(device);

    public void Dispose()
    {
        foreach (var t in new[] { _xTrain, _yTrain, _xTest, _yTest, _xAll }) t.Dispose();
        _optimizer.Dispose();
        _model.Dispose();
        _batches.Dispose();
    }
}

/// <summary>What the trainer needs from the settings.</summary>
internal sealed record IrisTrainerOptions(IReadOnlyList<int> Hidden, string Activation, double Dropout, string Optimizer, double Lr, int BatchSize, long Seed);
