namespace LabDashboard.Engine.Runs;

/// <summary>Where data sets are read from and where state is written.</summary>
/// <param name="DataRoots">Read-only search path for data sets, in order.</param>
/// <param name="StateRoot">Writable: SQLite database, caches, converted weights, saved models, downloads.</param>
public sealed record LabPaths(IReadOnlyList<string> DataRoots, string StateRoot)
{
    /// <summary>A folder under <see cref="StateRoot"/>, created if missing.</summary>
    public string StateFolder(params string[] parts)
    {
        var path = Path.Combine([StateRoot, .. parts]);
        Directory.CreateDirectory(path);
        return path;
    }
}
