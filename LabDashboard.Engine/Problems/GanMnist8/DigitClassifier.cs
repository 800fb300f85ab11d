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

    /// <summary>Class probabilities (n, 10) without autograd.</summary>
    public Tensor Probabilities(Tensor images)
    {
        using var _ = torch.no_grad();
        return functional.softmax(forward(images), 1);
    }

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (disposing) net.Dispose();
        base.Dispose(disposing);
    }
}
