using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace LabDashboard.Engine.Problems.GanMnist8;

/// <summary>
/// The lecture's generator: noise (n, noiseDim) → Linear→ReLU→Linear→ReLU→Linear(·,784)→Sigmoid,
/// reshaped to images (n, 1, 28, 28) with pixels in (0, 1).
/// </summary>
public sealed class GanGenerator : Module<Tensor, Tensor>
{
    /// <summary>Pixels per MNIST image.</summary>
    public const int Pixels = 28 * 28;

    private readonly Sequential net;

    /// <summary>Creates the generator.</summary>
    public GanGenerator(int noiseDim, int hidden) : base(nameof(GanGenerator))
    {
        NoiseDim = noiseDim;
        net = Sequential(
            Linear(noiseDim, hidden), ReLU(),
            Linear(hidden, hidden), ReLU(),
            Linear(hidden, Pixels), Sigmoid());
        RegisterComponents();
    }

    /// <summary>Width of the noise vector.</summary>
    public int NoiseDim { get; }

    /// <summary>Noise (n, noiseDim) → images (n, 1, 28, 28).</summary>
    public override Tensor forward(Tensor noise) => net.forward(noise).view(-1, 1, 28, 28);

    /// <summary>The same computation from saved weights, without building a module (see <see cref="NetworkWeights"/>).</summary>
    internal static Tensor Forward(NetworkWeights weights, Tensor noise)
    {
        var x = functional.relu(functional.linear(noise, weights["net.0.weight"], weights["net.0.bias"]));
        x = functional.relu(functional.linear(x, weights["net.2.weight"], weights["net.2.bias"]));
        return functional.linear(x, weights["net.4.weight"], weights["net.4.bias"]).sigmoid().view(-1, 1, 28, 28);
    }

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (disposing) net.Dispose();
        base.Dispose(disposing);
    }
}
