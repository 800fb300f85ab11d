using LabDashboard.Engine.Problems.Texts;

namespace LabDashboard.Engine.Problems.ParamCount;

/// <summary>The output shape of one layer for an input shape, following PyTorch's rules.</summary>
internal static class ShapeFlow
{
    public static (IReadOnlyList<long>? Output, LocalizableText? Error) Output(LayerSpec layer, IReadOnlyList<long> input) => layer.Kind switch
    {
        LayerKind.Linear => Linear(layer, input),
        LayerKind.Conv2d => Spatial(layer, input, layer.Out, layer.Padding),
        LayerKind.MaxPool2d => Spatial(layer, input, null, 0),
        LayerKind.Flatten => Flatten(input),
        _ => (input, null),
    };

    private static (IReadOnlyList<long>?, LocalizableText?) Linear(LayerSpec layer, IReadOnlyList<long> input)
    {
        if (input[^1] != layer.In)
            return (null, (input.Count > 2 ? ParamCountTexts.LastDimensionFlatten : ParamCountTexts.LastDimension).Format(layer.In, Text(input)));
        return ([.. input.Take(input.Count - 1), layer.Out], null);
    }

    private static (IReadOnlyList<long>?, LocalizableText?) Spatial(LayerSpec layer, IReadOnlyList<long> input, int? outChannels, int padding)
    {
        if (input.Count is not (3 or 4))
            return (null, ParamCountTexts.Spatial.Format(Text(input)));
        var channelAxis = input.Count - 3;
        if (outChannels is not null && input[channelAxis] != layer.In)
            return (null, ParamCountTexts.Channels.Format(layer.In, Text(input), input[channelAxis]));
        var (height, width) = (input[^2] + 2 * padding, input[^1] + 2 * padding);
        if (height < layer.Kernel || width < layer.Kernel)
            return (null, (padding > 0 ? ParamCountTexts.WindowTooBigPadded : ParamCountTexts.WindowTooBig).Format(layer.Kernel, height, width));
        long[] output = [.. input];
        if (outChannels is { } c) output[channelAxis] = c;
        output[^2] = (height - layer.Kernel) / layer.Stride + 1;
        output[^1] = (width - layer.Kernel) / layer.Stride + 1;
        return (output, null);
    }

    private static (IReadOnlyList<long>?, LocalizableText?) Flatten(IReadOnlyList<long> input)
    {
        if (input.Count < 2) return (null, ParamCountTexts.FlattenDimensions.Format(Text(input)));
        try
        {
            return ([input[0], input.Skip(1).Aggregate(1L, (a, b) => checked(a * b))], null);
        }
        catch (OverflowException)
        {
            return (null, ParamCountTexts.FlattenOverflow.Format(Text(input)));
        }
    }

    private static string Text(IReadOnlyList<long> shape) => LayerStackAnalysis.ShapeText(shape);
}
