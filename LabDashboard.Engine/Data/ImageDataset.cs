using TorchSharp;
using static TorchSharp.torch;

namespace LabDashboard.Engine.Data;

/// <summary>
/// A loaded MNIST-style set: one float tensor per split of shape [N, 1, H, W] and int64 labels [N].
/// The tensors live outside any dispose scope; dispose the data set when done.
/// </summary>
public sealed class ImageDataset : IDisposable
{
    internal ImageDataset(DatasetLocation location, Tensor trainImages, Tensor trainLabels, Tensor testImages, Tensor testLabels, IReadOnlyList<string> warnings)
    {
        Location = location;
        TrainImages = trainImages.DetachFromDisposeScope();
        TrainLabels = trainLabels.DetachFromDisposeScope();
        TestImages = testImages.DetachFromDisposeScope();
        TestLabels = testLabels.DetachFromDisposeScope();
        Warnings = warnings;
    }

    /// <summary>Where it was read from (<see cref="DatasetLocation.Description"/> says it in a sentence).</summary>
    public DatasetLocation Location { get; }
    /// <summary>Training images, float32 [N, 1, H, W].</summary>
    public Tensor TrainImages { get; }
    /// <summary>Training labels, int64 [N].</summary>
    public Tensor TrainLabels { get; }
    /// <summary>Test images, float32 [N, 1, H, W].</summary>
    public Tensor TestImages { get; }
    /// <summary>Test labels, int64 [N].</summary>
    public Tensor TestLabels { get; }
    /// <summary>Things worth telling the user (e.g. a checksum that differs from the published one).</summary>
    public IReadOnlyList<string> Warnings { get; }
    /// <summary>Class names 0..9.</summary>
    public IReadOnlyList<string> ClassNames => Location.Spec.ClassNames;

    /// <inheritdoc />
    public void Dispose()
    {
        TrainImages.Dispose();
        TrainLabels.Dispose();
        TestImages.Dispose();
        TestLabels.Dispose();
    }
}
