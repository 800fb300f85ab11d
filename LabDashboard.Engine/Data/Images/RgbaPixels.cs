namespace LabDashboard.Engine.Data.Images;

/// <summary>Converts between packed RGB and the RGBA layout Skia decodes to and encodes from (alpha always opaque).</summary>
internal static class RgbaPixels
{
    /// <summary>The RGB bytes of <paramref name="rgba"/>, alpha dropped.</summary>
    public static byte[] ToRgb(ReadOnlySpan<byte> rgba)
    {
        var rgb = new byte[rgba.Length / 4 * 3];
        for (int i = 0, j = 0; j < rgb.Length; i += 4, j += 3)
            (rgb[j], rgb[j + 1], rgb[j + 2]) = (rgba[i], rgba[i + 1], rgba[i + 2]);
        return rgb;
    }

    /// <summary><paramref name="rgb"/> with an opaque alpha byte after each pixel.</summary>
    public static byte[] FromRgb(ReadOnlySpan<byte> rgb)
    {
        var rgba = new byte[rgb.Length / 3 * 4];
        for (int i = 0, j = 0; i < rgb.Length; i += 3, j += 4)
            (rgba[j], rgba[j + 1], rgba[j + 2], rgba[j + 3]) = (rgb[i], rgb[i + 1], rgb[i + 2], byte.MaxValue);
        return rgba;
    }
}
