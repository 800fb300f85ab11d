using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace LabDashboard.Engine.Data.Images.Jpeg;

/// <summary>
/// Turns one dequantised 8×8 DCT block into its <c>kx</c>×<c>ky</c> box averages directly in the
/// frequency domain: each output sample is the mean of an (8/k)² patch of the block's full inverse DCT,
/// computed from the coefficients without producing the 64 pixels (k = 8 is the plain inverse DCT).
/// Rows of 8 coefficients are handled as two 4-wide vectors (SSE on x64, NEON on Arm).
/// </summary>
internal static class BlockReducer
{
    /// <summary>Indexed by k (1, 2, 4, 8); k rows of 8 weights each.</summary>
    private static readonly float[]?[] Weights = [null, Matrix(1), Matrix(2), null, Matrix(4), null, null, null, Matrix(8)];

    /// <summary>Whether <paramref name="k"/> output samples per block side can be produced.</summary>
    public static bool Supports(int k) => k is 1 or 2 or 4 or 8;

    /// <summary>
    /// Writes the reduced block to <paramref name="plane"/> at (<paramref name="x"/>, <paramref name="y"/>),
    /// level-shifted and clamped to 0–255. Rows of <paramref name="coefficients"/> beyond
    /// <paramref name="lastRow"/> are all zero.
    /// </summary>
    public static void Reduce(ReadOnlySpan<float> coefficients, int lastRow, int kx, int ky, Span<byte> plane, int stride, int x, int y)
    {
        if (coefficients.Length < 64) throw new ArgumentException("A block has 64 coefficients.", nameof(coefficients));
        if (lastRow == 0 && IsDcOnly(coefficients))
        {
            FillConstant(JpegMath.ToByte(coefficients[0] / 8f + 128f), kx, ky, plane, stride, x, y);
            return;
        }
        var horizontal = Weights[kx]!;
        var vertical = Weights[ky]!;
        ref var block = ref MemoryMarshal.GetReference(coefficients);
        for (var oy = 0; oy < ky; oy++)
        {
            // Columns first: the weighted sum of the coefficient rows for output row oy, 8 wide.
            var (left, right) = (Vector128<float>.Zero, Vector128<float>.Zero);
            for (var v = 0; v <= lastRow; v++)
            {
                var weight = Vector128.Create(vertical[oy * 8 + v]);
                left += weight * Vector128.LoadUnsafe(ref block, (nuint)(v * 8));
                right += weight * Vector128.LoadUnsafe(ref block, (nuint)(v * 8 + 4));
            }
            var row = plane.Slice((y + oy) * stride + x, kx);
            for (var ox = 0; ox < kx; ox++)
            {
                var sum = Vector128.Sum(left * Vector128.Create(horizontal, ox * 8) + right * Vector128.Create(horizontal, ox * 8 + 4));
                row[ox] = JpegMath.ToByte(sum + 128f);
            }
        }
    }

    private static bool IsDcOnly(ReadOnlySpan<float> coefficients)
    {
        for (var u = 1; u < 8; u++)
            if (coefficients[u] != 0) return false;
        return true;
    }

    private static void FillConstant(byte value, int kx, int ky, Span<byte> plane, int stride, int x, int y)
    {
        for (var oy = 0; oy < ky; oy++) plane.Slice((y + oy) * stride + x, kx).Fill(value);
    }

    /// <summary>
    /// Row o, column u: the mean over the o-th run of 8/k samples of the 1-D inverse-DCT basis
    /// C(u)/2·cos((2s+1)uπ/16), C(0) = 1/√2; the 2-D transform is this matrix applied to rows and columns.
    /// </summary>
    private static float[] Matrix(int k)
    {
        var span = 8 / k;
        var matrix = new float[k * 8];
        for (var o = 0; o < k; o++)
            for (var u = 0; u < 8; u++)
            {
                var scale = u == 0 ? 1 / Math.Sqrt(2) / 2 : 0.5;
                var sum = 0.0;
                for (var s = o * span; s < (o + 1) * span; s++) sum += Math.Cos((2 * s + 1) * u * Math.PI / 16);
                matrix[o * 8 + u] = (float)(scale * sum / span);
            }
        return matrix;
    }
}
