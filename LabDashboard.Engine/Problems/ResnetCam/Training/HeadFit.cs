using LabDashboard.Engine.Runs;
using LabDashboard.Engine.Training;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace LabDashboard.Engine.Problems.ResnetCam.Training;

/// <summary>How a head is fitted: the run's optimiser settings and the head-only knobs.</summary>
internal sealed record HeadFitOptions(int MaxEpochs, int BatchSize, double LearningRate, HeadTrainingSettings Head, int Seed)
{
    public static HeadFitOptions From(ResnetCamSettings s) => new(s.Epochs, s.BatchSize, s.LearningRate, s.Head, s.Seed);
}

/// <summary>One epoch of a head fit; the validation numbers are null without a validation split.</summary>
internal readonly record struct HeadEpoch(int Epoch, long Steps, double Loss, double TrainAccuracy, double? ValidationLoss, double? ValidationAccuracy);

/// <summary>A fitted Linear(512, 1) head on the CPU, and the epoch it was taken from.</summary>
internal sealed record FittedHead(Tensor Weight, Tensor Bias, int BestEpoch, int EpochsRun) : IDisposable
{
    /// <summary>One logit per row of <paramref name="features"/> [N, 512] (CPU).</summary>
    public Tensor Logits(Tensor features) => functional.linear(features, Weight, Bias).squeeze(1);

    public void Dispose()
    {
        Weight.Dispose();
        Bias.Dispose();
    }
}

/// <summary>
/// Fits a Linear(512, 1) head on cached features with Adam (weight decay), drawing each epoch's rows by
/// the given weights (breed balance) and keeping the epoch with the lowest validation loss; training stops
/// when <see cref="HeadTrainingSettings.Patience"/> epochs bring no better one.
/// The head starts at zero (the loss is convex in it), so a fit draws nothing from libtorch's global generator.
/// </summary>
internal static class HeadFit
{
    private const int CollectEvery = 1000; // a head step makes little native garbage

    /// <param name="context">The run (pause, cancel, device).</param>
    /// <param name="train">Training rows.</param>
    /// <param name="rowWeights">Sampling weight of each training row; null = every row once per epoch.</param>
    /// <param name="validation">Rows that pick the epoch; null = train all epochs and keep the last.</param>
    /// <param name="options">The settings.</param>
    /// <param name="onEpoch">Called after each epoch.</param>
    public static FittedHead Fit(RunContext context, HeadRows train, float[]? rowWeights, HeadRows? validation, HeadFitOptions options, Action<HeadEpoch>? onEpoch = null)
    {
        var device = context.Device.Device;
        using var head = Linear(512, 1).to(device);
        using (no_grad())
        {
            head.weight!.zero_();
            head.bias!.zero_();
        }
        using var optimizer = new OptimizerSpec(OptimizerSpec.Adam, options.LearningRate, options.Head.WeightDecay).Create(head.parameters());
        using var batches = new ShuffledBatches(train.Count, options.BatchSize, options.Seed);
        using var draws = new Generator((ulong)options.Seed);
        using var weights = rowWeights is null ? null : tensor(rowWeights);
        Tensor Forward(Tensor features) => head.call(features).squeeze(1);
        var step = new ClassificationStep(Forward, optimizer, ClassificationLoss.BinaryWithLogits);
        var scaffold = new TrainingScaffold(context, CollectEvery);
        var best = (Loss: double.PositiveInfinity, Epoch: 0, Weight: (Tensor?)null, Bias: (Tensor?)null);
        var epoch = 0;
        while (++epoch <= options.MaxEpochs)
        {
            var (loss, accuracy) = RunEpoch(step, scaffold, batches, train, weights, draws, device);
            var checkedOn = validation is null ? null : ChunkedEvaluation.Classify(Forward, validation.Features, validation.Labels, ClassificationLoss.BinaryWithLogits);
            onEpoch?.Invoke(new HeadEpoch(epoch, scaffold.Steps, loss, accuracy, checkedOn?.Loss, checkedOn?.Accuracy));
            if (checkedOn is null || checkedOn.Loss < best.Loss)
            {
                best.Weight?.Dispose();
                best.Bias?.Dispose();
                best = (checkedOn?.Loss ?? double.PositiveInfinity, epoch, Copy(head.weight!), Copy(head.bias!));
            }
            else if (options.Head.Patience > 0 && epoch - best.Epoch >= options.Head.Patience) break;
        }
        return new FittedHead(best.Weight!, best.Bias!, best.Epoch, Math.Min(epoch, options.MaxEpochs));
    }

    private static EpochOutcome RunEpoch(ClassificationStep step, TrainingScaffold scaffold, ShuffledBatches batches, HeadRows train,
        Tensor? weights, Generator draws, Device device)
    {
        if (weights is null) return step.RunEpoch(scaffold, batches, device, batch => (batch.Select(train.Features), batch.Select(train.Labels)));
        using var drawn = multinomial(weights, train.Count, replacement: true, generator: draws);
        using var rows = drawn.to(device);
        using var features = train.Features.index_select(0, rows);
        using var labels = train.Labels.index_select(0, rows);
        return step.RunEpoch(scaffold, batches, device, batch => (batch.Select(features), batch.Select(labels)));
    }

    private static Tensor Copy(Tensor parameter) => parameter.detach().cpu().clone();
}
