using TorchSharp;
using static TorchSharp.torch;

namespace LabDashboard.Engine.Problems.ParamCount;

/// <summary>
/// Counts trainable parameters of real TorchSharp modules (sum of numel over parameters that require grad).
/// Modules are built on the meta device: no memory for their weights and no draw from the global RNG.
/// </summary>
public static class TorchParamCounter
{
    private static readonly Device Meta = torch.device("meta");

    /// <summary>The trainable-parameter count of the module <paramref name="layer"/> describes (arguments must be valid).</summary>
    public static long Count(LayerSpec layer)
    {
        using var module = Build(layer, Meta);
        return module.parameters().Where(p => p.requires_grad).Sum(p => p.numel());
    }

    /// <summary>The TorchSharp module for <paramref name="layer"/> on <paramref name="device"/>.</summary>
    public static nn.Module<Tensor, Tensor> Build(LayerSpec layer, Device device) => layer.Kind switch
    {
        LayerKind.Linear => nn.Linear(layer.In, layer.Out, hasBias: layer.Bias, device: device),
        LayerKind.Conv2d => nn.Conv2d(layer.In, layer.Out, layer.Kernel, stride: layer.Stride, padding: layer.Padding, bias: layer.Bias, device: device),
        LayerKind.Dropout => nn.Dropout(layer.P),
        LayerKind.ReLU => nn.ReLU(),
        LayerKind.Sigmoid => nn.Sigmoid(),
        LayerKind.MaxPool2d => nn.MaxPool2d(layer.Kernel, layer.Stride),
        LayerKind.Flatten => nn.Flatten(),
        _ => throw new ArgumentOutOfRangeException(nameof(layer), layer.Kind, "Unknown layer kind."),
    };
}
