namespace LabDashboard.Engine.Problems.ResnetCam.Model;

/// <summary>An ImageNet backbone: id, blocks per layer, the preprocessing its weights expect, and where it came from.</summary>
/// <param name="Id">Stable id used in settings, runs and cache keys.</param>
/// <param name="Blocks">BasicBlocks per layer.</param>
/// <param name="DefaultPreprocessing">What the weights were trained on.</param>
/// <param name="Source">A sentence for the UI.</param>
public sealed record BackboneSpec(string Id, IReadOnlyList<int> Blocks, string DefaultPreprocessing, string Source);

/// <summary>The backbones resnet-cam knows.</summary>
public static class Backbones
{
    /// <summary>CNTK's ImageNet ResNet-18 from NuGet Microsoft.ML.DnnImageFeaturizer.ResNet18 (offline default).</summary>
    public static readonly BackboneSpec Cntk = new("cntk-resnet18", ResNetBuilder.CntkBlocks, Preprocessings.CntkBgrMean,
        "CNTK ImageNet ResNet-18 (ONNX from NuGet Microsoft.ML.DnnImageFeaturizer.ResNet18 0.23.1, MIT), converted to TorchSharp");

    /// <summary>torchvision's resnet18 ImageNet weights (resnet18-f37072fd.pth from Data:Root, else downloaded into State:Root/models).</summary>
    public static readonly BackboneSpec Torchvision = new("torchvision-resnet18", ResNetBuilder.TorchvisionBlocks, Preprocessings.TorchvisionRgb01,
        "torchvision resnet18 ImageNet weights (resnet18-f37072fd.pth, BSD-3-Clause), read with TorchSharp.PyBridge");

    /// <summary>All, default first.</summary>
    public static IReadOnlyList<BackboneSpec> All { get; } = [Cntk, Torchvision];

    /// <summary>The backbone with this id.</summary>
    public static BackboneSpec Get(string id) =>
        All.FirstOrDefault(b => b.Id == id) ?? throw new ArgumentException($"Unknown backbone '{id}'.", nameof(id));
}

/// <summary>Preprocessing ids.</summary>
public static class Preprocessings
{
    /// <summary>BGR 0–255 minus CNTK's mean image resized bilinearly to the input size.</summary>
    public const string CntkBgrMean = "bgr255-minus-mean-image";
    /// <summary>Resize + ToTensor: RGB 0–1, no normalisation (the exam's).</summary>
    public const string TorchvisionRgb01 = "rgb01";
    /// <summary>RGB 0–1 normalised with ImageNet mean/std.</summary>
    public const string TorchvisionImagenet = "rgb01-imagenet-norm";
    /// <summary>Automatic: whatever the backbone's weights expect.</summary>
    public const string Auto = "auto";
}
