using LabDashboard.Engine.Data.Images;
using TorchSharp;
using static TorchSharp.torch;

namespace LabDashboard.Engine.Problems.ResnetCam.Model;

/// <summary>Turns equally sized RGB images into a model input batch [N, 3, H, W] (float32, CPU).</summary>
internal sealed class ImagePreprocessor(string preprocessing, Tensor? cntkMeanImageBgr)
{
    private static readonly float[] ImagenetMean = [0.485f, 0.456f, 0.406f];
    private static readonly float[] ImagenetStd = [0.229f, 0.224f, 0.225f];

    public string Preprocessing { get; } = preprocessing;

    public Tensor ToInput(IReadOnlyList<RgbImage> images)
    {
        using var rgb = ToFloatRgb(images);
        return FromFloatRgb(rgb);
    }

    /// <summary>A float32 RGB batch [N, 3, H, W] in 0..255 (e.g. augmented) as model input.</summary>
    public Tensor FromFloatRgb(Tensor rgb)
    {
        using var scope = NewDisposeScope();
        var input = Preprocessing switch
        {
            Preprocessings.CntkBgrMean => rgb.flip(1) - MeanImage(rgb.shape[2], rgb.shape[3]),
            Preprocessings.TorchvisionRgb01 => rgb / 255f,
            Preprocessings.TorchvisionImagenet => (rgb / 255f - tensor(ImagenetMean).view(1, 3, 1, 1)) / tensor(ImagenetStd).view(1, 3, 1, 1),
            _ => throw new ArgumentException($"Unknown preprocessing '{Preprocessing}'."),
        };
        return input.MoveToOuterDisposeScope();
    }

    /// <summary>uint8 HWC images → float32 [N, 3, H, W] in 0..255.</summary>
    public static Tensor ToFloatRgb(IReadOnlyList<RgbImage> images)
    {
        var (width, height) = (images[0].Width, images[0].Height);
        var bytes = new byte[images.Count * width * height * 3];
        for (var i = 0; i < images.Count; i++)
        {
            if (images[i].Width != width || images[i].Height != height) throw new ArgumentException("Images in a batch must have one size.");
            images[i].Rgb.CopyTo(bytes, i * width * height * 3);
        }
        using var raw = tensor(bytes, [images.Count, height, width, 3], ScalarType.Byte);
        return raw.permute(0, 3, 1, 2).to(ScalarType.Float32);
    }

    private Tensor MeanImage(long height, long width)
    {
        var mean = cntkMeanImageBgr ?? throw new InvalidOperationException("The CNTK preprocessing needs the mean image.");
        if (mean.shape[2] == height && mean.shape[3] == width) return mean;
        return nn.functional.interpolate(mean, [height, width], mode: InterpolationMode.Bilinear, align_corners: false);
    }
}
