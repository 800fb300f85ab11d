using System.Globalization;
using System.Text.RegularExpressions;

namespace LabDashboard.Engine.Problems.FashionCnn;

/// <summary>
/// A CNN for 1×28×28 images as a list of layers, written like
/// <c>conv(64,5) relu maxpool(2) conv(64,5) relu maxpool(2) flatten linear(10)</c>.
/// Linear input widths are inferred from the shapes.
/// </summary>
public sealed partial record CnnArchitecture(IReadOnlyList<CnnLayer> Layers)
{
    /// <summary>Image side the stacks are built for.</summary>
    public const int ImageSide = 28;
    /// <summary>Number of classes the stack must end with.</summary>
    public const int Classes = 10;
    /// <summary>The most trainable parameters a stack may have (the reference has about 114,000).</summary>
    public const long MaxParameters = 20_000_000;
    /// <summary>The most values one image may produce across all layers' outputs (the reference: about 92,000).</summary>
    public const long MaxActivationsPerImage = 2_000_000;

    /// <summary>The lecture's CNN: <c>Conv2d(1,64,5)→ReLU→MaxPool2→Conv2d(64,64,5)→ReLU→MaxPool2→Flatten→Linear(1024,10)</c>.</summary>
    public static CnnArchitecture Reference { get; } = Parse("conv(64,5) relu maxpool(2) conv(64,5) relu maxpool(2) flatten linear(10)");

    /// <summary>A small CNN: <c>Conv2d(1,16,5)→ReLU→MaxPool2→Flatten→Linear(2304,10)</c>.</summary>
    public static CnnArchitecture Small { get; } = Parse("conv(16,5) relu maxpool(2) flatten linear(10)");

    /// <summary>The preset or the edited stack a setting names.</summary>
    public static CnnArchitecture Named(string name, string customLayers) => name switch
    {
        "reference" => Reference,
        "small" => Small,
        _ => Parse(customLayers),
    };

    /// <summary>Reads a stack; layers separated by spaces, commas outside parentheses, '→' or ';'.</summary>
    /// <exception cref="FormatException">An unknown or malformed layer, or a stack that is not a valid CNN (no Conv2d, bad shapes, not ending in 10 outputs).</exception>
    public static CnnArchitecture Parse(string text)
    {
        var layers = LayerPattern().Matches(text).Select(ParseLayer).ToList();
        var leftovers = LayerPattern().Replace(text, "").Trim(' ', ',', ';', '→', '-', '>', '\t', '\n', '\r');
        if (leftovers.Length > 0) throw new FormatException($"Cannot read '{leftovers}' in the layer stack.");
        var architecture = new CnnArchitecture(layers);
        architecture.Validate();
        var (parameters, activations) = architecture.Size();
        // A shared server trains it: a stack that would take gigabytes per image is refused before it is built.
        if (parameters > MaxParameters)
            throw new FormatException($"The stack has {parameters:N0} parameters; at most {MaxParameters:N0} are accepted.");
        if (activations > MaxActivationsPerImage)
            throw new FormatException($"The stack's layers produce {activations:N0} values per image; at most {MaxActivationsPerImage:N0} are accepted.");
        return architecture with { Parameters = parameters, ActivationsPerImage = activations };
    }

    /// <summary>The first conv layer's output channels (the filters shown after training).</summary>
    public int FirstConvChannels => Layers.First(l => l.Kind == CnnLayerKind.Conv).Size;

    /// <inheritdoc />
    public override string ToString() => string.Join(" ", Layers);

    /// <summary>Trainable parameters: weights and biases of every conv and linear layer.</summary>
    public long Parameters { get; private init; }

    /// <summary>Values one image produces across all layers' outputs: what a batch holds per image for the backward pass.</summary>
    public long ActivationsPerImage { get; private init; }

    /// <summary>Input features of each linear layer, in order (inferred from the shapes).</summary>
    public IReadOnlyList<int> LinearInputs()
    {
        var inputs = new List<int>();
        Walk((layer, features) => { if (layer.Kind == CnnLayerKind.Linear) inputs.Add(features); });
        return inputs;
    }

    private void Validate()
    {
        if (Layers.Count == 0) throw new FormatException("The layer stack is empty.");
        if (!Layers.Any(l => l.Kind == CnnLayerKind.Conv))
            throw new FormatException("The stack must contain a Conv2d layer (the exam asks for a CNN), e.g. conv(16,5).");
        var output = Walk((_, _) => { });
        if (output != Classes) throw new FormatException($"The stack must end with {Classes} outputs (e.g. linear(10)); it ends with {output}.");
    }

    /// <summary>Follows the shapes through the stack; returns the flat output width.</summary>
    private int Walk(Action<CnnLayer, int> onLayer)
    {
        int channels = 1, side = ImageSide, features = -1;
        foreach (var layer in Layers)
        {
            onLayer(layer, features);
            switch (layer.Kind)
            {
                case CnnLayerKind.Conv:
                    RequireSpatial(layer, features);
                    channels = layer.Size;
                    side -= layer.Kernel - 1;
                    if (side < 1) throw new FormatException($"{layer} shrinks the image below 1×1.");
                    break;
                case CnnLayerKind.MaxPool:
                    RequireSpatial(layer, features);
                    side /= layer.Size;
                    if (side < 1) throw new FormatException($"{layer} shrinks the image below 1×1.");
                    break;
                case CnnLayerKind.Flatten:
                    features = features < 0 ? channels * side * side : features;
                    break;
                case CnnLayerKind.Linear:
                    if (features < 0) throw new FormatException($"{layer} needs a flatten before it.");
                    features = layer.Size;
                    break;
            }
        }
        return features < 0 ? -1 : features;
    }

    /// <summary>Parameters and per-image activation values, following the shapes as <see cref="Walk"/> does.</summary>
    private (long Parameters, long Activations) Size()
    {
        long parameters = 0, activations = 0, channels = 1, side = ImageSide, features = -1;
        foreach (var layer in Layers)
        {
            switch (layer.Kind)
            {
                case CnnLayerKind.Conv:
                    parameters += channels * layer.Size * layer.Kernel * layer.Kernel + layer.Size;
                    (channels, side) = (layer.Size, side - layer.Kernel + 1);
                    break;
                case CnnLayerKind.MaxPool:
                    side /= layer.Size;
                    break;
                case CnnLayerKind.Flatten:
                    features = features < 0 ? channels * side * side : features;
                    break;
                case CnnLayerKind.Linear:
                    parameters += features * layer.Size + layer.Size;
                    features = layer.Size;
                    break;
            }
            activations += features < 0 ? channels * side * side : features;
        }
        return (parameters, activations);
    }

    private static void RequireSpatial(CnnLayer layer, int features)
    {
        if (features >= 0) throw new FormatException($"{layer} cannot follow flatten.");
    }

    private static CnnLayer ParseLayer(Match match)
    {
        var name = match.Groups["name"].Value.ToLowerInvariant();
        var args = match.Groups["args"].Success
            ? match.Groups["args"].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            : [];
        return name switch
        {
            "conv" or "conv2d" when args.Length == 2 => new CnnLayer(CnnLayerKind.Conv, Positive(args[0], match), Kernel: Positive(args[1], match)),
            "relu" when args.Length == 0 => new CnnLayer(CnnLayerKind.Relu),
            "maxpool" or "maxpool2d" when args.Length == 1 => new CnnLayer(CnnLayerKind.MaxPool, Positive(args[0], match)),
            "flatten" when args.Length == 0 => new CnnLayer(CnnLayerKind.Flatten),
            "linear" when args.Length == 1 => new CnnLayer(CnnLayerKind.Linear, Positive(args[0], match)),
            "dropout" when args.Length == 1 => new CnnLayer(CnnLayerKind.Dropout, Probability: Probability(args[0], match)),
            _ => throw new FormatException($"Unknown layer '{match.Value}'. Use conv(out,kernel), relu, maxpool(k), dropout(p), flatten, linear(out)."),
        };
    }

    private static int Positive(string text, Match match) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value is > 0 and <= 4096
            ? value
            : throw new FormatException($"'{text}' in {match.Value} must be a whole number from 1 to 4096.");

    private static double Probability(string text, Match match) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var p) && p is >= 0 and < 1
            ? p
            : throw new FormatException($"'{text}' in {match.Value} must be a probability in [0, 1).");

    [GeneratedRegex(@"(?<name>[A-Za-z][A-Za-z0-9]*)\s*(\((?<args>[^)]*)\))?")]
    private static partial Regex LayerPattern();
}
