using LabDashboard.Engine.Data.Images;

namespace LabDashboard.Engine.Problems.ResnetCam.Cam;

/// <summary>Configuration of <see cref="CamService"/> (section <c>Cam</c>), validated at start-up.</summary>
public sealed class CamServiceOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Cam";

    /// <summary>Largest accepted upload (<c>Cam:MaxUploadBytes</c>).</summary>
    public long MaxUploadBytes { get; set; } = ImageLimits.Default.MaxBytes;

    /// <summary>Most pixels a decoded photo may have (<c>Cam:MaxPixels</c>).</summary>
    public long MaxPixels { get; set; } = ImageLimits.Default.MaxPixels;

    /// <summary>One of <see cref="CamPrecisions.Names"/>; empty = auto (<c>Cam:Precision</c>).</summary>
    public string? Precision { get; set; }

    /// <summary>The decoder's limits.</summary>
    public ImageLimits Limits => new(MaxUploadBytes, MaxPixels);

    /// <summary>True when <see cref="Precision"/> names a precision <see cref="CamPrecisions.Parse"/> accepts.</summary>
    public bool HasKnownPrecision =>
        string.IsNullOrWhiteSpace(Precision) || CamPrecisions.Names.Contains(Precision.Trim().ToLowerInvariant());
}
