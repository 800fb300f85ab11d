using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace LabDashboard.Engine.Problems.GanMnist8;

/// <summary>
/// A LeNet-like CNN, small enough to train in seconds on a CPU, that tells MNIST digits apart (about 98 % on the test set); it judges whether the
/// generator's samples look like the chosen digit. Images (n, 1, 28, 28) → logits (n, 10).
/// </summary>
public sealed class DigitClassifier : Module<Tensor, Tensor>
{
    private readonly Sequential net;

    /// <summary>Creates an untrained classifier.</summary>
    public DigitClassifier() : base(nameof(DigitClassifier))
    {
        net = Sequential(
            Conv2d(1, 8, 5), ReLU(), MaxPool2d(2),
            Conv2d(8, 16, 5), ReLU(), MaxPool2d(2),
            Flatten(),
            Linear(16 * 4 * 4, 10));
        RegisterComponents();
    }

    /// <summary>Images (n, 1, 28, 28) with pixels in [0, 1] → logits (n, 10).</summary>
    public override Tensor forward(Tensor images) => net.forward(images);

    /// <summary>
    /// Class probabilities (n, 10) from saved weights, without autograd and without building a
    /// module (see <see cref="NetworkWeights"/>): the same computation as <see cref="forward"/>.
    /// </summary>
    internal static Tensor Probabilities(NetworkWeights weights, Tensor images)
    {
        using var _ = torch.no_grad();
        long[] pool = [2, 2];
        var x = functional.max_pool2d(functional.relu(functional.conv2d(images, weights["net.0.weight"], weights["net.0.bias"])), pool, pool);
        x = functional.max_pool2d(functional.relu(functional.conv2d(x, weights["net.3.weight"], weights["net.3.bias"])), pool, pool);
        var logits = functional.linear(x.flatten(1), weights["net.7.weight"], weights["net.7.bias"]);
        return functional.softmax(logits, 1);
    }

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (disposing) net.Dispose();
        base.Dispose(disposing);
    }
}
