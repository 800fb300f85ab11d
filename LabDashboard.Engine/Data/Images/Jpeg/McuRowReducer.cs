namespace LabDashboard.Engine.Data.Images.Jpeg;

/// <summary>
/// The reducing stage: turns one <see cref="McuRow"/> into its reduced samples per component (zeroing each
/// block for reuse), then converts those output rows to RGB in the final image.
/// </summary>
internal sealed class McuRowReducer
{
    private readonly ScanLayout _layout;
    private readonly byte[][] _planes;
    private readonly int _rowsPerMcu;
    private readonly int _width;
    private readonly int _height;

    public McuRowReducer(ScanLayout layout, int components, int width, int height)
    {
        _layout = layout;
        _rowsPerMcu = layout.BlocksDown[0] * layout.OutputDown[0];
        _planes = Enumerable.Range(0, components).Select(_ => new byte[layout.PlaneWidth * _rowsPerMcu]).ToArray();
        (_width, _height) = (width, height);
        Rgb = new byte[width * height * 3];
    }

    /// <summary>The decoded image, complete once every row went through <see cref="Reduce"/>.</summary>
    public byte[] Rgb { get; }

    /// <summary>Reduces MCU row <paramref name="mcuY"/> and writes its pixels.</summary>
    public void Reduce(int mcuY, McuRow row)
    {
        var block = 0;
        for (var mcuX = 0; mcuX < _layout.McusAcross; mcuX++)
            for (var c = 0; c < _planes.Length; c++)
            {
                var (across, down, kx, ky) = (_layout.BlocksAcross[c], _layout.BlocksDown[c], _layout.OutputAcross[c], _layout.OutputDown[c]);
                for (var by = 0; by < down; by++)
                    for (var bx = 0; bx < across; bx++, block++)
                    {
                        var coefficients = row.Coefficients.AsSpan(block * 64, 64);
                        var lastRow = row.LastRows[block];
                        BlockReducer.Reduce(coefficients, lastRow, kx, ky, _planes[c], _layout.PlaneWidth, (mcuX * across + bx) * kx, by * ky);
                        coefficients[..((lastRow + 1) * 8)].Clear();
                    }
            }
        WritePixels(mcuY * _rowsPerMcu);
    }

    private void WritePixels(int firstRow)
    {
        var rows = Math.Min(_rowsPerMcu, _height - firstRow);
        for (var y = 0; y < rows; y++)
        {
            var target = Rgb.AsSpan((firstRow + y) * _width * 3, _width * 3);
            var at = y * _layout.PlaneWidth;
            if (_planes.Length == 1) GreyRow(_planes[0].AsSpan(at, _width), target);
            else YCbCrRow(_planes[0].AsSpan(at, _width), _planes[1].AsSpan(at, _width), _planes[2].AsSpan(at, _width), target);
        }
    }

    private static void GreyRow(ReadOnlySpan<byte> grey, Span<byte> target)
    {
        for (var x = 0; x < grey.Length; x++) target[3 * x] = target[3 * x + 1] = target[3 * x + 2] = grey[x];
    }

    /// <summary>JFIF's YCbCr → RGB (ITU-R BT.601, full range).</summary>
    private static void YCbCrRow(ReadOnlySpan<byte> luma, ReadOnlySpan<byte> blue, ReadOnlySpan<byte> red, Span<byte> target)
    {
        for (var x = 0; x < luma.Length; x++)
        {
            float y = luma[x], cb = blue[x] - 128f, cr = red[x] - 128f;
            target[3 * x] = JpegMath.ToByte(y + 1.402f * cr);
            target[3 * x + 1] = JpegMath.ToByte(y - 0.344136f * cb - 0.714136f * cr);
            target[3 * x + 2] = JpegMath.ToByte(y + 1.772f * cb);
        }
    }
}
