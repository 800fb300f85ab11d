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

    /// <summary>
    /// layer4's feature map [N, 512, H/32, W/32] (contiguous) for a preprocessed batch [N, 3, H, W].
    /// Weights from <see cref="ForInference"/> make it faster; any layout gives the same numbers.
    /// </summary>
    public static Tensor Layer4(Tensor input, IReadOnlyDictionary<string, Tensor> weights, IReadOnlyList<int> blocks)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var x = ConvBatchNorm(ChannelsLast(input), weights, "conv1", "bn1", stride: 2, padding: 3);
        x = max_pool2d(x.relu_(), kernel_size: [3, 3], strides: [2, 2], padding: [1, 1]);
        for (var layer = 1; layer <= 4; layer++)
            for (var block = 0; block < blocks[layer - 1]; block++)
                x = BasicBlock(x, weights, $"layer{layer}.{block}", layer > 1 && block == 0 ? 2 : 1);
        return x.contiguous().MoveToOuterDisposeScope();
    }

    /// <summary>
    /// Weights for inference, owned by the caller: each eval-mode BatchNorm folded into the convolution
    /// before it (kernel scaled by γ/√(σ²+ε) per output channel, bias β − μ·γ/√(σ²+ε)), kernels in
    /// channels-last order. With the input channels-last too, oneDNN runs the convolutions without
    /// reordering anything per call (measured 0.62 → 0.40 s for one 512 px image on 2 cores), and no
    /// BatchNorm pass is left.
    /// </summary>
    public static Dictionary<string, Tensor> ForInference(IReadOnlyDictionary<string, Tensor> weights)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var folded = weights.Keys.Select(BatchNormAfter).OfType<string>().Where(bn => weights.ContainsKey(bn + ".running_var")).ToHashSet(StringComparer.Ordinal);
        var result = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        foreach (var (key, value) in weights)
        {
            if (BatchNormAfter(key) is { } bn && folded.Contains(bn))
            {
                var conv = key[..^".weight".Length];
                var scale = weights[bn + ".weight"] / (weights[bn + ".running_var"] + BatchNormEpsilon).sqrt();
                result[key] = ChannelsLast(value * scale.view(-1, 1, 1, 1)).MoveToOuterDisposeScope();
                result[conv + ".bias"] = (weights[bn + ".bias"] - weights[bn + ".running_mean"] * scale).MoveToOuterDisposeScope();
            }
            else if (!folded.Contains(key[..Math.Max(0, key.LastIndexOf('.'))]))
                result[key] = value.clone().MoveToOuterDisposeScope();
        }
        return result;
    }

    /// <summary>
    /// <paramref name="weights"/> from <see cref="ForInference"/> as bfloat16 (kernels stay channels-last); disposes
    /// the float32 ones. Feed it a bfloat16 input.
    /// </summary>
    public static Dictionary<string, Tensor> ToBFloat16(Dictionary<string, Tensor> weights)
    {
        var result = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        foreach (var (key, value) in weights)
        {
            using (value)
            {
                using var converted = value.to(ScalarType.BFloat16);
                result[key] = converted.dim() == 4 ? ChannelsLast(converted) : converted.clone();
            }
        }
        return result;
    }

    /// <summary>The BatchNorm that follows the convolution kernel <paramref name="key"/> (conv1 → bn1, downsample.0 → downsample.1).</summary>
    private static string? BatchNormAfter(string key)
    {
        if (!key.EndsWith(".weight", StringComparison.Ordinal)) return null;
        var conv = key[..^".weight".Length];
        var dot = conv.LastIndexOf('.');
        var (parent, name) = dot < 0 ? ("", conv) : (conv[..(dot + 1)], conv[(dot + 1)..]);
        if (name.StartsWith("conv", StringComparison.Ordinal)) return parent + "bn" + name["conv".Length..];
        return conv.EndsWith("downsample.0", StringComparison.Ordinal) ? conv[..^1] + "1" : null;
    }

    /// <summary>
    /// The same values as <paramref name="x"/> [N, C, H, W] stored as N, H, W, C (TorchSharp has no
    /// <c>memory_format</c> argument; libtorch recognises the layout from the strides).
    /// </summary>
    internal static Tensor ChannelsLast(Tensor x) => x.permute(0, 2, 3, 1).contiguous().permute(0, 3, 1, 2);

    /// <summary>Global average pooling: [N, C, h, w] → [N, C].</summary>
    public static Tensor Pool(Tensor layer4) => layer4.mean([2, 3]);

    private static Tensor BasicBlock(Tensor input, IReadOnlyDictionary<string, Tensor> w, string prefix, long stride)
    {
        var x = ConvBatchNorm(input, w, prefix + ".conv1", prefix + ".bn1", stride, padding: 1).relu_();
        x = ConvBatchNorm(x, w, prefix + ".conv2", prefix + ".bn2", stride: 1, padding: 1);
        var identity = w.ContainsKey(prefix + ".downsample.0.weight")
            ? ConvBatchNorm(input, w, prefix + ".downsample.0", prefix + ".downsample.1", stride, padding: 0)
            : input;
        return x.add_(identity).relu_();
    }

    /// <summary>Convolution then eval BatchNorm, or one biased convolution when <see cref="ForInference"/> folded them.</summary>
    private static Tensor ConvBatchNorm(Tensor x, IReadOnlyDictionary<string, Tensor> w, string conv, string bn, long stride, long padding)
    {
        var kernel = w[conv + ".weight"];
        return w.TryGetValue(conv + ".bias", out var bias)
            ? conv2d(x, kernel, bias, strides: [stride, stride], padding: [padding, padding])
            : BatchNorm(conv2d(x, kernel, strides: [stride, stride], padding: [padding, padding]), w, bn);
    }

    private static Tensor BatchNorm(Tensor x, IReadOnlyDictionary<string, Tensor> w, string prefix) =>
        batch_norm(x, w[prefix + ".running_mean"], w[prefix + ".running_var"], w[prefix + ".weight"], w[prefix + ".bias"],
            training: false, momentum: 0.1, eps: BatchNormEpsilon);
}
