using LabDashboard.Engine.Data;
using LabDashboard.Engine.Data.Downloads;

namespace LabDashboard.Engine.Problems.ResnetCam.Model;

/// <summary>
/// Where torchvision's resnet18 ImageNet weights come from when no copy is on disk: the URL torchvision
/// itself uses (changed with <see cref="EngineEnvironmentOptions.TorchvisionWeightsUrl"/>: a
/// mirror, or a local server in tests) and the SHA-256 prefix the file must match.
/// </summary>
/// <param name="Url">The .pth file's URL.</param>
/// <param name="Sha256Prefix">The start of its SHA-256, hex.</param>
/// <param name="Http">A client to use; null = a new one per download.</param>
internal sealed record TorchvisionWeightsDownload(Uri Url, string Sha256Prefix, HttpClient? Http = null)
{
    public const string DefaultUrl = "https://download.pytorch.org/models/" + BackboneStore.TorchvisionPthName;
    public const string DefaultSha256Prefix = "f37072fd";
    private const long ApproximateBytes = 46_830_571;

    /// <summary>torchvision's URL, or <paramref name="url"/> when given (<see cref="EngineEnvironmentOptions.TorchvisionWeightsUrl"/>), and prefix.</summary>
    public static TorchvisionWeightsDownload From(string? url) => new(new Uri(url ?? DefaultUrl), DefaultSha256Prefix);

    /// <summary>Downloads and verifies the file into <paramref name="destination"/>; nothing is left there on failure.</summary>
    public void Download(string destination, Action<DownloadProgress> progress, CancellationToken cancellation)
    {
        var client = Http ?? new HttpClient { Timeout = TimeSpan.FromMinutes(30) };
        try
        {
            new FileDownloader(client).DownloadAsync(Url, Sha256Prefix, destination, ApproximateBytes, progress, cancellation).GetAwaiter().GetResult();
        }
        finally
        {
            if (Http is null) client.Dispose();
        }
    }
}
