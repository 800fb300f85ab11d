using LabDashboard.Engine.Data.Images;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace LabDashboard.Engine.Problems.ResnetCam.Cam;

/// <summary>Colours a CAM, blends it over the input, and reads back the PNGs <see cref="RgbPng"/> wrote.</summary>
public static class OverlayRenderer
{
    /// <summary>
    /// The map in colours: sequential maps stretch [min, max] over the ramp; the diverging one puts
    /// zero in the middle and ±max|M| at the ends. Returns the value range the legend should show.
    /// </summary>
    public static (RgbImage Image, float Low, float High) Heatmap(float[] cam, int width, int height, string colormap)
    {
        var (min, max) = (cam.Min(), cam.Max());
        var diverging = Colormaps.IsDiverging(colormap);
        var extent = Math.Max(Math.Abs(min), Math.Abs(max));
        var (low, high) = diverging ? (-extent, extent) : (min, max);
        var rgb = new byte[width * height * 3];
        var ramp = Colormaps.Ramp(colormap);
        Parallel.For(0, height, y => ColourRow(cam.AsSpan(y * width, width), low, high, ramp, rgb.AsSpan(y * width * 3, width * 3)));
        return (new RgbImage(width, height, rgb), low, high);
    }

    private static void ColourRow(ReadOnlySpan<float> values, float low, float high, ColorRamp ramp, Span<byte> rgb)
    {
        var span = high - low;
        for (var i = 0; i < values.Length; i++)
        {
            var t = span > 0 ? (values[i] - low) / span : 0.5f;
            (rgb[3 * i], rgb[3 * i + 1], rgb[3 * i + 2]) = ramp.Color(t);
        }
    }

    /// <summary>(1 − α)·input + α·heatmap, per channel, rounded.</summary>
    public static RgbImage Blend(RgbImage input, RgbImage heatmap, double alpha)
    {
        if (input.Width != heatmap.Width || input.Height != heatmap.Height) throw new ArgumentException("Sizes differ.");
        var output = new byte[input.Rgb.Length];
        var stride = input.Width * 3;
        Parallel.For(0, input.Height, y =>
        {
            for (var i = y * stride; i < (y + 1) * stride; i++)
                output[i] = (byte)Math.Round((1 - alpha) * input.Rgb[i] + alpha * heatmap.Rgb[i]);
        });
        return new RgbImage(input.Width, input.Height, output);
    }

    /// <summary>An RGB image from PNG bytes (as <see cref="RgbPng"/> writes them).</summary>
    public static RgbImage FromPng(byte[] png)
    {
        using var img = Image.Load<Rgb24>(png);
        return ImageDecoder.ToRgb(img);
    }
}
