using LabDashboard.Engine.Problems.Texts;

namespace LabDashboard.Engine.Problems.ParamCount;

/// <summary>A named network: its layers and the input shape used to show shapes flowing.</summary>
/// <param name="Name">E.g. <c>net1</c> or <c>conv2</c>.</param>
/// <param name="Layers">The layer stack.</param>
/// <param name="InputShape">Batch-first input shape.</param>
public sealed record NetworkSpec(string Name, IReadOnlyList<LayerSpec> Layers, IReadOnlyList<long> InputShape);

/// <summary>One exam question: which of two networks has more trainable parameters?</summary>
/// <param name="Number">1–5.</param>
/// <param name="First">The first network.</param>
/// <param name="Second">The second network.</param>
/// <param name="ExpectedFirst">The exam's count for the first.</param>
/// <param name="ExpectedSecond">The exam's count for the second.</param>
/// <param name="ExpectedAnswer">The exam's answer: a network's name or <c>same</c>.</param>
/// <param name="Why">The one-line reason.</param>
public sealed record ExamPair(
    int Number,
    NetworkSpec First,
    NetworkSpec Second,
    long ExpectedFirst,
    long ExpectedSecond,
    string ExpectedAnswer,
    LocalizableText Why)
{
    /// <summary>The answer choices: first name, second name, <c>same</c>.</summary>
    public IReadOnlyList<string> Choices => [First.Name, Second.Name, ExamPairs.Same];
}

/// <summary>The five pairs of problem 2.</summary>
public static class ExamPairs
{
    /// <summary>The answer when both counts are equal.</summary>
    public const string Same = "same";

    private static readonly long[] Features = [1, 10];
    private static readonly long[] Image = [1, 1, 28, 28];

    /// <summary>All five, in exam order.</summary>
    public static IReadOnlyList<ExamPair> All { get; } =
    [
        new(1,
            new("net1", [LayerSpec.Linear(10, 1, bias: false), LayerSpec.Sigmoid()], Features),
            new("net2", [LayerSpec.Linear(10, 1)], Features),
            10, 11, "net2",
            ParamCountTexts.Pair1Why.Format()),
        new(2,
            new("net1", [LayerSpec.Linear(10, 5), LayerSpec.Dropout(0.5), LayerSpec.ReLU(), LayerSpec.Linear(5, 1)], Features),
            new("net2", [LayerSpec.Linear(10, 5), LayerSpec.ReLU(), LayerSpec.Linear(5, 1)], Features),
            61, 61, Same,
            ParamCountTexts.Pair2Why.Format()),
        new(3,
            new("conv1", [LayerSpec.Conv2d(1, 1, 3)], Image),
            new("conv2", [LayerSpec.Conv2d(1, 1, 5)], Image),
            10, 26, "conv2",
            ParamCountTexts.Pair3Why.Format()),
        new(4,
            new("conv1", [LayerSpec.Conv2d(1, 2, 3)], Image),
            new("conv2", [LayerSpec.Conv2d(1, 1, 3)], Image),
            20, 10, "conv1",
            ParamCountTexts.Pair4Why.Format()),
        new(5,
            new("conv1", [LayerSpec.Conv2d(1, 2, 3, stride: 1)], Image),
            new("conv2", [LayerSpec.Conv2d(1, 2, 3, stride: 2)], Image),
            20, 20, Same,
            ParamCountTexts.Pair5Why.Format()),
    ];
}
