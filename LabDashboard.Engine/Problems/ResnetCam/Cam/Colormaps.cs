namespace LabDashboard.Engine.Problems.ResnetCam.Cam;

/// <summary>
/// Colormaps as piecewise-linear ramps through evenly spaced anchor colours (matplotlib's magma and
/// viridis sampled at 9 points, jet, and blue–white–red). The page's HTML legend uses the same anchors.
/// </summary>
public static class Colormaps
{
    /// <summary>Colormap names, default first.</summary>
    public static IReadOnlyList<string> Names { get; } = ["magma", "jet", "viridis", "bwr"];

    private static readonly Dictionary<string, string[]> Anchors = new(StringComparer.Ordinal)
    {
        ["magma"] = ["#000004", "#1c1044", "#4f127b", "#812581", "#b5367a", "#e55064", "#fb8761", "#fec287", "#fcfdbf"],
        ["viridis"] = ["#440154", "#472d7b", "#3b528b", "#2c728e", "#21908c", "#27ad81", "#5dc863", "#aadc32", "#fde725"],
        ["jet"] = ["#00007f", "#0000ff", "#007fff", "#00ffff", "#7fff7f", "#ffff00", "#ff7f00", "#ff0000", "#7f0000"],
        ["bwr"] = ["#0000ff", "#ffffff", "#ff0000"],
    };

    /// <summary>The anchor colours (#rrggbb) of a map, low to high.</summary>
    public static IReadOnlyList<string> AnchorColors(string name) => Anchors[Resolve(name)];

    /// <summary>True for a diverging map (centred on zero).</summary>
    public static bool IsDiverging(string name) => Resolve(name) == "bwr";

    /// <summary>A CSS linear-gradient for a legend.</summary>
    public static string CssGradient(string name, string direction = "to right") =>
        $"linear-gradient({direction}, {string.Join(", ", AnchorColors(name))})";

    /// <summary>The RGB colour at <paramref name="t"/> in [0, 1].</summary>
    public static (byte R, byte G, byte B) Color(string name, float t) => Ramp(name).Color(t);

    /// <summary>A map's anchors parsed once, for colouring many values (a 512² heatmap is 262,144 calls).</summary>
    public static ColorRamp Ramp(string name) => Ramps[Resolve(name)];

    private static readonly Dictionary<string, ColorRamp> Ramps =
        Anchors.ToDictionary(map => map.Key, map => new ColorRamp(map.Value.Select(Parse).ToArray()), StringComparer.Ordinal);

    /// <summary>The name, or magma when unknown.</summary>
    public static string Resolve(string? name) => name is not null && Anchors.ContainsKey(name) ? name : "magma";

    private static (byte R, byte G, byte B) Parse(string hex) =>
        (Convert.ToByte(hex[1..3], 16), Convert.ToByte(hex[3..5], 16), Convert.ToByte(hex[5..7], 16));
}

/// <summary>A piecewise-linear ramp through evenly spaced anchor colours.</summary>
public sealed class ColorRamp
{
    private readonly (byte R, byte G, byte B)[] _anchors;

    internal ColorRamp((byte R, byte G, byte B)[] anchors) => _anchors = anchors;

    /// <summary>The RGB colour at <paramref name="t"/> in [0, 1] (NaN counts as 0).</summary>
    public (byte R, byte G, byte B) Color(float t)
    {
        var position = Math.Clamp(float.IsNaN(t) ? 0f : t, 0f, 1f) * (_anchors.Length - 1);
        var low = (int)MathF.Floor(position);
        var high = Math.Min(low + 1, _anchors.Length - 1);
        var fraction = position - low;
        var (a, b) = (_anchors[low], _anchors[high]);
        return (Mix(a.R, b.R, fraction), Mix(a.G, b.G, fraction), Mix(a.B, b.B, fraction));
    }

    private static byte Mix(byte a, byte b, float t) => (byte)Math.Round(a + (b - a) * t);
}
