namespace LabDashboard.Engine.Data.Images;

/// <summary>Caps applied before and while decoding an untrusted image.</summary>
/// <param name="MaxBytes">Largest accepted file (default 20 MB).</param>
/// <param name="MaxPixels">Largest accepted width × height, read from the header before decoding (default 50 MP).</param>
/// <param name="AllocationLimitMegabytes">ImageSharp's per-allocation limit.</param>
public sealed record ImageLimits(long MaxBytes = 20 * 1024 * 1024, long MaxPixels = 50_000_000, int AllocationLimitMegabytes = 400)
{
    /// <summary>The defaults.</summary>
    public static ImageLimits Default { get; } = new();
}
