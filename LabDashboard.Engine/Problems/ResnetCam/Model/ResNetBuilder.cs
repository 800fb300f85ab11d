using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace LabDashboard.Engine.Problems.ResnetCam.Model;

/// <summary>Creates ResNet-18 variants whose state-dict keys are torchvision's.</summary>
internal static class ResNetBuilder
{
    /// <summary>torchvision's resnet18: two blocks per layer.</summary>
    public static readonly int[] TorchvisionBlocks = [2, 2, 2, 2];

    /// <summary>CNTK's ImageNet ResNet-18 has a third block in layer4.</summary>
    public static readonly int[] CntkBlocks = [2, 2, 2, 3];

    /// <summary>A ResNet with <paramref name="blocks"/> per layer and a head of <paramref name="outputs"/> units.</summary>
    public static ResNet Create(IReadOnlyList<int> blocks, int outputs = 1) =>
        new("ResNet18",
            (inPlanes, planes, stride, downsample, _, _, _, _) => new ResNetBasicBlock(inPlanes, planes, stride, downsample),
            expansion: 1,
            layers: [.. blocks],
            numClasses: outputs);
}
