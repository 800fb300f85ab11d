using TorchSharp;
using static TorchSharp.torch;

namespace LabDashboard.Engine.Problems.ConvEinsum;

/// <summary>The merged convolution applied to one image.</summary>
/// <param name="WeightShape">The merged weight's shape, (2, 1, 4, 4).</param>
/// <param name="Channel0">Output channel 0 (first kernel).</param>
/// <param name="Channel1">Output channel 1 (second kernel).</param>
/// <param name="MaxAbsDiff">max |merged − separate| over both channels.</param>
/// <param name="ExactlyEqual">True when the merged channels equal the separate convs bit for bit.</param>
public sealed record MergedConvResult(
    IReadOnlyList<long> WeightShape,
    ImagePlane Channel0,
    ImagePlane Channel1,
    double MaxAbsDiff,
    bool ExactlyEqual)
{
    /// <summary>A symmetric colour scale that covers both channels.</summary>
    public float SharedScale => DivergingScale.NiceScale(Math.Max(Channel0.MaxAbs, Channel1.MaxAbs));
}

/// <summary>
/// One <c>Conv2d(1, 2, kernel_size=4, bias=False)</c> whose weight is two 4×4 kernels concatenated on
/// the output-channel axis, checked against two separate 1→1 convolutions. Pure and fast: call it on every edit.
/// </summary>
public static class MergedConv
{
    /// <summary>Applies the merged conv to <paramref name="image"/> (at least 4×4).</summary>
    public static MergedConvResult Apply(ImagePlane image, Kernel4x4 channel0, Kernel4x4 channel1)
    {
        if (image.Width < Kernel4x4.Size || image.Height < Kernel4x4.Size)
            throw new ArgumentException("The image must be at least 4×4.", nameof(image));
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var x = tensor(image.Values, [1, 1, image.Height, image.Width]);
        var (w0, w1) = (KernelTensor(channel0), KernelTensor(channel1));
        var merged = cat([w0, w1], 0);
        using var conv = MetaModules.Conv2dWithWeight(merged);
        var both = conv.call(x);
        var separate = cat([nn.functional.conv2d(x, w0), nn.functional.conv2d(x, w1)], 1);
        var maxDiff = (both - separate).abs().max().item<float>();
        return new MergedConvResult(
            conv.weight!.shape,
            ToPlane(both[0, 0]),
            ToPlane(both[0, 1]),
            maxDiff,
            both.equal(separate).all().item<bool>());
    }

    /// <summary>A kernel as a (1, 1, 4, 4) tensor.</summary>
    internal static Tensor KernelTensor(Kernel4x4 kernel) => tensor(kernel.ToArray(), [1, 1, Kernel4x4.Size, Kernel4x4.Size]);

    internal static ImagePlane ToPlane(Tensor map2d) =>
        new((int)map2d.shape[1], (int)map2d.shape[0], map2d.contiguous().data<float>().ToArray());
}
