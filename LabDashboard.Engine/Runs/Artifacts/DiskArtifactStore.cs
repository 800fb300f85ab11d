namespace LabDashboard.Engine.Runs.Artifacts;

/// <summary>Artifacts as files under <c>State:Root</c>, at their paths: the layout of a single process.</summary>
public sealed class DiskArtifactStore(LabPaths paths) : IRunArtifactStore
{
    /// <inheritdoc />
    public void Write(string path, byte[] bytes)
    {
        var file = LocalFile(path);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        var temporary = file + "." + Guid.NewGuid().ToString("N") + ".tmp";
        File.WriteAllBytes(temporary, bytes);
        File.Move(temporary, file, overwrite: true);
    }

    /// <inheritdoc />
    public byte[]? Read(string path)
    {
        var file = LocalFile(path);
        try { return File.ReadAllBytes(file); }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException) { return null; }
    }

    /// <inheritdoc />
    public string LocalFile(string path) => Path.Combine(paths.StateRoot, ArtifactPaths.Check(path).Replace('/', Path.DirectorySeparatorChar));

    /// <inheritdoc />
    public IReadOnlyList<ArtifactInfo> List(string folder)
    {
        var root = FolderOf(folder);
        if (!Directory.Exists(root)) return [];
        return [.. new DirectoryInfo(root).EnumerateFiles("*", SearchOption.AllDirectories)
            .Where(f => !f.Name.EndsWith(".tmp", StringComparison.Ordinal))
            .Select(f => new ArtifactInfo(Path.GetRelativePath(paths.StateRoot, f.FullName).Replace(Path.DirectorySeparatorChar, '/'), f.Length, f.LastWriteTimeUtc))
            .OrderBy(a => a.Path, StringComparer.Ordinal)];
    }

    /// <inheritdoc />
    public long Size(string folder) => List(folder).Sum(a => a.Size);

    /// <inheritdoc />
    public void Delete(string path) => File.Delete(LocalFile(path));

    /// <inheritdoc />
    public void DeleteFolder(string folder)
    {
        var root = FolderOf(folder);
        if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
    }

    private string FolderOf(string folder) => LocalFile(folder.TrimEnd('/'));
}
