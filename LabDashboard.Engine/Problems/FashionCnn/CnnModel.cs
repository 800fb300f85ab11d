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

    /// <summary>The first Conv2d's weights [out, 1, k, k].</summary>
    public static Tensor FirstConvWeight(Sequential model) =>
        model.children().OfType<Conv2d>().First().weight!;

    /// <summary>The output of the first Conv2d (after its ReLU if one follows) for a [1, 1, 28, 28] image.</summary>
    public static Tensor FirstFeatureMaps(Sequential model, Tensor image)
    {
        var x = image;
        var sawConv = false;
        foreach (var child in model.children().Cast<Module<Tensor, Tensor>>())
        {
            if (sawConv && child is not TorchSharp.Modules.ReLU) break;
            x = child.forward(x);
            if (sawConv) break;
            sawConv = child is Conv2d;
        }
        return x;
    }
}
