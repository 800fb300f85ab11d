using System.Security.Cryptography;

namespace LabDashboard.Engine.Data.Downloads;

/// <summary>
/// Downloads one file with progress and checks its SHA-256 against a hex prefix, as torchvision's
/// <c>check_hash</c> does; the file appears at the destination only when it arrived whole and matches.
/// </summary>
public sealed class FileDownloader(HttpClient http)
{
    /// <summary>Downloads <paramref name="url"/> to <paramref name="destination"/> via a temporary file in the same folder.</summary>
    /// <param name="url">Where.</param>
    /// <param name="sha256Prefix">The start of the expected SHA-256, hex (torchvision puts 8 digits in the file name).</param>
    /// <param name="destination">The file to create (replaced if present).</param>
    /// <param name="approximateBytes">For progress when the server sends no length.</param>
    /// <param name="progress">Bytes, rate and ETA, a few times a second and once at the end.</param>
    /// <param name="cancellationToken">Stops the download.</param>
    public async Task DownloadAsync(Uri url, string sha256Prefix, string destination, long approximateBytes, Action<DownloadProgress> progress, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(sha256Prefix);
        var folder = Path.GetDirectoryName(Path.GetFullPath(destination))!;
        Directory.CreateDirectory(folder);
        var temp = Path.Combine(folder, "." + Path.GetFileName(destination) + "." + Guid.NewGuid().ToString("N") + ".tmp");
        try
        {
            var sha256 = await FetchAsync(url, temp, approximateBytes, progress, cancellationToken);
            if (!sha256.StartsWith(sha256Prefix, StringComparison.OrdinalIgnoreCase))
                throw new InvalidDataException($"{url}: SHA-256 {sha256} does not start with the expected {sha256Prefix.ToLowerInvariant()}.");
            File.Move(temp, destination, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    private async Task<string> FetchAsync(Uri url, string path, long approximateBytes, Action<DownloadProgress> progress, CancellationToken cancellationToken)
    {
        var name = Path.GetFileName(url.LocalPath);
        ProgressMeter? meter = null;
        long done = 0;
        var sha256 = await HashingDownload.ToFileAsync(http, url, path, HashAlgorithmName.SHA256, length =>
        {
            var started = new ProgressMeter(length ?? approximateBytes, progress);
            meter = started;
            return bytes => started.Report(name, done = bytes);
        }, cancellationToken);
        meter!.Report(name, done, force: true);
        return sha256;
    }
}
