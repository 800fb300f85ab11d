using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn.functional;

namespace LabDashboard.Engine.Problems.ResnetCam.Training;

/// <summary>
/// Random views of a float RGB batch [N, 3, S, S] in 0..255, each image on its own: a resized crop
/// (25–100 % of the area, aspect 3:4 to 4:3), a horizontal flip half the time, and brightness, contrast
/// and saturation each scaled by 0.7–1.3. Draws from its own seeded <see cref="Random"/>, never from
/// libtorch's global generator, so the views depend on the seed and the call order alone.
/// </summary>
internal sealed class ViewAugmenter(int seed)
{
    /// <summary>Changes when the views change, so cached features of older views are not reused.</summary>
    public const string Version = "views-v1";

    private const double MinArea = 0.25;
    private const double MaxLogAspect = 0.2877; // ln(4/3)
    private const double Jitter = 0.3;
    private readonly Random _random = new(seed);

    public Tensor Augment(Tensor rgb)
    {
        using var scope = NewDisposeScope();
        var views = Enumerable.Range(0, (int)rgb.shape[0]).Select(i => View(rgb.narrow(0, i, 1))).ToList();
        return cat(views, 0).MoveToOuterDisposeScope();
    }

    private Tensor View(Tensor image)
    {
        var size = image.shape[3];
        var (x, y, width, height) = CropBox(size);
        var view = interpolate(image.narrow(2, y, height).narrow(3, x, width), [size, size], mode: InterpolationMode.Bilinear, align_corners: false);
        if (_random.NextDouble() < 0.5) view = view.flip(3);
        view = view * Factor();
        var mean = view.mean();
        view = (view - mean) * Factor() + mean;
        var gray = Luminance(view);
        view = (view - gray) * Factor() + gray;
        return view.clamp(0, 255);
    }

    /// <summary>torchvision's RandomResizedCrop draw: up to ten tries for a box that fits, else the whole image.</summary>
    private (long X, long Y, long Width, long Height) CropBox(long size)
    {
        for (var attempt = 0; attempt < 10; attempt++)
        {
            var area = size * size * (MinArea + (1 - MinArea) * _random.NextDouble());
            var aspect = Math.Exp((2 * _random.NextDouble() - 1) * MaxLogAspect);
            var width = (long)Math.Round(Math.Sqrt(area * aspect));
            var height = (long)Math.Round(Math.Sqrt(area / aspect));
            if (width <= size && height <= size && width > 0 && height > 0)
                return (_random.NextInt64(size - width + 1), _random.NextInt64(size - height + 1), width, height);
        }
        return (0, 0, size, size);
    }

    private double Factor() => 1 + Jitter * (2 * _random.NextDouble() - 1);

    private static Tensor Luminance(Tensor rgb) =>
        (rgb.narrow(1, 0, 1) * 0.299 + rgb.narrow(1, 1, 1) * 0.587 + rgb.narrow(1, 2, 1) * 0.114);
}
