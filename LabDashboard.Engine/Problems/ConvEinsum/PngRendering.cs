using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace LabDashboard.Engine.Problems.ConvEinsum;

/// <summary>Renders planes as small PNGs (pages scale them up with pixelated CSS).</summary>
public static class PngRendering
{
    /// <summary>Grayscale: 0 is black, 1 is white (values outside are clamped).</summary>
    public static byte[] Gray(ImagePlane plane) => Render(plane.Width, plane.Height, (x, y) =>
    {
        var v = (byte)Math.Round(Math.Clamp(plane[x, y], 0f, 1f) * 255);
        return new Rgb24(v, v, v);
    });

    /// <summary>Signed map on the diverging scale of ±<paramref name="scale"/>.</summary>
    public static byte[] Diverging(ImagePlane plane, float scale) => Render(plane.Width, plane.Height, (x, y) =>
    {
        var (r, g, b) = DivergingScale.Colour(plane[x, y], scale);
        return new Rgb24(r, g, b);
    });

    /// <summary>A colour image (values clamped to 0..1).</summary>
    public static byte[] Rgb(RgbImage image)
    {
        var area = image.Width * image.Height;
        return Render(image.Width, image.Height, (x, y) =>
        {
            var i = y * image.Width + x;
            return new Rgb24(ToByte(image.Planar[i]), ToByte(image.Planar[area + i]), ToByte(image.Planar[2 * area + i]));
        });
    }

    /// <summary>A data URL for a PNG (for small server-rendered images).</summary>
    public static string DataUrl(byte[] png) => "data:image/png;base64," + Convert.ToBase64String(png);

    private static byte ToByte(float v) => (byte)Math.Round(Math.Clamp(v, 0f, 1f) * 255);

    private static byte[] Render(int width, int height, Func<int, int, Rgb24> pixel)
    {
        using var image = new Image<Rgb24>(width, height);
        for (var y = 0; y < height; y++)
            for (var x = 0; x < width; x++)
                image[x, y] = pixel(x, y);
        using var stream = new MemoryStream();
        image.SaveAsPng(stream);
        return stream.ToArray();
    }
}
