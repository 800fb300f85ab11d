using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace LabDashboard.Engine.Training;

/// <summary>How a classifier's outputs are scored against targets and turned into predicted labels.</summary>
public sealed class ClassificationLoss
{
    private readonly Func<Tensor, Tensor, Tensor> _loss;
    private readonly Func<Tensor, Tensor> _predict;

    private ClassificationLoss(Func<Tensor, Tensor, Tensor> loss, Func<Tensor, Tensor> predict)
    {
        _loss = loss;
        _predict = predict;
    }

    /// <summary>Several classes: outputs are logits (n, classes), targets class indices (n) of type int64.</summary>
    public static ClassificationLoss CrossEntropy { get; } = new(
        (logits, targets) => functional.cross_entropy(logits, targets),
        logits => logits.argmax(1));

    /// <summary>Two classes: outputs are one logit per row (n), targets 0 or 1 as float32 (n); logit ≥ 0 predicts 1.</summary>
    public static ClassificationLoss BinaryWithLogits { get; } = new(
        (logits, targets) => functional.binary_cross_entropy_with_logits(logits, targets),
        logits => logits.ge(0).to(ScalarType.Float32));

    /// <summary>The mean loss of <paramref name="outputs"/> against <paramref name="targets"/> (a scalar tensor).</summary>
    public Tensor Loss(Tensor outputs, Tensor targets) => _loss(outputs, targets);

    /// <summary>Predicted labels, in the targets' type.</summary>
    public Tensor Predict(Tensor outputs) => _predict(outputs);

    /// <summary>How many rows of <paramref name="outputs"/> predict their target.</summary>
    public long Correct(Tensor outputs, Tensor targets)
    {
        using var predicted = Predict(outputs);
        using var hits = predicted.eq(targets);
        using var count = hits.sum();
        return count.item<long>();
    }
}
