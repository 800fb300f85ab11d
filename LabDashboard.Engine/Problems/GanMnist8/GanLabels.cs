namespace LabDashboard.Engine.Problems.GanMnist8;

/// <summary>
/// Which target the discriminator learns for real and for fake images. The lecture calls real 0
/// and fake 1, so a "good" generator drives D(G(z)) towards 0; the standard choice is the reverse.
/// </summary>
/// <param name="Name"><c>lecture</c> or <c>standard</c>.</param>
/// <param name="Real">Target for real images.</param>
/// <param name="Fake">Target for generated images.</param>
public sealed record GanLabels(string Name, float Real, float Fake)
{
    /// <summary>real = 0, fake = 1.</summary>
    public static GanLabels Lecture { get; } = new(GanSettings.LectureLabels, 0f, 1f);

    /// <summary>real = 1, fake = 0.</summary>
    public static GanLabels Standard { get; } = new(GanSettings.StandardLabels, 1f, 0f);

    /// <summary>The labels with this name.</summary>
    public static GanLabels Named(string name) => name switch
    {
        GanSettings.LectureLabels => Lecture,
        GanSettings.StandardLabels => Standard,
        _ => throw new ArgumentException($"Unknown labels '{name}'.", nameof(name)),
    };
}
