using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn.functional;

namespace LabDashboard.Engine.Problems.ResnetCam.Model;

/// <summary>
/// ResNet's convolutional trunk as a pure function of a torchvision-named state dict (eval-mode
/// BatchNorm): the same computation as the module, but it builds no module, so inference never
/// draws from the global RNG and any number of threads may share one set of weights.
/// </summary>
internal static class ResNetFeatures
{
    private const double BatchNormEpsilon = 1e-5;

    /// <summary>layer4's feature map [N, 512, H/32, W/32] for a preprocessed batch [N, 3, H, W].</summary>
    public static Tensor Layer4(Tensor input, IReadOnlyDictionary<string, Tensor> weights, IReadOnlyList<int> blocks)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var x = conv2d(input, weights["conv1.weight"], strides: [2, 2], padding: [3, 3]);
        x = max_pool2d(relu(BatchNorm(x, weights, "bn1")), kernel_size: [3, 3], strides: [2, 2], padding: [1, 1]);
        for (var layer = 1; layer <= 4; layer++)
            for (var block = 0; block < blocks[layer - 1]; block++)
                x = BasicBlock(x, weights, $"layer{layer}.{block}", layer > 1 && block == 0 ? 2 : 1);
        return x.MoveToOuterDisposeScope();
    }

    /// <summary>Global average pooling: [N, C, h, w] → [N, C].</summary>
    public static Tensor Pool(Tensor layer4) => layer4.mean([2, 3]);

    private static Tensor BasicBlock(Tensor input, IReadOnlyDictionary<string, Tensor> w, string prefix, long stride)
    {
        var x = relu(BatchNorm(conv2d(input, w[prefix + ".conv1.weight"], strides: [stride, stride], padding: [1, 1]), w, prefix + ".bn1"));
        x = BatchNorm(conv2d(x, w[prefix + ".conv2.weight"], padding: [1, 1]), w, prefix + ".bn2");
        var identity = w.TryGetValue(prefix + ".downsample.0.weight", out var down)
            ? BatchNorm(conv2d(input, down, strides: [stride, stride]), w, prefix + ".downsample.1")
            : input;
        return relu(x + identity);
    }

    private static Tensor BatchNorm(Tensor x, IReadOnlyDictionary<string, Tensor> w, string prefix) =>
        batch_norm(x, w[prefix + ".running_mean"], w[prefix + ".running_var"], w[prefix + ".weight"], w[prefix + ".bias"],
            training: false, momentum: 0.1, eps: BatchNormEpsilon);
}
