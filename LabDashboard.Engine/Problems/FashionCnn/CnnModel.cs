using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace LabDashboard.Engine.Problems.FashionCnn;

/// <summary>Builds a TorchSharp module from a <see cref="CnnArchitecture"/>, named "0", "1", … like PyTorch's nn.Sequential.</summary>
public static class CnnModel
{
    /// <summary>A fresh module with libtorch's default initialisation (uses the global RNG).</summary>
    public static Sequential Build(CnnArchitecture architecture)
    {
        var linearInputs = new Queue<int>(architecture.LinearInputs());
        var channels = 1;
        var modules = new List<(string, Module<Tensor, Tensor>)>();
        foreach (var layer in architecture.Layers)
        {
            modules.Add((modules.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), Module(layer, ref channels, linearInputs)));
        }
        return Sequential(modules.ToArray());
    }

    private static Module<Tensor, Tensor> Module(CnnLayer layer, ref int channels, Queue<int> linearInputs)
    {
        switch (layer.Kind)
        {
            case CnnLayerKind.Conv:
                var conv = Conv2d(channels, layer.Size, layer.Kernel);
                channels = layer.Size;
                return conv;
            case CnnLayerKind.Relu: return ReLU();
            case CnnLayerKind.MaxPool: return MaxPool2d(layer.Size);
            case CnnLayerKind.Dropout: return Dropout(layer.Probability);
            case CnnLayerKind.Flatten: return Flatten();
            default: return Linear(linearInputs.Dequeue(), layer.Size);
        }
    }

    /// <summary>The module's parameters by nn.Sequential name ("0.weight", …), for <see cref="CnnFunctional"/> and saving.</summary>
    public static List<(string Name, Tensor Tensor)> Weights(Sequential model) =>
        model.named_parameters().Select(p => (p.name, (Tensor)p.parameter)).ToList();
}
