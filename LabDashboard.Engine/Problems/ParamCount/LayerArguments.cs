using System.Globalization;

namespace LabDashboard.Engine.Problems.ParamCount;

/// <summary>Checks a layer's own arguments (sizes positive and not absurd, p a probability).</summary>
internal static class LayerArguments
{
    public static string? Error(LayerSpec layer) => layer.Kind switch
    {
        LayerKind.Linear => Features(layer),
        LayerKind.Conv2d => Features(layer) ?? Window(layer, "kernel_size", layer.Kernel) ?? Window(layer, "stride", layer.Stride) ?? Padding(layer),
        LayerKind.Dropout => layer.P is >= 0 and <= 1 ? null : $"p must be between 0 and 1, got {layer.P.ToString(CultureInfo.InvariantCulture)}.",
        LayerKind.MaxPool2d => Window(layer, "kernel_size", layer.Kernel) ?? Window(layer, "stride", layer.Stride),
        LayerKind.ReLU or LayerKind.Sigmoid or LayerKind.Flatten => null,
        _ => $"Unknown layer kind {layer.Kind}.",
    };

    private static string? Features(LayerSpec layer)
    {
        var (inName, outName) = layer.Kind == LayerKind.Conv2d ? ("in_channels", "out_channels") : ("in_features", "out_features");
        return Size(inName, layer.In) ?? Size(outName, layer.Out);
    }

    private static string? Size(string name, int value)
    {
        if (value <= 0) return $"{name} must be a positive whole number, got {value}.";
        if (value > LayerStackAnalyzer.MaxFeatures) return $"{name} above {LayerStackAnalyzer.MaxFeatures} is not accepted here, got {value}.";
        return null;
    }

    private static string? Window(LayerSpec layer, string name, int value)
    {
        if (value <= 0) return $"{name} must be a positive whole number, got {value}.";
        if (value > LayerStackAnalyzer.MaxKernel) return $"{name} above {LayerStackAnalyzer.MaxKernel} is not accepted here, got {value}.";
        return null;
    }

    private static string? Padding(LayerSpec layer)
    {
        if (layer.Padding < 0) return $"padding cannot be negative, got {layer.Padding}.";
        if (layer.Padding > LayerStackAnalyzer.MaxKernel) return $"padding above {LayerStackAnalyzer.MaxKernel} is not accepted here, got {layer.Padding}.";
        return null;
    }
}
