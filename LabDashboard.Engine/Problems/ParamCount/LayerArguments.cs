using LabDashboard.Engine.Problems.Texts;

namespace LabDashboard.Engine.Problems.ParamCount;

/// <summary>Checks a layer's own arguments (sizes positive and not absurd, p a probability).</summary>
internal static class LayerArguments
{
    public static LocalizableText? Error(LayerSpec layer) => layer.Kind switch
    {
        LayerKind.Linear => Features(layer),
        LayerKind.Conv2d => Features(layer) ?? Window(layer, "kernel_size", layer.Kernel) ?? Window(layer, "stride", layer.Stride) ?? Padding(layer),
        LayerKind.Dropout => layer.P is >= 0 and <= 1 ? null : ParamCountTexts.DropoutP.Format(layer.P),
        LayerKind.MaxPool2d => Window(layer, "kernel_size", layer.Kernel) ?? Window(layer, "stride", layer.Stride),
        LayerKind.ReLU or LayerKind.Sigmoid or LayerKind.Flatten => null,
        _ => ParamCountTexts.UnknownKind.Format(layer.Kind),
    };

    private static LocalizableText? Features(LayerSpec layer)
    {
        var (inName, outName) = layer.Kind == LayerKind.Conv2d ? ("in_channels", "out_channels") : ("in_features", "out_features");
        return Size(inName, layer.In) ?? Size(outName, layer.Out);
    }

    private static LocalizableText? Size(string name, int value)
    {
        if (value <= 0) return ParamCountTexts.NotPositiveArgument.Format(name, value);
        if (value > LayerStackAnalyzer.MaxFeatures) return ParamCountTexts.ArgumentTooLarge.Format(name, LayerStackAnalyzer.MaxFeatures, value);
        return null;
    }

    private static LocalizableText? Window(LayerSpec layer, string name, int value)
    {
        if (value <= 0) return ParamCountTexts.NotPositiveArgument.Format(name, value);
        if (value > LayerStackAnalyzer.MaxKernel) return ParamCountTexts.ArgumentTooLarge.Format(name, LayerStackAnalyzer.MaxKernel, value);
        return null;
    }

    private static LocalizableText? Padding(LayerSpec layer)
    {
        if (layer.Padding < 0) return ParamCountTexts.NegativePadding.Format(layer.Padding);
        if (layer.Padding > LayerStackAnalyzer.MaxKernel) return ParamCountTexts.ArgumentTooLarge.Format("padding", LayerStackAnalyzer.MaxKernel, layer.Padding);
        return null;
    }
}
