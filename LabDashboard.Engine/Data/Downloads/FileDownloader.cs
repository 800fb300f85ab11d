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
        using var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        response.EnsureSuccessStatusCode();
        var meter = new ProgressMeter(response.Content.Headers.ContentLength ?? approximateBytes, progress);
        var name = Path.GetFileName(url.LocalPath);
        await using var source = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long done = 0;
        await using (var target = File.Create(path))
        {
            var buffer = new byte[1 << 16];
            int read;
            while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
            {
                await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                sha256.AppendData(buffer, 0, read);
                done += read;
                meter.Report(name, done);
            }
        }
        meter.Report(name, done, force: true);
        return Convert.ToHexString(sha256.GetHashAndReset()).ToLowerInvariant();
    }
}
