namespace LabDashboard.Engine.Problems.ParamCount;

/// <summary>The output shape of one layer for an input shape, following PyTorch's rules.</summary>
internal static class ShapeFlow
{
    public static (IReadOnlyList<long>? Output, string? Error) Output(LayerSpec layer, IReadOnlyList<long> input) => layer.Kind switch
    {
        LayerKind.Linear => Linear(layer, input),
        LayerKind.Conv2d => Spatial(layer, input, layer.Out, layer.Padding),
        LayerKind.MaxPool2d => Spatial(layer, input, null, 0),
        LayerKind.Flatten => Flatten(input),
        _ => (input, null),
    };

    private static (IReadOnlyList<long>?, string?) Linear(LayerSpec layer, IReadOnlyList<long> input)
    {
        if (input[^1] != layer.In)
            return (null, $"expects the last dimension to be {layer.In}, but the input is {Text(input)}." + FlattenHint(input));
        return ([.. input.Take(input.Count - 1), layer.Out], null);
    }

    private static (IReadOnlyList<long>?, string?) Spatial(LayerSpec layer, IReadOnlyList<long> input, int? outChannels, int padding)
    {
        if (input.Count is not (3 or 4))
            return (null, $"expects (C, H, W) or (N, C, H, W), but the input is {Text(input)}.");
        var channelAxis = input.Count - 3;
        if (outChannels is not null && input[channelAxis] != layer.In)
            return (null, $"expects {layer.In} input channel(s), but the input {Text(input)} has {input[channelAxis]}.");
        var (height, width) = (input[^2] + 2 * padding, input[^1] + 2 * padding);
        if (height < layer.Kernel || width < layer.Kernel)
            return (null, $"the {layer.Kernel}×{layer.Kernel} window does not fit the {(padding > 0 ? "padded " : "")}{height}×{width} input.");
        long[] output = [.. input];
        if (outChannels is { } c) output[channelAxis] = c;
        output[^2] = (height - layer.Kernel) / layer.Stride + 1;
        output[^1] = (width - layer.Kernel) / layer.Stride + 1;
        return (output, null);
    }

    private static (IReadOnlyList<long>?, string?) Flatten(IReadOnlyList<long> input)
    {
        if (input.Count < 2) return (null, $"flattens from dimension 1, so it needs at least 2 dimensions; the input is {Text(input)}.");
        try
        {
            return ([input[0], input.Skip(1).Aggregate(1L, (a, b) => checked(a * b))], null);
        }
        catch (OverflowException)
        {
            return (null, $"flattening {Text(input)} gives more elements than a tensor can hold.");
        }
    }

    private static string FlattenHint(IReadOnlyList<long> input) =>
        input.Count > 2 ? " Add a Flatten layer before it?" : "";

    private static string Text(IReadOnlyList<long> shape) => LayerStackAnalysis.ShapeText(shape);
}
