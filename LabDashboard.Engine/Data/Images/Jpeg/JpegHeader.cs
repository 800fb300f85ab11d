namespace LabDashboard.Engine.Data.Images.Jpeg;

/// <summary>One colour component of a frame and the tables its scan uses.</summary>
internal sealed class JpegComponent(int id, int horizontalSampling, int verticalSampling, int quantTable)
{
    public int Id { get; } = id;
    public int HorizontalSampling { get; } = horizontalSampling;
    public int VerticalSampling { get; } = verticalSampling;
    public int QuantTable { get; } = quantTable;
    public int DcTable { get; set; }
    public int AcTable { get; set; }
}

/// <summary>
/// What a baseline JPEG says before its one scan: size, components, quantisation and Huffman tables,
/// restart interval and where the entropy-coded data begins.
/// </summary>
internal sealed class JpegHeader
{
    public int Width { get; set; }
    public int Height { get; set; }
    public List<JpegComponent> Components { get; } = [];
    /// <summary>Quantisation tables in natural (row-major) order.</summary>
    public int[]?[] QuantTables { get; } = new int[]?[4];
    public HuffmanTable?[] DcTables { get; } = new HuffmanTable?[4];
    public HuffmanTable?[] AcTables { get; } = new HuffmanTable?[4];
    public int RestartInterval { get; set; }
    public int ScanStart { get; set; }
    public bool AdobeWithoutYCbCr { get; set; }

    public int MaxHorizontalSampling => Components.Max(c => c.HorizontalSampling);
    public int MaxVerticalSampling => Components.Max(c => c.VerticalSampling);
}
