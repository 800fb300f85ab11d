namespace LabDashboard.Web.Runs;

/// <summary>The exam's eight problems, so navigation can list the ones not built yet.</summary>
public static class ExamProblems
{
    public sealed record Entry(int Number, string Id, string Title);

    public static IReadOnlyList<Entry> All { get; } =
    [
        new(1, "conv-einsum", "Convolution with einsum"),
        new(2, "param-count", "Parameter count"),
        new(3, "exp-mle", "Exponential MLE"),
        new(4, "free-fall", "Free-fall regression"),
        new(5, "iris", "Iris classifier"),
        new(6, "fashion-cnn", "Fashion-MNIST CNN"),
        new(7, "resnet-cam", "ResNet-18 class activation map"),
        new(8, "gan-mnist8", "GAN for MNIST eights"),
    ];
}
