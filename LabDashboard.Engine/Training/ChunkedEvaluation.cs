using TorchSharp;
using static TorchSharp.torch;

namespace LabDashboard.Engine.Training;

/// <summary>A classifier measured on a data set.</summary>
/// <param name="Loss">Mean loss per row.</param>
/// <param name="Accuracy">Share of rows predicted right.</param>
/// <param name="Predicted">Predicted label of every row.</param>
/// <param name="Outputs">The model's outputs, row after row (n × outputs per row; one logit per row for a binary classifier).</param>
public sealed record Evaluation(double Loss, double Accuracy, long[] Predicted, float[] Outputs);

/// <summary>
/// Runs a model over a large tensor in chunks, without autograd and with a dispose scope per
/// chunk, so evaluating the whole test set never holds more than one chunk's activations.
/// Put the model in eval mode first.
/// </summary>
public static class ChunkedEvaluation
{
    /// <summary>Rows per forward pass unless the caller says otherwise.</summary>
    public const int DefaultChunkSize = 1000;

    /// <summary>Loss, accuracy, predictions and outputs of <paramref name="forward"/> on every row of <paramref name="inputs"/>.</summary>
    /// <param name="forward">The model.</param>
    /// <param name="inputs">Rows along dimension 0, on the model's device.</param>
    /// <param name="targets">One target per row; moved to the outputs' device chunk by chunk.</param>
    /// <param name="loss">How outputs are scored and turned into labels.</param>
    /// <param name="chunkSize">Rows per forward pass.</param>
    public static Evaluation Classify(Func<Tensor, Tensor> forward, Tensor inputs, Tensor targets, ClassificationLoss loss, int chunkSize = DefaultChunkSize) =>
        Classify(forward, inputs.shape[0], (start, size) => inputs.narrow(0, start, size), targets, loss, chunkSize);

    /// <summary>
    /// The same for rows too large to hold at once (e.g. photos decoded chunk by chunk): <paramref name="chunk"/>
    /// builds each chunk's inputs inside the chunk's dispose scope.
    /// </summary>
    /// <param name="forward">The model.</param>
    /// <param name="count">Rows in all.</param>
    /// <param name="chunk">The inputs of rows <c>start</c> to <c>start + size</c>, on the model's device.</param>
    /// <param name="targets">One target per row; moved to the outputs' device chunk by chunk.</param>
    /// <param name="loss">How outputs are scored and turned into labels.</param>
    /// <param name="chunkSize">Rows per forward pass.</param>
    public static Evaluation Classify(Func<Tensor, Tensor> forward, long count, Func<long, long, Tensor> chunk, Tensor targets,
        ClassificationLoss loss, int chunkSize = DefaultChunkSize)
    {
        var predicted = new long[count];
        var outputs = new List<float>();
        double lossSum = 0;
        long correct = 0;
        using var noGrad = no_grad();
        for (long start = 0; start < count; start += chunkSize)
        {
            using var scope = NewDisposeScope();
            var size = Math.Min(chunkSize, count - start);
            var output = forward(chunk(start, size));
            var target = targets.narrow(0, start, size).to(output.device);
            lossSum += loss.Loss(output, target).item<float>() * size;
            correct += loss.Correct(output, target);
            loss.Predict(output).to(ScalarType.Int64).cpu().data<long>().CopyTo(predicted, checked((int)start));
            outputs.AddRange(output.to(ScalarType.Float32).cpu().data<float>().ToArray());
        }
        return new Evaluation(lossSum / count, (double)correct / count, predicted, [.. outputs]);
    }

    /// <summary>Predicted labels of <paramref name="forward"/> for every row of <paramref name="inputs"/>.</summary>
    public static long[] Predict(Func<Tensor, Tensor> forward, Tensor inputs, ClassificationLoss loss, int chunkSize = DefaultChunkSize)
    {
        var count = inputs.shape[0];
        var predicted = new long[count];
        using var noGrad = no_grad();
        for (long start = 0; start < count; start += chunkSize)
        {
            using var scope = NewDisposeScope();
            var output = forward(inputs.narrow(0, start, Math.Min(chunkSize, count - start)));
            loss.Predict(output).to(ScalarType.Int64).cpu().data<long>().CopyTo(predicted, checked((int)start));
        }
        return predicted;
    }
}
