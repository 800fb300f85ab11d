namespace LabDashboard.Tests.Engine;

/// <summary>A fresh empty folder under the temp directory, deleted on dispose (e.g. a test's <c>State:Root</c>).</summary>
public sealed class TempFolder : IDisposable
{
    /// <summary>Creates the folder.</summary>
    public TempFolder() => Directory.CreateDirectory(Path);

    /// <summary>The folder's full path.</summary>
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "labdashboard-tests", Guid.NewGuid().ToString("N"));

    /// <inheritdoc />
    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); }
        catch (IOException) { /* a file still open on a slow file system: the OS temp cleaner will take it */ }
    }
}
