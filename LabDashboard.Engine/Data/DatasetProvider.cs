using LabDashboard.Engine.Problems.Texts;
using LabDashboard.Engine.Runs;

namespace LabDashboard.Engine.Data;

/// <summary>
/// Finds a data set, downloading it into <c>State:Root</c> when it is missing and the machine is
/// online, reporting progress and the source it used to the run.
/// </summary>
public static class DatasetProvider
{
    private static readonly Lazy<DatasetDownloader> SharedDownloader = new(() => new DatasetDownloader(DatasetDownloader.CreateHttpClient()));

    /// <summary>Locates (or downloads) and loads <paramref name="spec"/>, telling the run where it came from.</summary>
    public static ImageDataset Load(ImageDatasetSpec spec, RunContext context, PixelScale scale = PixelScale.Unit)
    {
        var location = Locate(spec, context.Paths, context.Progress, context.Cancellation);
        context.Log(DataTexts.Using.Format(location.Description));
        var data = ImageDatasetLoader.Load(location, scale);
        foreach (var warning in data.Warnings) context.Log(DataTexts.Warning.Format(warning));
        return data;
    }

    /// <summary>Locates <paramref name="spec"/>, downloading it when missing.</summary>
    /// <param name="spec">The data set.</param>
    /// <param name="paths">Data roots to search and the state root to download into.</param>
    /// <param name="progress">Receives (fraction, message, metrics) during a download; metrics are bytes, totalBytes, bytesPerSecond, etaSeconds.</param>
    /// <param name="cancellation">Cancels a download.</param>
    /// <param name="downloader">The downloader (tests pass one; the default fails fast offline).</param>
    /// <exception cref="DatasetUnavailableException">Missing and not downloadable; the message names the files and folders.</exception>
    public static DatasetLocation Locate(
        ImageDatasetSpec spec,
        LabPaths paths,
        Action<double, LocalizableText, IReadOnlyDictionary<string, double>>? progress,
        CancellationToken cancellation,
        DatasetDownloader? downloader = null)
    {
        if (DatasetLocator.Find(spec, paths.DataRoots, paths.StateRoot) is { } found) return found;
        var folder = DatasetLocator.DownloadFolder(spec, paths.StateRoot);
        try
        {
            (downloader ?? SharedDownloader.Value).Download(spec, folder, p => progress?.Invoke(p.Fraction, p.Message, p.ToMetrics()), cancellation);
        }
        catch (DatasetDownloadException e)
        {
            throw new DatasetUnavailableException(MissingMessage(spec, paths, e), e);
        }
        return DatasetLocator.FindIdx(spec, folder, DatasetLayout.Downloaded)
            ?? throw new DatasetUnavailableException(MissingMessage(spec, paths, null));
    }

    /// <summary>What to tell a user when the set is missing: the files, where to put them, the Debian package.</summary>
    public static string MissingMessage(ImageDatasetSpec spec, LabPaths paths, DatasetDownloadException? failure)
    {
        var why = failure is null ? "" : failure.NetworkUnreachable
            ? " This machine looks offline, so it could not be downloaded."
            : $" Downloading it failed: {failure.Message}";
        var files = string.Join(", ", spec.Files.Select(f => f.GzipName));
        var folders = string.Join("; ", DatasetLocator.SearchedFolders(spec, paths.DataRoots).Append(DatasetLocator.DownloadFolder(spec, paths.StateRoot)));
        var package = spec.DebianPackage is { } name ? $" On Debian you can also install it with: sudo apt install {name}." : "";
        return $"{spec.Title} was not found.{why} Put the files {files} (plain or .gz), or {spec.CsvPrefix}_train.csv and {spec.CsvPrefix}_test.csv, into one of: {folders}.{package}";
    }

    /// <summary>
    /// <paramref name="spec"/> fetched from <paramref name="mirror"/> instead of the public mirrors (files at
    /// <c>&lt;mirror&gt;/&lt;TorchvisionFolder&gt;/&lt;name&gt;.gz</c>; see <see cref="EngineEnvironmentOptions.DatasetMirror"/>), or unchanged when null.
    /// </summary>
    public static ImageDatasetSpec WithMirror(ImageDatasetSpec spec, string? mirror) =>
        mirror is { Length: > 0 } ? spec with { Mirrors = [$"{mirror.TrimEnd('/')}/{spec.TorchvisionFolder}/"] } : spec;
}
