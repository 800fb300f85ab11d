using static TorchSharp.torch;

namespace LabDashboard.Engine.Data;

/// <summary>Turns raw pixel and label bytes into tensors.</summary>
public static class ImageTensors
{
    /// <summary>[N, H, W] bytes → float32 [N, 1, H, W], divided by 255 unless <paramref name="scale"/> is raw.</summary>
    public static Tensor Images(byte[] pixels, int count, int height, int width, PixelScale scale)
    {
        using var bytes = tensor(pixels, [count, 1, height, width], ScalarType.Byte);
        var floats = bytes.to_type(ScalarType.Float32);
        return scale == PixelScale.Unit ? floats.div_(255f) : floats;
    }

    /// <summary>Label bytes → int64 [N].</summary>
    public static Tensor Labels(byte[] labels)
    {
        using var bytes = tensor(labels, [labels.Length], ScalarType.Byte);
        return bytes.to_type(ScalarType.Int64);
    }
}
