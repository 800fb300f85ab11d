namespace LabDashboard.Engine.Problems.ConvEinsum;

/// <summary>
/// The blue–white–red colour scale for signed maps: −scale is blue, 0 is white, +scale is red.
/// Pages draw the legend from <see cref="Stops"/>, so the legend and the PNGs always agree.
/// </summary>
public static class DivergingScale
{
    /// <summary>Colour stops at positions −1 … 1.</summary>
    public static IReadOnlyList<ColourStop> Stops { get; } =
    [
        new(-1.0, 33, 102, 172),
        new(-0.5, 103, 169, 207),
        new(0.0, 247, 247, 247),
        new(0.5, 239, 138, 98),
        new(1.0, 178, 24, 43),
    ];

    /// <summary>The colour of <paramref name="value"/> on a symmetric scale of ±<paramref name="scale"/> (clamped).</summary>
    public static (byte R, byte G, byte B) Colour(float value, float scale)
    {
        var t = scale > 0 ? Math.Clamp(value / scale, -1f, 1f) : 0f;
        for (var i = 1; i < Stops.Count; i++)
        {
            if (t > Stops[i].Position) continue;
            var (a, b) = (Stops[i - 1], Stops[i]);
            var f = (t - a.Position) / (b.Position - a.Position);
            return (Lerp(a.R, b.R, f), Lerp(a.G, b.G, f), Lerp(a.B, b.B, f));
        }
        var last = Stops[^1];
        return (last.R, last.G, last.B);
    }

    /// <summary>A "nice" symmetric scale covering <paramref name="maxAbs"/> (1, 2, 2.5, 5 × 10ⁿ; 1 for zero maps).</summary>
    public static float NiceScale(float maxAbs)
    {
        if (!(maxAbs > 0) || !float.IsFinite(maxAbs)) return 1f;
        var power = MathF.Pow(10, MathF.Floor(MathF.Log10(maxAbs)));
        foreach (var step in new[] { 1f, 2f, 2.5f, 5f, 10f })
            if (step * power >= maxAbs * 0.9999f) return step * power;
        return 10 * power;
    }

    private static byte Lerp(byte a, byte b, double f) => (byte)Math.Round(a + (b - a) * f);
}

/// <summary>One stop of a colour scale.</summary>
/// <param name="Position">Where on −1 … 1.</param>
/// <param name="R">Red 0–255.</param>
/// <param name="G">Green 0–255.</param>
/// <param name="B">Blue 0–255.</param>
public sealed record ColourStop(double Position, byte R, byte G, byte B)
{
    /// <summary>CSS hex colour, e.g. <c>#2166ac</c>.</summary>
    public string Hex => $"#{R:x2}{G:x2}{B:x2}";
}
