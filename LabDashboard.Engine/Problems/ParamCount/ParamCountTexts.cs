using LabDashboard.Engine.Problems.Texts;

namespace LabDashboard.Engine.Problems.ParamCount;

/// <summary>param-count's texts (checks, run messages, captions, errors), keyed for the pages' languages.</summary>
internal static class ParamCountTexts
{
    public static readonly TextTemplate PairCheck = new("param-count.check.pair", "pair{0}");
    public static readonly TextTemplate PairDetail = new("param-count.check.pair.detail", "pair {0}: {1} {2} vs {3} {4} → {5} (exam: {6}, {7} vs {8})");
    public static readonly TextTemplate EnterShape = new("param-count.error.enterShape", "Enter an input shape such as 1, 1, 28, 28.");
    public static readonly TextTemplate NotWhole = new("param-count.error.notWhole", "'{0}' in the input shape is not a whole number.");
    public static readonly TextTemplate Dimensions = new("param-count.error.dimensions", "The input shape needs 1 to 5 dimensions, got {0}.");
    public static readonly TextTemplate NotPositive = new("param-count.error.notPositive", "Every input dimension must be positive, got {0}.");
    public static readonly TextTemplate TooLarge = new("param-count.error.tooLarge", "Input dimensions above {0} are not accepted.");
    public static readonly TextTemplate TorchFailed = new("param-count.error.torchFailed", "TorchSharp could not build this layer: {0}");
    public static readonly TextTemplate LayerError = new("param-count.error.layer", "Layer {0} ({1}): {2}");
    public static readonly TextTemplate LastDimension = new("param-count.error.lastDimension", "expects the last dimension to be {0}, but the input is {1}.");
    public static readonly TextTemplate LastDimensionFlatten = new("param-count.error.lastDimensionFlatten", "expects the last dimension to be {0}, but the input is {1}. Add a Flatten layer before it?");
    public static readonly TextTemplate Spatial = new("param-count.error.spatial", "expects (C, H, W) or (N, C, H, W), but the input is {0}.");
    public static readonly TextTemplate Channels = new("param-count.error.channels", "expects {0} input channel(s), but the input {1} has {2}.");
    public static readonly TextTemplate WindowTooBig = new("param-count.error.windowTooBig", "the {0}×{0} window does not fit the {1}×{2} input.");
    public static readonly TextTemplate WindowTooBigPadded = new("param-count.error.windowTooBigPadded", "the {0}×{0} window does not fit the padded {1}×{2} input.");
    public static readonly TextTemplate FlattenDimensions = new("param-count.error.flattenDimensions", "flattens from dimension 1, so it needs at least 2 dimensions; the input is {0}.");
    public static readonly TextTemplate FlattenOverflow = new("param-count.error.flattenOverflow", "flattening {0} gives more elements than a tensor can hold.");
    public static readonly TextTemplate DropoutP = new("param-count.error.dropoutP", "p must be between 0 and 1, got {0}.");
    public static readonly TextTemplate UnknownKind = new("param-count.error.unknownKind", "Unknown layer kind {0}.");
    public static readonly TextTemplate NotPositiveArgument = new("param-count.error.notPositiveArgument", "{0} must be a positive whole number, got {1}.");
    public static readonly TextTemplate ArgumentTooLarge = new("param-count.error.argumentTooLarge", "{0} above {1} is not accepted here, got {2}.");
    public static readonly TextTemplate NegativePadding = new("param-count.error.negativePadding", "padding cannot be negative, got {0}.");
    public static readonly TextTemplate Pair1Why = new("param-count.pair1.why", "A bias adds one parameter per output (10·1 + 1 = 11); Sigmoid has none.");
    public static readonly TextTemplate Pair2Why = new("param-count.pair2.why", "Dropout adds no parameters: both are (10·5 + 5) + (5·1 + 1) = 61.");
    public static readonly TextTemplate Pair3Why = new("param-count.pair3.why", "The kernel adds in·out·k² weights: 1·1·3² + 1 = 10 against 1·1·5² + 1 = 26.");
    public static readonly TextTemplate Pair4Why = new("param-count.pair4.why", "Each output channel has its own kernel and bias: 1·2·3² + 2 = 20 against 10.");
    public static readonly TextTemplate Pair5Why = new("param-count.pair5.why", "Stride changes the output size (26×26 against 13×13), not the weights: 20 and 20.");
}
