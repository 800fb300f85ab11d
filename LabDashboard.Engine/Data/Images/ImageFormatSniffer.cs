namespace LabDashboard.Engine.Data.Images;

/// <summary>The image formats accepted for upload and training data.</summary>
public enum AcceptedImageFormat
{
    /// <summary>Not one of the accepted formats (or not an image).</summary>
    None,
    /// <summary>JPEG.</summary>
    Jpeg,
    /// <summary>PNG.</summary>
    Png,
    /// <summary>WebP.</summary>
    Webp,
    /// <summary>BMP.</summary>
    Bmp,
    /// <summary>GIF (the first frame is used).</summary>
    Gif,
}

/// <summary>Decides an image's format from its first bytes, never from its file name.</summary>
public static class ImageFormatSniffer
{
    /// <summary>The format whose signature starts <paramref name="bytes"/>, or <see cref="AcceptedImageFormat.None"/>.</summary>
    public static AcceptedImageFormat Detect(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF])) return AcceptedImageFormat.Jpeg;
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A])) return AcceptedImageFormat.Png;
        if (bytes.StartsWith("GIF87a"u8) || bytes.StartsWith("GIF89a"u8)) return AcceptedImageFormat.Gif;
        if (bytes.Length >= 12 && bytes.StartsWith("RIFF"u8) && bytes[8..12].SequenceEqual("WEBP"u8)) return AcceptedImageFormat.Webp;
        if (bytes.Length >= 14 && bytes.StartsWith("BM"u8)) return AcceptedImageFormat.Bmp;
        return AcceptedImageFormat.None;
    }

    /// <summary>
    /// True when the file visibly ends where its format says it should. ImageSharp 2.1 decodes a
    /// truncated JPEG without complaint (grey bottom), so the end marker is checked here.
    /// </summary>
    public static bool LooksComplete(ReadOnlySpan<byte> bytes, AcceptedImageFormat format) => format switch
    {
        AcceptedImageFormat.Jpeg => JpegHasEndAfterLastScan(bytes),
        AcceptedImageFormat.Png => bytes.IndexOf("IEND"u8) > 8,
        _ => true,
    };

    /// <summary>
    /// An EOI (FF D9) must follow the last SOS (FF DA). Entropy-coded data byte-stuffs FF, so neither
    /// marker appears by chance inside a scan; an embedded Exif thumbnail's EOI comes before the main scan.
    /// </summary>
    private static bool JpegHasEndAfterLastScan(ReadOnlySpan<byte> bytes)
    {
        var lastScan = bytes.LastIndexOf((ReadOnlySpan<byte>)[0xFF, 0xDA]);
        if (lastScan < 0) return false;
        return bytes[lastScan..].IndexOf((ReadOnlySpan<byte>)[0xFF, 0xD9]) >= 0;
    }
}
