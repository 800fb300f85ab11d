using LabDashboard.Engine.Problems.Texts;

namespace LabDashboard.Engine.Problems.ParamCount;

/// <summary>One layer of an analysed stack.</summary>
/// <param name="Index">0-based position.</param>
/// <param name="Layer">The layer.</param>
/// <param name="InputShape">The shape flowing in; null after an earlier shape error.</param>
/// <param name="OutputShape">The shape flowing out; null when unknown.</param>
/// <param name="Formula">The count by formula; null when the arguments are invalid.</param>
/// <param name="TorchCount">The count from the real TorchSharp module; null when the arguments are invalid.</param>
/// <param name="Error">What is wrong with this layer, or null.</param>
public sealed record LayerRow(
    int Index,
    LayerSpec Layer,
    IReadOnlyList<long>? InputShape,
    IReadOnlyList<long>? OutputShape,
    FormulaCount? Formula,
    long? TorchCount,
    LocalizableText? Error);

/// <summary>A layer stack with shapes flowing through it and its parameter counts.</summary>
/// <param name="InputShape">The input shape (batch first, e.g. (1, 1, 28, 28)).</param>
/// <param name="Rows">One row per layer.</param>
/// <param name="InputError">What is wrong with the input shape, or null.</param>
public sealed record LayerStackAnalysis(IReadOnlyList<long> InputShape, IReadOnlyList<LayerRow> Rows, LocalizableText? InputError)
{
    /// <summary>Every message, input first, then by layer ("Layer 2 (Linear(5, 1)): …").</summary>
    public IReadOnlyList<LocalizableText> Errors =>
        [.. InputError is null ? [] : new[] { InputError },
         .. Rows.Where(r => r.Error is not null).Select(r => ParamCountTexts.LayerError.Format(r.Index + 1, r.Layer, r.Error!))];

    /// <summary>True when the input and every layer are valid.</summary>
    public bool IsValid => Errors.Count == 0;

    /// <summary>The sum of formula counts over layers with valid arguments.</summary>
    public long FormulaTotal => Rows.Sum(r => r.Formula?.Count ?? 0);

    /// <summary>The sum of TorchSharp counts over layers with valid arguments.</summary>
    public long TorchTotal => Rows.Sum(r => r.TorchCount ?? 0);

    /// <summary>The final output shape, or null when a shape could not flow.</summary>
    public IReadOnlyList<long>? OutputShape => Rows.Count == 0 ? (InputError is null ? InputShape : null) : Rows[^1].OutputShape;

    /// <summary>A shape as text, e.g. <c>(1, 1, 28, 28)</c>.</summary>
    public static string ShapeText(IReadOnlyList<long>? shape) => shape is null ? "?" : $"({string.Join(", ", shape)})";
}
