using System.Globalization;

namespace LabDashboard.Engine.Problems.ParamCount;

/// <summary>A layer's trainable-parameter count by formula, with the formula written out.</summary>
/// <param name="Count">The count.</param>
/// <param name="Formula">E.g. <c>1·2·3² + 2 = 20</c>.</param>
public sealed record FormulaCount(long Count, string Formula);

/// <summary>Counts parameters by formula: weights in·out (·k² for convolutions), plus out biases.</summary>
public static class ParamFormula
{
    /// <summary>The count and its formula for one layer (arguments assumed valid).</summary>
    public static FormulaCount For(LayerSpec layer) => layer.Kind switch
    {
        LayerKind.Linear => Weighted($"{layer.In}·{layer.Out}", (long)layer.In * layer.Out, layer),
        LayerKind.Conv2d => Weighted($"{layer.In}·{layer.Out}·{layer.Kernel}²", (long)layer.In * layer.Out * layer.Kernel * layer.Kernel, layer),
        _ => new FormulaCount(0, $"0 ({layer.Kind} has no parameters)"),
    };

    private static FormulaCount Weighted(string weights, long weightCount, LayerSpec layer)
    {
        if (!layer.Bias) return new FormulaCount(weightCount, string.Create(CultureInfo.InvariantCulture, $"{weights} = {weightCount:N0} (no bias)"));
        var total = weightCount + layer.Out;
        return new FormulaCount(total, string.Create(CultureInfo.InvariantCulture, $"{weights} + {layer.Out} = {total:N0}"));
    }
}
