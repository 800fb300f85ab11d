namespace LabDashboard.Engine.Runs;

/// <summary>Files written so that a reader sees the old file or the new one, never half of one.</summary>
public static class AtomicFile
{
    /// <summary>
    /// Creates <paramref name="path"/>'s folder, lets <paramref name="write"/> fill a temporary file of a
    /// name of its own beside it (so concurrent writers never share one) and moves it over
    /// <paramref name="path"/>, stamped <paramref name="lastWriteTimeUtc"/> when given; the temporary
    /// file is removed when <paramref name="write"/> throws.
    /// </summary>
    public static void Write(string path, Action<Stream> write, DateTime? lastWriteTimeUtc = null)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        try
        {
            using (var file = File.Create(temporary))
                write(file);
            if (lastWriteTimeUtc is { } stamp) File.SetLastWriteTimeUtc(temporary, stamp);
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
