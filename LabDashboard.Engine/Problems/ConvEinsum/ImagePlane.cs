namespace LabDashboard.Engine.Problems.ConvEinsum;

/// <summary>A single-channel image or feature map, row-major (inputs hold 0..1; maps any real value).</summary>
public sealed class ImagePlane
{
    /// <summary>Creates a plane; <paramref name="values"/> must hold width·height values.</summary>
    public ImagePlane(int width, int height, float[] values)
    {
        if (width <= 0 || height <= 0) throw new ArgumentOutOfRangeException(nameof(width), "Width and height must be positive.");
        if (values.Length != width * height) throw new ArgumentException($"Expected {width * height} values, got {values.Length}.", nameof(values));
        Width = width;
        Height = height;
        Values = values;
    }

    /// <summary>Columns.</summary>
    public int Width { get; }
    /// <summary>Rows.</summary>
    public int Height { get; }
    /// <summary>Row-major values.</summary>
    public float[] Values { get; }

    /// <summary>The value at (x, y).</summary>
    public float this[int x, int y] => Values[y * Width + x];

    /// <summary>The largest absolute value.</summary>
    public float MaxAbs => Values.Max(MathF.Abs);
    /// <summary>The smallest value.</summary>
    public float Min => Values.Min();
    /// <summary>The largest value.</summary>
    public float Max => Values.Max();
}

/// <summary>A colour image, planar (R plane, G plane, B plane), values 0..1.</summary>
public sealed class RgbImage
{
    /// <summary>Creates an image; <paramref name="planar"/> must hold 3·width·height values.</summary>
    public RgbImage(int width, int height, float[] planar)
    {
        if (width <= 0 || height <= 0) throw new ArgumentOutOfRangeException(nameof(width), "Width and height must be positive.");
        if (planar.Length != 3 * width * height) throw new ArgumentException($"Expected {3 * width * height} values, got {planar.Length}.", nameof(planar));
        Width = width;
        Height = height;
        Planar = planar;
    }

    /// <summary>Columns.</summary>
    public int Width { get; }
    /// <summary>Rows.</summary>
    public int Height { get; }
    /// <summary>Channel-major values: (3, height, width).</summary>
    public float[] Planar { get; }

    /// <summary>One channel (0 = R, 1 = G, 2 = B) as a plane.</summary>
    public ImagePlane Channel(int channel) =>
        new(Width, Height, Planar.AsSpan(channel * Width * Height, Width * Height).ToArray());
}
