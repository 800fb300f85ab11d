using LabDashboard.Engine.Problems.Texts;

namespace LabDashboard.Engine.Problems.ConvEinsum;

/// <summary>A named input image for the conv page.</summary>
/// <param name="Id">Stable id, e.g. <c>square</c> or <c>fashion-3</c>.</param>
/// <param name="Label">What a user sees.</param>
/// <param name="Image">The grayscale image (0..1).</param>
public sealed record SampleImage(string Id, LocalizableText Label, ImagePlane Image)
{
    /// <summary>A user's own image, labelled with its file name.</summary>
    public static SampleImage Upload(string fileName, ImagePlane image) => new("upload", ConvEinsumTexts.Upload.Format(fileName), image);
}

/// <summary>Test images drawn in code: a square, a circle, stripes, and a colour scene.</summary>
public static class SyntheticImages
{
    /// <summary>Default side length in pixels.</summary>
    public const int DefaultSize = 64;

    /// <summary>The three grayscale shapes.</summary>
    public static IReadOnlyList<SampleImage> All(int size = DefaultSize) =>
    [
        new("square", ConvEinsumTexts.Square.Format(), Square(size)),
        new("circle", ConvEinsumTexts.Circle.Format(), Circle(size)),
        new("stripes", ConvEinsumTexts.Stripes.Format(), Stripes(size)),
    ];

    /// <summary>A bright square in the middle of a dark field.</summary>
    public static ImagePlane Square(int size = DefaultSize) =>
        Draw(size, (x, y) => InRange(x, size / 4, 3 * size / 4) && InRange(y, size / 4, 3 * size / 4) ? 1f : 0f);

    /// <summary>A bright disc in the middle of a dark field.</summary>
    public static ImagePlane Circle(int size = DefaultSize)
    {
        var centre = (size - 1) / 2f;
        var radius = size * 0.3f;
        return Draw(size, (x, y) => Hypot(x - centre, y - centre) <= radius ? 1f : 0f);
    }

    /// <summary>Diagonal stripes, 8 pixels wide.</summary>
    public static ImagePlane Stripes(int size = DefaultSize) => Draw(size, (x, y) => (x + y) / 8 % 2 == 0 ? 1f : 0f);

    /// <summary>A colour scene: a red square, a green disc and blue bars on a gray gradient.</summary>
    public static RgbImage ColourScene(int size = DefaultSize)
    {
        var planar = new float[3 * size * size];
        var centre = size * 0.68f;
        for (var y = 0; y < size; y++)
            for (var x = 0; x < size; x++)
            {
                var (r, g, b) = SceneColour(x, y, size, centre);
                var i = y * size + x;
                planar[i] = r;
                planar[size * size + i] = g;
                planar[2 * size * size + i] = b;
            }
        return new RgbImage(size, size, planar);
    }

    private static (float R, float G, float B) SceneColour(int x, int y, int size, float centre)
    {
        if (InRange(x, size / 8, size / 2) && InRange(y, size / 8, size / 2)) return (0.9f, 0.1f, 0.1f);
        if (Hypot(x - centre, y - centre) <= size * 0.22f) return (0.1f, 0.8f, 0.2f);
        if (y > size * 0.8f && x / 4 % 2 == 0) return (0.1f, 0.2f, 0.9f);
        var shade = 0.3f + 0.4f * x / size;
        return (shade, shade, shade);
    }

    private static ImagePlane Draw(int size, Func<int, int, float> pixel)
    {
        var values = new float[size * size];
        for (var y = 0; y < size; y++)
            for (var x = 0; x < size; x++)
                values[y * size + x] = pixel(x, y);
        return new ImagePlane(size, size, values);
    }

    private static bool InRange(int v, int from, int to) => v >= from && v < to;

    private static float Hypot(float dx, float dy) => MathF.Sqrt(dx * dx + dy * dy);
}
