using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using static TorchSharp.torch;

namespace LabDashboard.Engine.Problems.FashionCnn;

/// <summary>Small grayscale PNGs: single images and grids of maps (no text: labels belong in HTML).</summary>
public static class GrayPng
{
    /// <summary>A [H, W] tensor with values in 0–1 (clamped) as a PNG.</summary>
    public static byte[] FromUnit(Tensor image)
    {
        using var scope = NewDisposeScope();
        var bytes = image.clamp(0, 1).mul(255).round().to_type(ScalarType.Byte).cpu().contiguous().bytes.ToArray();
        return Encode(bytes, (int)image.shape[1], (int)image.shape[0]);
    }

    /// <summary>
    /// [N, H, W] maps as a grid, each map stretched to its own min–max, enlarged <paramref name="zoom"/>×,
    /// <paramref name="columns"/> per row, separated by a 1-pixel dark gap.
    /// </summary>
    public static byte[] Grid(Tensor maps, int columns, int zoom)
    {
        using var scope = NewDisposeScope();
        var count = (int)maps.shape[0];
        var (h, w) = ((int)maps.shape[1], (int)maps.shape[2]);
        var flat = maps.detach().cpu().reshape(count, -1);
        var min = flat.amin([1], keepdim: true);
        var span = (flat.amax([1], keepdim: true) - min).clamp_min(1e-8);
        var scaled = (flat - min).div(span).mul(255).round().to_type(ScalarType.Byte).contiguous().bytes.ToArray();
        var rows = (count + columns - 1) / columns;
        var (cellW, cellH) = (w * zoom + 1, h * zoom + 1);
        var canvas = new byte[(rows * cellH + 1) * (columns * cellW + 1)];
        Array.Fill(canvas, (byte)40);
        var stride = columns * cellW + 1;
        for (var n = 0; n < count; n++)
            for (var y = 0; y < h * zoom; y++)
                for (var x = 0; x < w * zoom; x++)
                    canvas[(n / columns * cellH + 1 + y) * stride + n % columns * cellW + 1 + x] = scaled[n * h * w + y / zoom * w + x / zoom];
        return Encode(canvas, stride, rows * cellH + 1);
    }

    private static byte[] Encode(byte[] pixels, int width, int height)
    {
        using var image = Image.LoadPixelData<L8>(pixels, width, height);
        using var output = new MemoryStream();
        image.SaveAsPng(output);
        return output.ToArray();
    }
}
