using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace LabDashboard.Engine.Problems.GanMnist8;

/// <summary>The lecture's discriminator ("police"): Flatten→Linear(784,30)→ReLU→Linear(30,1)→Sigmoid.</summary>
public sealed class GanDiscriminator : Module<Tensor, Tensor>
{
    /// <summary>Hidden width of the lecture's discriminator.</summary>
    public const int Hidden = 30;

    private readonly Sequential net;

    /// <summary>Creates the discriminator.</summary>
    public GanDiscriminator() : base(nameof(GanDiscriminator))
    {
        net = Sequential(
            Flatten(),
            Linear(GanGenerator.Pixels, Hidden), ReLU(),
            Linear(Hidden, 1), Sigmoid());
        RegisterComponents();
    }

    /// <summary>Images (n, 1, 28, 28) → outputs (n, 1) in (0, 1).</summary>
    public override Tensor forward(Tensor images) => net.forward(images);

    /// <summary>The same computation from saved weights, without building a module (see <see cref="NetworkWeights"/>).</summary>
    internal static Tensor Forward(NetworkWeights weights, Tensor images)
    {
        var x = functional.relu(functional.linear(images.flatten(1), weights["net.1.weight"], weights["net.1.bias"]));
        return functional.linear(x, weights["net.3.weight"], weights["net.3.bias"]).sigmoid();
    }

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (disposing) net.Dispose();
        base.Dispose(disposing);
    }
}
