using System.Globalization;

namespace LabDashboard.Engine.Problems.ConvEinsum;

/// <summary>A 4×4 convolution kernel (row-major), immutable.</summary>
public sealed class Kernel4x4 : IEquatable<Kernel4x4>
{
    /// <summary>Rows and columns.</summary>
    public const int Size = 4;

    private readonly float[] _values;

    /// <summary>Creates a kernel from 16 finite values in row-major order.</summary>
    /// <exception cref="ArgumentException">Not 16 values, or a value is not finite.</exception>
    public Kernel4x4(IReadOnlyList<float> values)
    {
        if (values.Count != Size * Size) throw new ArgumentException($"A 4×4 kernel needs 16 values, got {values.Count}.", nameof(values));
        if (values.Any(v => !float.IsFinite(v))) throw new ArgumentException("Kernel values must be finite.", nameof(values));
        _values = [.. values];
    }

    /// <summary>The value at (row, col), both 0-based.</summary>
    public float this[int row, int col] => _values[row * Size + col];

    /// <summary>A copy of the 16 values in row-major order.</summary>
    public float[] ToArray() => [.. _values];

    /// <summary>The kernel with one value replaced.</summary>
    public Kernel4x4 With(int row, int col, float value)
    {
        var values = ToArray();
        values[row * Size + col] = value;
        return new Kernel4x4(values);
    }

    /// <summary>The largest absolute value (0 for the zero kernel).</summary>
    public float MaxAbs => _values.Max(MathF.Abs);

    /// <summary>A kernel from up to 4 rows of up to 4 values; missing entries are 0 (a 3×3 kernel lands top-left).</summary>
    public static Kernel4x4 FromRows(params float[][] rows)
    {
        var values = new float[Size * Size];
        for (var r = 0; r < Math.Min(rows.Length, Size); r++)
            for (var c = 0; c < Math.Min(rows[r].Length, Size); c++)
                values[r * Size + c] = rows[r][c];
        return new Kernel4x4(values);
    }

    /// <summary>The kernel as a Python-style nested list, e.g. <c>[[0, 0, 0, 0], …]</c>.</summary>
    public override string ToString() =>
        "[" + string.Join(", ", Enumerable.Range(0, Size).Select(r =>
            "[" + string.Join(", ", Enumerable.Range(0, Size).Select(c => this[r, c].ToString("0.###", CultureInfo.InvariantCulture))) + "]")) + "]";

    /// <inheritdoc />
    public bool Equals(Kernel4x4? other) => other is not null && _values.AsSpan().SequenceEqual(other._values);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as Kernel4x4);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var v in _values) hash.Add(v);
        return hash.ToHashCode();
    }
}
