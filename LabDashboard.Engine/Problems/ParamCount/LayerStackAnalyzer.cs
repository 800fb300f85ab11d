using System.Globalization;
using LabDashboard.Engine.Problems.Texts;

namespace LabDashboard.Engine.Problems.ParamCount;

/// <summary>
/// Flows an input shape through a layer stack, counts parameters by formula and with TorchSharp,
/// and explains what is invalid. Never throws for user input: every problem becomes a message.
/// </summary>
public static class LayerStackAnalyzer
{
    /// <summary>The largest channel/feature count accepted.</summary>
    public const int MaxFeatures = 100_000;
    /// <summary>The largest kernel, stride or padding accepted.</summary>
    public const int MaxKernel = 100;
    /// <summary>The largest input dimension accepted.</summary>
    public const long MaxDimension = 1_000_000;

    /// <summary>Analyses <paramref name="layers"/> for an input of <paramref name="inputShape"/> (batch first).</summary>
    public static LayerStackAnalysis Analyze(IReadOnlyList<LayerSpec> layers, IReadOnlyList<long> inputShape)
    {
        var inputError = InputShapeError(inputShape);
        IReadOnlyList<long>? shape = inputError is null ? inputShape : null;
        var rows = new List<LayerRow>();
        foreach (var (layer, index) in layers.Select((l, i) => (l, i)))
        {
            var row = AnalyzeLayer(index, layer, shape);
            rows.Add(row);
            shape = row.OutputShape;
        }
        return new LayerStackAnalysis(inputShape, rows, inputError);
    }

    /// <summary>Parses "1, 1, 28, 28" (commas, spaces, x or × between numbers; brackets ignored).</summary>
    public static (IReadOnlyList<long>? Shape, LocalizableText? Error) ParseShape(string? text)
    {
        var parts = (text ?? "").Split([',', ' ', 'x', '×', '(', ')', '[', ']'], StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0) return (null, ParamCountTexts.EnterShape.Format());
        var shape = new List<long>();
        foreach (var part in parts)
        {
            if (!long.TryParse(part, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var dim))
                return (null, ParamCountTexts.NotWhole.Format(part));
            shape.Add(dim);
        }
        var error = InputShapeError(shape);
        return error is null ? (shape, null) : (null, error);
    }

    private static LocalizableText? InputShapeError(IReadOnlyList<long> shape)
    {
        if (shape.Count is < 1 or > 5) return ParamCountTexts.Dimensions.Format(shape.Count);
        if (shape.Any(d => d <= 0)) return ParamCountTexts.NotPositive.Format(LayerStackAnalysis.ShapeText(shape));
        if (shape.Any(d => d > MaxDimension)) return ParamCountTexts.TooLarge.Format(MaxDimension);
        return null;
    }

    private static LayerRow AnalyzeLayer(int index, LayerSpec layer, IReadOnlyList<long>? input)
    {
        var argumentError = LayerArguments.Error(layer);
        if (argumentError is not null) return new LayerRow(index, layer, input, null, null, null, argumentError);
        var formula = ParamFormula.For(layer);
        var (torchCount, torchError) = CountWithTorch(layer);
        if (torchError is not null) return new LayerRow(index, layer, input, null, formula, null, torchError);
        if (input is null) return new LayerRow(index, layer, null, null, formula, torchCount, null);
        var (output, shapeError) = ShapeFlow.Output(layer, input);
        return new LayerRow(index, layer, input, output, formula, torchCount, shapeError);
    }

    private static (long? Count, LocalizableText? Error) CountWithTorch(LayerSpec layer)
    {
        try
        {
            return (TorchParamCounter.Count(layer), null);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return (null, ParamCountTexts.TorchFailed.Format(e.Message));
        }
    }
}
