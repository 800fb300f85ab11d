using LabDashboard.Engine.Data;
using LabDashboard.Engine.Runs;
using LabDashboard.Engine.Training;
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
    private readonly Tensor _trainX, _trainY, _testX, _testY;
    private readonly List<Tensor> _owned = [];
    private readonly optim.Optimizer _optimizer;
    private readonly ShuffledBatches _batches;
    private readonly ClassificationStep _step;

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
        _optimizer = new OptimizerSpec(options.Optimizer, options.Lr).Create(Model.parameters());
        _batches = new ShuffledBatches(count, options.BatchSize, options.Seed);
        _step = new ClassificationStep(Model.forward, _optimizer, ClassificationLoss.CrossEntropy);
    }

    public Sequential Model { get; }
    public int TrainCount => (int)_trainX.shape[0];
    public int BatchesPerEpoch => (int)_batches.BatchesPerEpoch;

    /// <summary>One shuffled pass; calls <paramref name="onBatch"/>(loss, samples done) after each step. Returns mean loss and running accuracy.</summary>
    public (double Loss, double Accuracy) TrainEpoch(TrainingScaffold scaffold, Action<double, int> onBatch)
    {
        Model.train();
        var epoch = _step.RunEpoch(scaffold, _batches, _trainX.device, batch => (batch.Select(_trainX), batch.Select(_trainY)),
            report => onBatch(report.Outcome.Loss, (int)report.RowsDone));
        return (epoch.Loss, epoch.Accuracy);
    }

    public FashionEvaluation Evaluate()
    {
        Model.eval();
        var evaluation = ChunkedEvaluation.Classify(Model.forward, _testX, _testY, ClassificationLoss.CrossEntropy);
        return new FashionEvaluation(evaluation.Loss, evaluation.Accuracy, _testY.cpu().data<long>().ToArray(), evaluation.Predicted);
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
        _batches.Dispose();
        Model.Dispose();
    }
}
