using LabDashboard.Engine.Data;
using LabDashboard.Engine.Runs;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace LabDashboard.Engine.Problems.FashionCnn;

/// <summary>Test-set predictions with loss and accuracy.</summary>
internal sealed record FashionEvaluation(double Loss, double Accuracy, long[] Truth, long[] Predicted);

/// <summary>What the trainer needs from the settings.</summary>
internal sealed record FashionTrainerOptions(CnnArchitecture Architecture, string Optimizer, double Lr, int BatchSize, int TrainSubset, long Seed);

/// <summary>One training run's model, optimiser and data views; trains an epoch and evaluates the test set.</summary>
internal sealed class FashionTrainer : IDisposable
{
    private const int EvaluationBatch = 1000;
    private readonly Tensor _trainX, _trainY, _testX, _testY;
    private readonly List<Tensor> _owned = [];
    private readonly optim.Optimizer _optimizer;
    private readonly CrossEntropyLoss _loss = nn.CrossEntropyLoss();
    private readonly Generator _shuffle;
    private readonly int _batchSize;

    /// <summary>Builds the model; call after seeding the global RNG (initial weights come from it).</summary>
    public FashionTrainer(ImageDataset data, FashionTrainerOptions options, Device device)
    {
        var count = options.TrainSubset > 0 ? Math.Min(options.TrainSubset, (int)data.TrainImages.shape[0]) : (int)data.TrainImages.shape[0];
        _trainX = OnDevice(data.TrainImages.narrow(0, 0, count), device);
        _trainY = OnDevice(data.TrainLabels.narrow(0, 0, count), device);
        _testX = OnDevice(data.TestImages, device);
        _testY = OnDevice(data.TestLabels, device);
        Model = CnnModel.Build(options.Architecture);
        Model.to(device);
        _optimizer = options.Optimizer == "sgd" ? optim.SGD(Model.parameters(), options.Lr) : optim.Adam(Model.parameters(), options.Lr);
        _shuffle = new Generator((ulong)options.Seed);
        _batchSize = options.BatchSize;
    }

    public Sequential Model { get; }
    public int TrainCount => (int)_trainX.shape[0];
    public int BatchesPerEpoch => (TrainCount + _batchSize - 1) / _batchSize;

    /// <summary>One shuffled pass; calls <paramref name="onBatch"/>(loss, samples done) after each step. Returns mean loss and running accuracy.</summary>
    public (double Loss, double Accuracy) TrainEpoch(TrainingScaffold scaffold, Action<double, int> onBatch)
    {
        Model.train();
        using var order = randperm(TrainCount, generator: _shuffle).to(_trainX.device);
        double lossSum = 0;
        long correct = 0;
        for (var start = 0; start < TrainCount; start += _batchSize)
        {
            var (begin, size) = (start, Math.Min(_batchSize, TrainCount - start));
            var (loss, hits) = scaffold.Step(() => Step(order.narrow(0, begin, size)));
            lossSum += loss * size;
            correct += hits;
            onBatch(loss, begin + size);
        }
        return (lossSum / TrainCount, (double)correct / TrainCount);
    }

    private (double Loss, long Correct) Step(Tensor indices)
    {
        var x = _trainX.index_select(0, indices);
        var y = _trainY.index_select(0, indices);
        _optimizer.zero_grad();
        var logits = Model.forward(x);
        var loss = _loss.forward(logits, y);
        loss.backward();
        _optimizer.step();
        return (loss.item<float>(), logits.argmax(1).eq(y).sum().item<long>());
    }

    public FashionEvaluation Evaluate()
    {
        Model.eval();
        using var noGrad = no_grad();
        var count = (int)_testX.shape[0];
        var predicted = new long[count];
        double lossSum = 0;
        for (var start = 0; start < count; start += EvaluationBatch)
        {
            using var scope = NewDisposeScope();
            var size = Math.Min(EvaluationBatch, count - start);
            var logits = Model.forward(_testX.narrow(0, start, size));
            lossSum += _loss.forward(logits, _testY.narrow(0, start, size)).item<float>() * size;
            logits.argmax(1).cpu().data<long>().CopyTo(predicted, start);
        }
        var truth = _testY.cpu().data<long>().ToArray();
        var accuracy = (double)truth.Zip(predicted).Count(p => p.First == p.Second) / count;
        return new FashionEvaluation(lossSum / count, accuracy, truth, predicted);
    }

    private Tensor OnDevice(Tensor tensor, Device device)
    {
        if (tensor.device.type == device.type && tensor.device.index == device.index) return tensor;
        var copy = tensor.to(device).DetachFromDisposeScope();
        _owned.Add(copy);
        return copy;
    }

    public void Dispose()
    {
        foreach (var t in _owned) t.Dispose();
        _optimizer.Dispose();
        _loss.Dispose();
        _shuffle.Dispose();
        Model.Dispose();
    }
}
