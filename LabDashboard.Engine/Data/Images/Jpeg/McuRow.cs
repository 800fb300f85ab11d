namespace LabDashboard.Engine.Data.Images.Jpeg;

/// <summary>
/// One row of MCUs as dequantised coefficient blocks, in scan order, handed from the Huffman stage to the
/// reducing stage. The reducing stage zeroes each block after use, so the Huffman stage only writes non-zeros.
/// </summary>
internal sealed class McuRow(int blocks)
{
    /// <summary>64 coefficients per block, natural order.</summary>
    public float[] Coefficients { get; } = new float[blocks * 64];

    /// <summary>Per block, the last coefficient row (0–7) holding a non-zero value.</summary>
    public byte[] LastRows { get; } = new byte[blocks];
}
