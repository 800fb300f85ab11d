namespace LabDashboard.Engine.Data.Images.Jpeg;

/// <summary>
/// How a scan's blocks map onto output planes at a reduction factor: MCUs, blocks per MCU and output
/// samples per block side for each component, so every component lands at the same reduced resolution.
/// </summary>
internal sealed record ScanLayout(int McusAcross, int McusDown, int[] BlocksAcross, int[] BlocksDown,
    int[] OutputAcross, int[] OutputDown, int PlaneWidth, int PlaneHeight)
{
    /// <summary>The layout, or null when a component's samples do not reduce to a whole 1, 2, 4 or 8 per block side.</summary>
    public static ScanLayout? For(JpegHeader header, int scale)
    {
        var components = header.Components;
        if (components.Count == 1)
        {
            // A single-component scan is not interleaved: one block per MCU, whatever the sampling factors say.
            int k = 8 / scale, across = JpegMath.Ceiling(header.Width, 8), down = JpegMath.Ceiling(header.Height, 8);
            return new ScanLayout(across, down, [1], [1], [k], [k], across * k, down * k);
        }
        int hMax = header.MaxHorizontalSampling, vMax = header.MaxVerticalSampling;
        var kx = new int[components.Count];
        var ky = new int[components.Count];
        for (var c = 0; c < components.Count; c++)
        {
            var (h, v) = (components[c].HorizontalSampling, components[c].VerticalSampling);
            if (8 * hMax % (h * scale) != 0 || 8 * vMax % (v * scale) != 0) return null;
            (kx[c], ky[c]) = (8 * hMax / (h * scale), 8 * vMax / (v * scale));
            if (!BlockReducer.Supports(kx[c]) || !BlockReducer.Supports(ky[c])) return null;
        }
        int mcusAcross = JpegMath.Ceiling(header.Width, 8 * hMax), mcusDown = JpegMath.Ceiling(header.Height, 8 * vMax);
        return new ScanLayout(mcusAcross, mcusDown,
            components.Select(c => c.HorizontalSampling).ToArray(), components.Select(c => c.VerticalSampling).ToArray(),
            kx, ky, mcusAcross * 8 * hMax / scale, mcusDown * 8 * vMax / scale);
    }
}
