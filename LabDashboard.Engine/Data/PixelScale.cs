namespace LabDashboard.Engine.Data;

/// <summary>How image bytes become floats.</summary>
public enum PixelScale
{
    /// <summary>Divide by 255 (torchvision's <c>ToTensor</c>): pixels in 0–1.</summary>
    Unit,
    /// <summary>Keep 0–255 (as the exam's CSV gives them).</summary>
    Raw255,
}
