using LabDashboard.Engine.Runs;
using TorchSharp;
using static TorchSharp.torch;

namespace LabDashboard.Engine.Training;

/// <summary>What one training batch gave: its mean loss, the rows it classified right (before the step) and its size.</summary>
/// <param name="Loss">Mean loss over the batch.</param>
/// <param name="Correct">Rows whose prediction matched the target.</param>
/// <param name="Size">Rows in the batch.</param>
public readonly record struct BatchOutcome(double Loss, long Correct, long Size);

/// <summary>A batch finished within an epoch.</summary>
/// <param name="Index">The batch's number within the epoch, from 0.</param>
/// <param name="RowsDone">Rows trained on so far in this epoch, this batch included.</param>
/// <param name="Outcome">What the batch gave.</param>
public readonly record struct BatchReport(long Index, long RowsDone, BatchOutcome Outcome);

/// <summary>An epoch's mean loss (weighted by batch size) and running accuracy over its training batches.</summary>
/// <param name="Loss">Mean loss per row.</param>
/// <param name="Accuracy">Share of rows classified right, each as the model stood when its batch was seen.</param>
public readonly record struct EpochOutcome(double Loss, double Accuracy);

/// <summary>
/// The supervised classification step every trainer shares: forward, loss, backward, optimiser
/// step, each batch in its own scaffold step (checkpoint, dispose scope, memory care).
/// </summary>
/// <param name="forward">The model: inputs to outputs in the form <paramref name="loss"/> expects.</param>
/// <param name="optimizer">Steps the model's parameters.</param>
/// <param name="loss">How outputs are scored and turned into labels.</param>
public sealed class ClassificationStep(Func<Tensor, Tensor> forward, optim.Optimizer optimizer, ClassificationLoss loss)
{
    /// <summary>One optimiser step on the batch <paramref name="batch"/> builds (inside the step's dispose scope).</summary>
    public BatchOutcome Run(TrainingScaffold scaffold, Func<(Tensor Inputs, Tensor Targets)> batch) => scaffold.Step(() =>
    {
        var (inputs, targets) = batch();
        optimizer.zero_grad();
        var outputs = forward(inputs);
        var batchLoss = loss.Loss(outputs, targets);
        batchLoss.backward();
        optimizer.step();
        return new BatchOutcome(batchLoss.item<float>(), loss.Correct(outputs, targets), inputs.shape[0]);
    });

    /// <summary>One pass over the next epoch of <paramref name="batches"/>: a step per batch.</summary>
    /// <param name="scaffold">The run's scaffold.</param>
    /// <param name="batches">The batch order.</param>
    /// <param name="device">The device of the tensors <paramref name="select"/> picks rows from.</param>
    /// <param name="select">A batch's inputs and targets (e.g. <see cref="IndexBatch.Select"/> of the training tensors).</param>
    /// <param name="onBatch">Called after each batch, outside its dispose scope.</param>
    public EpochOutcome RunEpoch(TrainingScaffold scaffold, ShuffledBatches batches, Device device,
        Func<IndexBatch, (Tensor Inputs, Tensor Targets)> select, Action<BatchReport>? onBatch = null)
    {
        double lossSum = 0;
        long correct = 0, rows = 0, index = 0;
        foreach (var batch in batches.NextEpoch(device))
        {
            var outcome = Run(scaffold, () => select(batch));
            lossSum += outcome.Loss * outcome.Size;
            correct += outcome.Correct;
            rows += outcome.Size;
            onBatch?.Invoke(new BatchReport(index++, rows, outcome));
        }
        return new EpochOutcome(lossSum / rows, (double)correct / rows);
    }
}
