using LabDashboard.Engine.Runs;
using TorchSharp;
using static TorchSharp.torch;

namespace LabDashboard.Engine.Problems.Iris;

/// <summary>Holds the iris tensors, model and optimiser for one run; trains an epoch and evaluates.</summary>
internal sealed class IrisTrainer : IDisposable
{
    private readonly Tensor _xTrain, _yTrain, _xTest, _yTest, _xAll;
    private readonly TorchSharp.Modules.Sequential _model;
    private readonly optim.Optimizer _optimizer;
    private readonly nn.Module<Tensor, Tensor, Tensor> _lossFunction = nn.CrossEntropyLoss();
    private readonly Generator _shuffle;
    private readonly int _batchSize;

    public IrisTrainer(IReadOnlyList<IrisRow> rows, RowSplit split, IrisTrainerOptions options, Device device)
    {
        _xTrain = Features(rows, split.Train, device);
        _yTrain = Labels(rows, split.Train, device);
        _xTest = Features(rows, split.Test, device);
        _yTest = Labels(rows, split.Test, device);
        _xAll = Features(rows, Enumerable.Range(0, rows.Count).ToList(), device);
        _model = IrisModel.Build(options.Hidden, options.Activation, options.Dropout);
        _model.to(device);
        _optimizer = IrisModel.Optimizer(_model, options.Optimizer, options.Lr);
        _shuffle = new Generator((ulong)options.Seed);
        _batchSize = options.BatchSize <= 0 ? split.Train.Count : Math.Min(options.BatchSize, split.Train.Count);
    }

    /// <summary>The model (the benchmark exports its initial weights).</summary>
    public TorchSharp.Modules.Sequential Model => _model;

    /// <summary>One pass over the training rows; returns the mean training loss.</summary>
    public double TrainEpoch(TrainingScaffold scaffold)
    {
        _model.train();
        var n = (int)_xTrain.shape[0];
        if (_batchSize >= n) return scaffold.Step(() => Step(_xTrain, _yTrain));
        using var order = randperm(n, generator: _shuffle).to(_xTrain.device);
        double total = 0;
        for (var start = 0; start < n; start += _batchSize)
        {
            var begin = start;
            var count = Math.Min(_batchSize, n - begin);
            total += scaffold.Step(() =>
            {
                var batch = order.narrow(0, begin, count);
                return Step(_xTrain.index_select(0, batch), _yTrain.index_select(0, batch)) * count;
            });
        }
        return total / n;
    }

    private float Step(Tensor x, Tensor y)
    {
        _optimizer.zero_grad();
        var loss = _lossFunction.forward(_model.forward(x), y);
        loss.backward();
        _optimizer.step();
        return loss.item<float>();
    }

    public (double Loss, double Accuracy) EvaluateTrain() => Evaluate(_xTrain, _yTrain);

    public (double Loss, double Accuracy) EvaluateTest() => Evaluate(_xTest, _yTest);

    /// <summary>Predicted species of every row of the table.</summary>
    public long[] PredictAll()
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        _model.eval();
        return _model.forward(_xAll).argmax(1).cpu().data<long>().ToArray();
    }

    private (double Loss, double Accuracy) Evaluate(Tensor x, Tensor y)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        _model.eval();
        var logits = _model.forward(x);
        var loss = _lossFunction.forward(logits, y).item<float>();
        var accuracy = logits.argmax(1).eq(y).to_type(ScalarType.Float32).mean().item<float>();
        return (loss, accuracy);
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
        _lossFunction.Dispose();
        _shuffle.Dispose();
    }
}

/// <summary>What the trainer needs from the settings.</summary>
internal sealed record IrisTrainerOptions(IReadOnlyList<int> Hidden, string Activation, double Dropout, string Optimizer, double Lr, int BatchSize, long Seed);
