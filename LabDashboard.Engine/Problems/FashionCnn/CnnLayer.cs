namespace LabDashboard.Engine.Problems.FashionCnn;

/// <summary>The kinds of layer an edited CNN stack may use.</summary>
public enum CnnLayerKind
{
    /// <summary><c>conv(out, kernel)</c>: Conv2d, stride 1, no padding.</summary>
    Conv,
    /// <summary><c>relu</c>.</summary>
    Relu,
    /// <summary><c>maxpool(k)</c>: MaxPool2d with kernel and stride k.</summary>
    MaxPool,
    /// <summary><c>dropout(p)</c>.</summary>
    Dropout,
    /// <summary><c>flatten</c>.</summary>
    Flatten,
    /// <summary><c>linear(out)</c>: the input width is inferred.</summary>
    Linear,
}

/// <summary>One layer of a CNN stack, e.g. <c>conv(64,5)</c>.</summary>
/// <param name="Kind">The layer kind.</param>
/// <param name="Size">Output channels/features (conv, linear) or pool size; 0 when unused.</param>
/// <param name="Kernel">Conv kernel size; 0 when unused.</param>
/// <param name="Probability">Dropout probability; 0 when unused.</param>
public sealed record CnnLayer(CnnLayerKind Kind, int Size = 0, int Kernel = 0, double Probability = 0)
{
    /// <inheritdoc />
    public override string ToString() => Kind switch
    {
        CnnLayerKind.Conv => $"conv({Size},{Kernel})",
        CnnLayerKind.MaxPool => $"maxpool({Size})",
        CnnLayerKind.Dropout => FormattableString.Invariant($"dropout({Probability})"),
        CnnLayerKind.Linear => $"linear({Size})",
        _ => Kind.ToString().ToLowerInvariant(),
    };
}
