using static TorchSharp.torch;

namespace LabDashboard.Engine.Problems.GanMnist8;

/// <summary>Selects the images of one digit.</summary>
internal static class DigitFilter
{
    /// <summary>The images (n, 1, 28, 28) whose label is <paramref name="digit"/>, as a new tensor.</summary>
    public static Tensor Images(Tensor images, Tensor labels, int digit)
    {
        using var mask = labels.eq(digit);
        using var indices = mask.nonzero().flatten();
        return images.index_select(0, indices);
    }
}
