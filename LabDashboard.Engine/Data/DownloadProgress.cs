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

    /// <summary>E.g. "train-images-idx3-ubyte.gz: 3.1 of 26.4 MB at 1.2 MB/s, about 20 s left".</summary>
    public string Message => FormattableString.Invariant(
        $"{File}: {Bytes / 1e6:0.0} of {TotalBytes / 1e6:0.0} MB at {BytesPerSecond / 1e6:0.00} MB/s, about {Math.Ceiling(EtaSeconds):0} s left");

    /// <summary>The numbers as progress-event metrics: bytes, totalBytes, bytesPerSecond, etaSeconds.</summary>
    public Dictionary<string, double> ToMetrics() => new()
    {
        ["bytes"] = Bytes,
        ["totalBytes"] = TotalBytes,
        ["bytesPerSecond"] = BytesPerSecond,
        ["etaSeconds"] = EtaSeconds,
    };
}
