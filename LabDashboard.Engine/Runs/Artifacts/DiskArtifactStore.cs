using System.IO.Enumeration;

namespace LabDashboard.Engine.Runs.Artifacts;

/// <summary>Artifacts as files under <c>State:Root</c>, at their paths: the layout of a single process.</summary>
public sealed class DiskArtifactStore(LabPaths paths) : IRunArtifactStore
{
    /// <inheritdoc />
    public void Write(string path, byte[] bytes) => AtomicFile.Write(LocalFile(path), file => file.Write(bytes));

    /// <inheritdoc />
    public byte[]? Read(string path) => ReadFile(LocalFile(path));

    /// <inheritdoc />
    public string LocalFile(string path) => Path.Combine(paths.StateRoot, ArtifactPaths.Check(path).Replace('/', Path.DirectorySeparatorChar));

    /// <inheritdoc />
    /// <remarks>
    /// Read while live runs write there: a file that goes between listing and measuring (an image written
    /// through a temporary file) is left out, a folder that goes (or never was) lists as empty.
    /// </remarks>
    public IReadOnlyList<ArtifactInfo> List(string folder)
    {
        try
        {
            return [.. new FileSystemEnumerable<ArtifactInfo?>(FolderOf(folder), Describe, Recursive)
                {
                    ShouldIncludePredicate = (ref FileSystemEntry entry) => !entry.IsDirectory && !entry.FileName.EndsWith(".tmp", StringComparison.Ordinal),
                }
                .OfType<ArtifactInfo>()
                .OrderBy(a => a.Path, StringComparer.Ordinal)];
        }
        catch (DirectoryNotFoundException)
        {
            return [];
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<byte[]> ReadEach(string folder, string file)
    {
        var name = ArtifactPaths.Check(file);
        try
        {
            return [.. Directory.EnumerateDirectories(FolderOf(folder)).Order(StringComparer.Ordinal)
                .Select(run => ReadFile(Path.Combine(run, name))).OfType<byte[]>()];
        }
        catch (DirectoryNotFoundException)
        {
            return [];
        }
    }

    private static byte[]? ReadFile(string file)
    {
        try { return File.ReadAllBytes(file); }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException) { return null; }
    }

    private ArtifactInfo? Describe(ref FileSystemEntry entry)
    {
        var file = entry.ToFullPath();
        try
        {
            return new ArtifactInfo(Path.GetRelativePath(paths.StateRoot, file).Replace(Path.DirectorySeparatorChar, '/'), entry.Length, entry.LastWriteTimeUtc);
        }
        catch (FileNotFoundException)
        {
            return null;
        }
    }

    private static readonly EnumerationOptions Recursive = new() { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = 0 };

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
