using System.Security.Cryptography;

namespace LabDashboard.Engine.Data.Downloads;

/// <summary>Streams a URL into a file while hashing it: the one download loop both downloaders use.</summary>
internal static class HashingDownload
{
    /// <summary>
    /// Writes <paramref name="url"/>'s body to <paramref name="path"/> and returns its hash (lower-case hex).
    /// <paramref name="progressFor"/> gets the server's length (if sent) once the headers arrive and
    /// returns what to call with the bytes received so far.
    /// </summary>
    public static async Task<string> ToFileAsync(HttpClient http, Uri url, string path, HashAlgorithmName algorithm,
        Func<long?, Action<long>> progressFor, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        response.EnsureSuccessStatusCode();
        var progress = progressFor(response.Content.Headers.ContentLength);
        await using var source = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var hash = IncrementalHash.CreateHash(algorithm);
        await using var target = File.Create(path);
        var buffer = new byte[1 << 16];
        long done = 0;
        int read;
        while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
        {
            await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            hash.AppendData(buffer, 0, read);
            done += read;
            progress(done);
        }
        return Convert.ToHexString(hash.GetHashAndReset()).ToLowerInvariant();
    }
}
