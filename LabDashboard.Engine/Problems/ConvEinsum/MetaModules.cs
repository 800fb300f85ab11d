using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace LabDashboard.Engine.Problems.ConvEinsum;

/// <summary>
/// Real TorchSharp modules with given weights. They are created on the meta device first, so their
/// random initialisation never draws from the global RNG (inference must leave it to training runs).
/// </summary>
internal static class MetaModules
{
    internal static Device Meta { get; } = torch.device("meta");

    /// <summary><c>Conv2d(in, out, k, bias=False)</c> whose weight is <paramref name="weight"/> (out, in, k, k).</summary>
    public static Conv2d Conv2dWithWeight(Tensor weight)
    {
        var conv = nn.Conv2d(weight.shape[1], weight.shape[0], weight.shape[2], bias: false, device: Meta);
        conv.weight = new Parameter(weight, requires_grad: false);
        return conv;
    }

    /// <summary><c>Linear(in, out, bias=False)</c> whose weight is <paramref name="weight"/> (out, in).</summary>
    public static Linear LinearWithWeight(Tensor weight)
    {
        var linear = nn.Linear(weight.shape[1], weight.shape[0], hasBias: false, device: Meta);
        linear.weight = new Parameter(weight, requires_grad: false);
        return linear;
    }
}
