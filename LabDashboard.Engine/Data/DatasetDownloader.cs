using System.Diagnostics;
using System.Net.Sockets;
using System.Security.Cryptography;

namespace LabDashboard.Engine.Data;

/// <summary>
/// Downloads the missing files of an MNIST-style set from its mirrors (as torchvision does),
/// checks each against the sha256 of its uncompressed IDX content, and moves it into place
/// atomically, so an interrupted or bad download never leaves a file that looks complete.
/// Synchronous: it runs on a run's own thread.
/// </summary>
public sealed class DatasetDownloader(HttpClient http)
{
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromMilliseconds(200);

    /// <summary>A client that fails fast when offline.</summary>
    public static HttpClient CreateHttpClient() => new(new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(10) })
    {
        Timeout = TimeSpan.FromMinutes(10),
    };

    /// <summary>Downloads every file of <paramref name="spec"/> missing from <paramref name="folder"/>.</summary>
    /// <exception cref="DatasetDownloadException">A file could not be fetched or failed its checksum (the message names it).</exception>
    public void Download(ImageDatasetSpec spec, string folder, Action<DownloadProgress>? progress, CancellationToken cancellation)
    {
        Directory.CreateDirectory(folder);
        var missing = spec.Files.Where(f => !File.Exists(Path.Combine(folder, f.GzipName)) && !File.Exists(Path.Combine(folder, f.Name))).ToList();
        var tally = new Tally(missing.ToDictionary(f => f.GzipName, f => f.ApproxGzipBytes), progress);
        foreach (var file in missing)
            DownloadFromAnyMirror(spec, file, folder, tally, cancellation);
    }

    private void DownloadFromAnyMirror(ImageDatasetSpec spec, IdxFileSpec file, string folder, Tally tally, CancellationToken cancellation)
    {
        var failures = new List<string>();
        var allUnreachable = true;
        Exception? last = null;
        foreach (var mirror in spec.Mirrors)
        {
            var url = new Uri(new Uri(mirror), file.GzipName);
            try
            {
                DownloadOne(url, file, folder, tally, cancellation);
                return;
            }
            catch (Exception e) when (e is HttpRequestException or IOException or InvalidDataException or TaskCanceledException or DatasetFileException && !cancellation.IsCancellationRequested)
            {
                allUnreachable &= IsUnreachable(e);
                failures.Add($"{url}: {e.Message}");
                last = e;
                tally.Restart(file.GzipName);
            }
        }
        throw new DatasetDownloadException($"Could not download {file.GzipName} of {spec.Title}: {string.Join("; ", failures)}", allUnreachable, last);
    }

    private void DownloadOne(Uri url, IdxFileSpec file, string folder, Tally tally, CancellationToken cancellation)
    {
        var target = Path.Combine(folder, file.GzipName);
        var temp = Path.Combine(folder, $".{file.GzipName}.{Guid.NewGuid():N}.part");
        try
        {
            Fetch(url, temp, file.GzipName, tally, cancellation);
            Verify(temp, target, file);
            File.Move(temp, target, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    private void Fetch(Uri url, string temp, string name, Tally tally, CancellationToken cancellation)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        using var response = http.Send(request, HttpCompletionOption.ResponseHeadersRead, cancellation);
        response.EnsureSuccessStatusCode();
        var expected = response.Content.Headers.ContentLength;
        if (expected is { } length) tally.SetSize(name, length);
        using var body = response.Content.ReadAsStream(cancellation);
        using var output = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
        var received = Copy(body, output, name, tally, cancellation);
        if (expected is { } size && received != size)
            throw new IOException($"truncated: received {received} of {size} bytes");
    }

    private static long Copy(Stream body, Stream output, string name, Tally tally, CancellationToken cancellation)
    {
        var buffer = new byte[1 << 16];
        long received = 0;
        int read;
        while ((read = body.Read(buffer)) > 0)
        {
            cancellation.ThrowIfCancellationRequested();
            output.Write(buffer, 0, read);
            received += read;
            tally.Add(name, read);
        }
        tally.Report(name, force: true);
        return received;
    }

    private static void Verify(string temp, string target, IdxFileSpec file)
    {
        string actual;
        try
        {
            using var content = IdxFile.OpenMaybeGzip(temp);
            actual = Convert.ToHexStringLower(SHA256.HashData(content));
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            throw new DatasetFileException(target, $"the download is truncated or corrupt ({e.Message})", e);
        }
        if (actual != file.Sha256)
            throw new DatasetFileException(target, $"checksum mismatch: the uncompressed content has sha256 {actual}, expected {file.Sha256}");
    }

    private static bool IsUnreachable(Exception e) => e switch
    {
        HttpRequestException { StatusCode: null } h => h.InnerException is SocketException or IOException or null || h.HttpRequestError is HttpRequestError.NameResolutionError or HttpRequestError.ConnectionError,
        TaskCanceledException => true,
        _ => false,
    };

    /// <summary>Bytes across all files, for one progress bar with rate and ETA.</summary>
    private sealed class Tally(Dictionary<string, long> sizes, Action<DownloadProgress>? progress)
    {
        private readonly Dictionary<string, long> _received = sizes.Keys.ToDictionary(k => k, _ => 0L);
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private TimeSpan _lastReport = -ProgressInterval;

        public void SetSize(string name, long size) => sizes[name] = size;

        public void Restart(string name) => _received[name] = 0;

        public void Add(string name, int count)
        {
            _received[name] += count;
            Report(name, force: false);
        }

        public void Report(string name, bool force)
        {
            if (progress is null || (!force && _clock.Elapsed - _lastReport < ProgressInterval)) return;
            _lastReport = _clock.Elapsed;
            var bytes = _received.Values.Sum();
            var total = Math.Max(sizes.Values.Sum(), bytes);
            var rate = bytes / Math.Max(_clock.Elapsed.TotalSeconds, 1e-3);
            progress(new DownloadProgress(name, bytes, total, rate, rate > 0 ? (total - bytes) / rate : 0));
        }
    }
}
