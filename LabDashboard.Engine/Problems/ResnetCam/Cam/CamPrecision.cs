namespace LabDashboard.Engine.Problems.ResnetCam.Cam;

/// <summary>The number format of the trunk's forward pass when a photo is explained.</summary>
public enum CamPrecision
{
    /// <summary>32-bit floats, as the model was trained.</summary>
    Float32,

    /// <summary>
    /// bfloat16 weights and activations (oneDNN accumulates in float32): on CPUs with AVX512-BF16 or AMX about
    /// 1.7× faster at 512 px; the pooled features move by a few parts in a thousand.
    /// </summary>
    BFloat16,
}

/// <summary>Choosing a <see cref="CamPrecision"/>.</summary>
public static class CamPrecisions
{
    /// <summary>The names configuration accepts (<c>Cam:Precision</c>).</summary>
    public static IReadOnlyList<string> Names { get; } = ["auto", "float32", "bfloat16"];

    /// <summary>
    /// <c>float32</c>, <c>bfloat16</c>, or <c>auto</c>/empty: bfloat16 where the CPU computes it natively, else
    /// float32 (emulated bfloat16 would be slower, not faster).
    /// </summary>
    /// <exception cref="ArgumentException">Another name.</exception>
    public static CamPrecision Parse(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        null or "" or "auto" => Auto(),
        "float32" => CamPrecision.Float32,
        "bfloat16" => CamPrecision.BFloat16,
        _ => throw new ArgumentException($"Unknown precision '{name}'; use {string.Join(", ", Names)}.", nameof(name)),
    };

    /// <summary>bfloat16 when this CPU has native bfloat16 arithmetic, else float32.</summary>
    public static CamPrecision Auto() => CpuHasNativeBFloat16(CpuFlags()) ? CamPrecision.BFloat16 : CamPrecision.Float32;

    /// <summary>True when the flags (as Linux lists them in /proc/cpuinfo) include AVX512-BF16 or AMX-BF16.</summary>
    public static bool CpuHasNativeBFloat16(IEnumerable<string> flags) =>
        flags.Any(flag => flag is "avx512_bf16" or "amx_bf16");

    /// <summary>The lower-case name, as runs and answers report it.</summary>
    public static string Name(this CamPrecision precision) => precision == CamPrecision.BFloat16 ? "bfloat16" : "float32";

    // Only Linux says; elsewhere float32 is the safe choice (configuration can still ask for bfloat16).
    private static IEnumerable<string> CpuFlags()
    {
        const string cpuinfo = "/proc/cpuinfo";
        if (!File.Exists(cpuinfo)) return [];
        var line = File.ReadLines(cpuinfo).FirstOrDefault(l => l.StartsWith("flags", StringComparison.Ordinal));
        return line is null ? [] : line[(line.IndexOf(':') + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
    }
}
