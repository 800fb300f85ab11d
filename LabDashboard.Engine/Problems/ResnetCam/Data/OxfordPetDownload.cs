using LabDashboard.Engine.Data.Downloads;
using LabDashboard.Engine.Runs;

namespace LabDashboard.Engine.Problems.ResnetCam.Data;

/// <summary>
/// Downloads Oxford-IIIT Pet (images + annotations, MD5-checked, as torchvision does) into
/// <c>State:Root/data/oxford-iiit-pet</c>. The base URL can be changed with
/// <see cref="EngineEnvironmentOptions.OxfordPetUrl"/> (a mirror, or a local server in tests).
/// </summary>
public static class OxfordPetDownload
{
    /// <summary>The VGG group's download folder.</summary>
    public const string DefaultBaseUrl = "https://www.robots.ox.ac.uk/~vgg/data/pets/data/";

    /// <summary>The two archives with torchvision's checksums.</summary>
    public static IReadOnlyList<DownloadItem> Items(string baseUrl)
    {
        var root = new Uri(baseUrl.EndsWith('/') ? baseUrl : baseUrl + "/");
        return
        [
            new DownloadItem(new Uri(root, "images.tar.gz"), "5c4f3ee8e5d25df40f4fd59a7f44e54c", 791_918_971),
            new DownloadItem(new Uri(root, "annotations.tar.gz"), "95a8c909bbe2e81eed6a22bccdf3f68f", 19_173_078),
        ];
    }

    /// <summary>Downloads into State:Root/data/oxford-iiit-pet, reporting progress on the run.</summary>
    public static void Run(RunContext context, string? baseUrl = null, HttpClient? http = null)
    {
        baseUrl ??= DefaultBaseUrl;
        var destination = Path.Combine(context.Paths.StateFolder("data"), PetDatasetLocator.OxfordFolder);
        context.Log(ResnetCamTexts.DownloadingPets.Format(baseUrl, destination));
        var client = http ?? new HttpClient { Timeout = TimeSpan.FromHours(2) };
        try
        {
            new ArchiveDownloader(client).DownloadAndExtractAsync(Items(baseUrl), destination,
                p => context.Progress(p.Fraction, p.Message, p.ToMetrics()), context.Cancellation).GetAwaiter().GetResult();
        }
        finally
        {
            if (http is null) client.Dispose();
        }
    }
}
