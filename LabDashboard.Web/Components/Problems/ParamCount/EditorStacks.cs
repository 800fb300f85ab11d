using LabDashboard.Engine.Problems.ParamCount;

namespace LabDashboard.Web.Components.Problems.ParamCount;

/// <summary>Starting points for the build-your-own editor, and defaults for new layers.</summary>
public static class EditorStacks
{
    /// <summary>A named stack with its input shape.</summary>
    public sealed record Example(string Label, string InputShape, IReadOnlyList<LayerSpec> Layers);

    /// <summary>The examples offered.</summary>
    public static IReadOnlyList<Example> Examples { get; } =
    [
        new("Small CNN (28×28)", "1, 1, 28, 28",
            [LayerSpec.Conv2d(1, 8, 3), LayerSpec.ReLU(), LayerSpec.MaxPool2d(2), LayerSpec.Flatten(), LayerSpec.Linear(8 * 13 * 13, 10)]),
        new("MLP 784-128-10", "1, 784",
            [LayerSpec.Linear(784, 128), LayerSpec.ReLU(), LayerSpec.Dropout(0.2), LayerSpec.Linear(128, 10)]),
        new("Exam pair 2, net1", "1, 10",
            [LayerSpec.Linear(10, 5), LayerSpec.Dropout(0.5), LayerSpec.ReLU(), LayerSpec.Linear(5, 1)]),
    ];

    /// <summary>A new layer of <paramref name="kind"/> that fits after <paramref name="shape"/> when it can.</summary>
    public static LayerSpec NewLayer(LayerKind kind, IReadOnlyList<long>? shape) => kind switch
    {
        LayerKind.Linear => LayerSpec.Linear(Fit(shape?[^1], 10), 10),
        LayerKind.Conv2d => LayerSpec.Conv2d(shape is { Count: 3 or 4 } ? Fit(shape[^3], 1) : 1, 8, 3),
        LayerKind.Dropout => LayerSpec.Dropout(0.5),
        LayerKind.MaxPool2d => LayerSpec.MaxPool2d(2),
        _ => new LayerSpec(kind),
    };

    private static int Fit(long? size, int fallback) => size is > 0 and <= LayerStackAnalyzer.MaxFeatures ? (int)size.Value : fallback;
}
