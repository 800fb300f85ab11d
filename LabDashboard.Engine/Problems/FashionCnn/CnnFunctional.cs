using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace LabDashboard.Engine.Problems.FashionCnn;

/// <summary>
/// Runs a <see cref="CnnArchitecture"/> in evaluation mode from a weights dictionary (keys as
/// nn.Sequential names them: "0.weight", "0.bias", …). Builds no module, so it draws nothing
/// from the global RNG: safe for inference beside a training run.
/// </summary>
public static class CnnFunctional
{
    /// <summary>Logits [N, 10] for images [N, 1, 28, 28].</summary>
    public static Tensor Forward(CnnArchitecture architecture, IReadOnlyDictionary<string, Tensor> weights, Tensor images) =>
        Run(architecture, weights, images, stopAfterFirstConv: false);

    /// <summary>The first conv layer's maps (after its ReLU when one follows) for images [N, 1, 28, 28].</summary>
    public static Tensor FirstFeatureMaps(CnnArchitecture architecture, IReadOnlyDictionary<string, Tensor> weights, Tensor images) =>
        Run(architecture, weights, images, stopAfterFirstConv: true);

    private static Tensor Run(CnnArchitecture architecture, IReadOnlyDictionary<string, Tensor> weights, Tensor x, bool stopAfterFirstConv)
    {
        var sawConv = false;
        for (var i = 0; i < architecture.Layers.Count; i++)
        {
            var layer = architecture.Layers[i];
            if (stopAfterFirstConv && sawConv && layer.Kind != CnnLayerKind.Relu) break;
            x = layer.Kind switch
            {
                CnnLayerKind.Conv => F.conv2d(x, weights[$"{i}.weight"], weights[$"{i}.bias"]),
                CnnLayerKind.Relu => F.relu(x),
                CnnLayerKind.MaxPool => F.max_pool2d(x, layer.Size),
                CnnLayerKind.Flatten => x.flatten(1),
                CnnLayerKind.Linear => F.linear(x, weights[$"{i}.weight"], weights[$"{i}.bias"]),
                _ => x,
            };
            if (stopAfterFirstConv && sawConv) break;
            sawConv |= layer.Kind == CnnLayerKind.Conv;
        }
        return x;
    }
}
