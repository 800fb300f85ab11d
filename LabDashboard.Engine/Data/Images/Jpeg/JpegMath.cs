using System.Runtime.CompilerServices;

namespace LabDashboard.Engine.Data.Images.Jpeg;

/// <summary>The two bits of arithmetic every stage of the reduced decoder shares.</summary>
internal static class JpegMath
{
    /// <summary>⌈<paramref name="value"/> / <paramref name="divisor"/>⌉ for non-negative values.</summary>
    public static int Ceiling(int value, int divisor) => (value + divisor - 1) / divisor;

    /// <summary>A sample rounded and clamped to 0–255.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static byte ToByte(float value) => (byte)Math.Clamp((int)MathF.Round(value), 0, 255);
}
