namespace LabDashboard.Engine.Data;

/// <summary>
/// Finds an MNIST-style data set. Search order, for each data root in turn: torchvision's
/// <c>&lt;Name&gt;/raw</c>, the flat folder, the exam's CSV files (in the root or the flat folder);
/// then the lab's own downloads under the state root; then the distribution's folders
/// (Debian's <c>/usr/share/datasets/fashion-mnist</c>).
/// </summary>
public static class DatasetLocator
{
    /// <summary>The folder downloads go to (torchvision's layout under <paramref name="stateRoot"/>).</summary>
    public static string DownloadFolder(ImageDatasetSpec spec, string stateRoot) =>
        Path.Combine(stateRoot, "datasets", spec.TorchvisionFolder, "raw");

    /// <summary>The first complete copy of <paramref name="spec"/>, or null.</summary>
    public static DatasetLocation? Find(ImageDatasetSpec spec, IReadOnlyList<string> dataRoots, string? stateRoot)
    {
        foreach (var root in dataRoots)
        {
            var found = FindIdx(spec, Path.Combine(root, spec.TorchvisionFolder, "raw"), DatasetLayout.Torchvision)
                ?? FindIdx(spec, Path.Combine(root, spec.FlatFolder), DatasetLayout.Flat)
                ?? FindCsv(spec, root)
                ?? FindCsv(spec, Path.Combine(root, spec.FlatFolder));
            if (found is not null) return found;
        }
        if (stateRoot is not null && FindIdx(spec, DownloadFolder(spec, stateRoot), DatasetLayout.Downloaded) is { } downloaded)
            return downloaded;
        return spec.SystemFolders.Select(folder => FindIdx(spec, folder, DatasetLayout.System)).FirstOrDefault(l => l is not null);
    }

    /// <summary>The folders searched, in order, for messages telling users where to put the files.</summary>
    public static IReadOnlyList<string> SearchedFolders(ImageDatasetSpec spec, IReadOnlyList<string> dataRoots) =>
    [
        .. dataRoots.SelectMany(root => new[] { Path.Combine(root, spec.TorchvisionFolder, "raw"), Path.Combine(root, spec.FlatFolder) }),
        .. spec.SystemFolders,
    ];

    internal static DatasetLocation? FindIdx(ImageDatasetSpec spec, string folder, DatasetLayout layout)
    {
        if (!Directory.Exists(folder)) return null;
        var files = new Dictionary<IdxRole, string>();
        foreach (var file in spec.Files)
        {
            var path = FirstExisting(Path.Combine(folder, file.Name), Path.Combine(folder, file.GzipName));
            if (path is null) return null;
            files[file.Role] = path;
        }
        return new DatasetLocation(spec, layout, folder, files);
    }

    private static DatasetLocation? FindCsv(ImageDatasetSpec spec, string folder)
    {
        var train = Path.Combine(folder, spec.CsvPrefix + "_train.csv");
        var test = Path.Combine(folder, spec.CsvPrefix + "_test.csv");
        if (!File.Exists(train) || !File.Exists(test)) return null;
        var files = new Dictionary<IdxRole, string> { [IdxRole.TrainImages] = train, [IdxRole.TestImages] = test };
        return new DatasetLocation(spec, DatasetLayout.Csv, folder, files);
    }

    private static string? FirstExisting(params string[] paths) => paths.FirstOrDefault(File.Exists);
}
