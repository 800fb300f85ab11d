namespace LabDashboard.Web;

/// <summary>
/// The two folder settings: <c>Data:Root</c> (read-only data sets; one folder, or several separated by
/// the path separator) and <c>State:Root</c> (writable), both relative to the content root.
/// </summary>
public sealed record LabFolders(IReadOnlyList<string> DataRoots, string StateRoot)
{
    public static LabFolders From(IConfiguration configuration, string contentRoot)
    {
        var dataSetting = configuration["Data:Root"] ?? "data";
        var dataRoots = dataSetting
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(root => Path.GetFullPath(root, contentRoot))
            .ToList();
        var stateRoot = Path.GetFullPath(configuration["State:Root"] ?? "state", contentRoot);
        return new LabFolders(dataRoots, stateRoot);
    }
}
