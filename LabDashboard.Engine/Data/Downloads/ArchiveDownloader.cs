using System.Formats.Tar;
using System.IO.Compression;
using System.Diagnostics;
using System.Security.Cryptography;

namespace LabDashboard.Engine.Data.Downloads;

/// <summary>A file to fetch: URL, expected MD5 (hex) and size hint for progress.</summary>
/// <param name="Url">Where.</param>
/// <param name="Md5">Expected MD5, lower-case hex.</param>
/// <param name="ApproximateBytes">For progress when the server sends no length.</param>
public sealed record DownloadItem(Uri Url, string Md5, long ApproximateBytes);

/// <summary>
/// Downloads archives with progress, verifies checksums, and extracts .tar.gz atomically: nothing
/// appears at the destination unless every archive arrived intact.
/// </summary>
public sealed class ArchiveDownloader(HttpClient http)
{
    /// <summary>Downloads and extracts every item into <paramref name="destination"/> (created atomically).</summary>
    /// <param name="items">Archives to fetch, in order.</param>
    /// <param name="destination">Folder to create with their contents.</param>
    /// <param name="progress">Bytes, rate and ETA over all archives (a few times a second), then a message per extraction.</param>
    /// <param name="cancellationToken">Stops the download.</param>
    public async Task DownloadAndExtractAsync(IReadOnlyList<DownloadItem> items, string destination, Action<DownloadProgress> progress, CancellationToken cancellationToken)
    {
        var parent = Path.GetDirectoryName(Path.GetFullPath(destination))!;
        var staging = Path.Combine(parent, "." + Path.GetFileName(destination) + "." + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(staging);
        try
        {
            var meter = new ProgressMeter(items.Sum(i => i.ApproximateBytes), progress);
            long before = 0;
            foreach (var item in items)
            {
                var archive = Path.Combine(staging, Path.GetFileName(item.Url.LocalPath));
                var name = Path.GetFileName(archive);
                await DownloadAsync(item, archive, done => meter.Report(name, before + done), cancellationToken);
                meter.Report(name, before + item.ApproximateBytes, force: true);
                await ExtractTarGzAsync(archive, staging, cancellationToken);
                File.Delete(archive);
                before += item.ApproximateBytes;
            }
            Directory.Move(staging, destination);
        }
        finally
        {
            if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
        }
    }

    private async Task DownloadAsync(DownloadItem item, string path, Action<long> progress, CancellationToken cancellationToken)
    {
        var actual = await HashingDownload.ToFileAsync(http, item.Url, path, HashAlgorithmName.MD5, _ => progress, cancellationToken);
        if (actual != item.Md5.ToLowerInvariant())
            throw new InvalidDataException($"{item.Url}: MD5 {actual} does not match the expected {item.Md5}.");
    }

    private static async Task ExtractTarGzAsync(string archive, string into, CancellationToken cancellationToken)
    {
        await using var file = File.OpenRead(archive);
        await using var gzip = new GZipStream(file, CompressionMode.Decompress);
        await TarFile.ExtractToDirectoryAsync(gzip, into, overwriteFiles: true, cancellationToken);
    }
}

/// <summary>Turns byte counts into <see cref="DownloadProgress"/> (rate, ETA), at most four reports a second.</summary>
internal sealed class ProgressMeter(long totalBytes, Action<DownloadProgress> report)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private double _lastReportSeconds = double.NegativeInfinity;

    public void Report(string file, long bytes, bool force = false)
    {
        var seconds = _clock.Elapsed.TotalSeconds;
        if (!force && seconds - _lastReportSeconds < 0.25) return;
        _lastReportSeconds = seconds;
        var rate = seconds > 0 ? bytes / seconds : 0;
        var eta = rate > 0 ? Math.Max(0, totalBytes - bytes) / rate : 0;
        report(new DownloadProgress(file, bytes, Math.Max(totalBytes, bytes), rate, eta));
    }
}
