namespace LabDashboard.Engine.Runs.Artifacts;

/// <summary>
/// What runs keep beside their history — image grids, saved models, galleries — by a path relative to
/// <c>State:Root</c> with '/' between parts (e.g. <c>runs/&lt;runId&gt;/images/grid-e5.png</c>). One
/// process (<c>Cluster:Mode=none</c>) keeps them as files under its <c>State:Root</c>
/// (<see cref="DiskArtifactStore"/>); a lab cluster keeps them in its PostgreSQL database, so every web
/// front serves what any worker wrote without a shared file system.
/// </summary>
public interface IRunArtifactStore
{
    /// <summary>Writes <paramref name="bytes"/> at <paramref name="path"/>: a reader sees the old bytes or the new, never half.</summary>
    void Write(string path, byte[] bytes);

    /// <summary>The bytes at <paramref name="path"/>, or null.</summary>
    byte[]? Read(string path);

    /// <summary>
    /// A local file holding the artifact at <paramref name="path"/> (fetched from the shared store when
    /// it is not here or is out of date), for readers that need a file; the file does not exist when the
    /// artifact does not.
    /// </summary>
    string LocalFile(string path);

    /// <summary>Every artifact under <paramref name="folder"/> (at any depth), in path order.</summary>
    IReadOnlyList<ArtifactInfo> List(string folder);

    /// <summary>
    /// The bytes of each artifact named <paramref name="file"/> in a folder right under
    /// <paramref name="folder"/> (every run's <c>info.json</c> of a models folder), in path order, read at once.
    /// </summary>
    IReadOnlyList<byte[]> ReadEach(string folder, string file);

    /// <summary>The bytes every artifact under <paramref name="folder"/> takes.</summary>
    long Size(string folder);

    /// <summary>Deletes the artifact at <paramref name="path"/>, if any.</summary>
    void Delete(string path);

    /// <summary>Deletes every artifact under <paramref name="folder"/>.</summary>
    void DeleteFolder(string folder);
}

/// <summary>One stored artifact.</summary>
/// <param name="Path">Relative to <c>State:Root</c>, '/' between parts.</param>
/// <param name="Size">Bytes.</param>
/// <param name="WrittenAt">When it was last written.</param>
public sealed record ArtifactInfo(string Path, long Size, DateTimeOffset WrittenAt);
