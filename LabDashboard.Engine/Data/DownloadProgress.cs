using System.Globalization;
using LabDashboard.Engine.Problems.Texts;

namespace LabDashboard.Engine.Data;

/// <summary>How far a data set download has come (all files together).</summary>
/// <param name="File">The file being downloaded.</param>
/// <param name="Bytes">Bytes received so far.</param>
/// <param name="TotalBytes">Bytes expected in all (servers' lengths where known, estimates otherwise).</param>
/// <param name="BytesPerSecond">Average rate so far.</param>
/// <param name="EtaSeconds">Estimated seconds left.</param>
public sealed record DownloadProgress(string File, long Bytes, long TotalBytes, double BytesPerSecond, double EtaSeconds)
{
    /// <summary>0..1.</summary>
    public double Fraction => TotalBytes <= 0 ? 0 : Math.Clamp((double)Bytes / TotalBytes, 0, 1);

    /// <summary>E.g. "Downloading train-images-idx3-ubyte.gz: 3.1 of 26.4 MB at 1.2 MB/s, about 20 s left".</summary>
    public LocalizableText Message => DataTexts.Downloading.Format(File,
        (Bytes / 1e6).ToString("0.0", CultureInfo.InvariantCulture), (TotalBytes / 1e6).ToString("0.0", CultureInfo.InvariantCulture),
        (BytesPerSecond / 1e6).ToString("0.00", CultureInfo.InvariantCulture), Math.Ceiling(EtaSeconds).ToString("0", CultureInfo.InvariantCulture));

    /// <summary>The numbers as progress-event metrics: bytes, totalBytes, bytesPerSecond, etaSeconds.</summary>
    public Dictionary<string, double> ToMetrics() => new()
    {
        ["bytes"] = Bytes,
        ["totalBytes"] = TotalBytes,
        ["bytesPerSecond"] = BytesPerSecond,
        ["etaSeconds"] = EtaSeconds,
    };
}
