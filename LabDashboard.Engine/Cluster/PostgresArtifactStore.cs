using System.Data;
using LabDashboard.Engine.Runs;
using LabDashboard.Engine.Runs.Artifacts;
using Npgsql;

namespace LabDashboard.Engine.Cluster;

/// <summary>
/// A lab cluster's artifacts in its PostgreSQL database (table <c>artifacts</c>, the bytes as
/// <c>bytea</c>): a worker writes them, every web front reads them, and no machine needs a shared file
/// system. Readers that need a file get a copy under <c>State:Root/artifact-cache/</c>, fetched again
/// when the stored artifact changes or removed when it is gone.
/// </summary>
internal sealed class PostgresArtifactStore(PostgresRunDatabase database, LabPaths paths) : IRunArtifactStore
{
    /// <summary>The folder under <c>State:Root</c> that holds local copies.</summary>
    public const string CacheFolder = "artifact-cache";

    public void Write(string path, byte[] bytes)
    {
        using var connection = database.Open();
        using var command = PostgresRunDatabase.Command(connection, null, """
            INSERT INTO artifacts (path, size, written_at, bytes) VALUES (@path, @size, @now, @bytes)
            ON CONFLICT (path) DO UPDATE SET size = excluded.size, written_at = excluded.written_at, bytes = excluded.bytes
            """);
        command.Parameters.AddWithValue("path", ArtifactPaths.Check(path));
        command.Parameters.AddWithValue("size", (long)bytes.Length);
        command.Parameters.AddWithValue("now", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("bytes", bytes);
        command.ExecuteNonQuery();
    }

    public byte[]? Read(string path)
    {
        using var connection = database.Open();
        using var command = PostgresRunDatabase.Command(connection, null, "SELECT bytes FROM artifacts WHERE path = @path");
        command.Parameters.AddWithValue("path", ArtifactPaths.Check(path));
        return command.ExecuteScalar() as byte[];
    }

    public string LocalFile(string path)
    {
        var file = Path.Combine(paths.StateRoot, CacheFolder, ArtifactPaths.Check(path).Replace('/', Path.DirectorySeparatorChar));
        using var connection = database.Open();
        if (Stored(connection, path) is not { } stored)
        {
            if (File.Exists(file)) File.Delete(file);
            return file;
        }
        var local = new FileInfo(file);
        if (local.Exists && local.Length == stored.Size && local.LastWriteTimeUtc == stored.WrittenAt.UtcDateTime) return file;
        Download(connection, path, file, stored.WrittenAt);
        return file;
    }

    public IReadOnlyList<ArtifactInfo> List(string folder)
    {
        using var connection = database.Open();
        using var command = Under(connection, "SELECT path, size, written_at FROM artifacts", folder, " ORDER BY path");
        using var reader = command.ExecuteReader();
        var found = new List<ArtifactInfo>();
        while (reader.Read()) found.Add(new ArtifactInfo(reader.GetString(0), reader.GetInt64(1), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2))));
        return found;
    }

    public IReadOnlyList<byte[]> ReadEach(string folder, string file)
    {
        var (prefix, suffix) = (ArtifactPaths.Prefix(folder), "/" + ArtifactPaths.Check(file));
        using var connection = database.Open();
        using var command = Under(connection, "SELECT path, bytes FROM artifacts", folder, " AND right(path, @length) = @suffix ORDER BY path");
        command.Parameters.AddWithValue("length", suffix.Length);
        command.Parameters.AddWithValue("suffix", suffix);
        using var reader = command.ExecuteReader();
        var found = new List<byte[]>();
        while (reader.Read())
            if (InOneFolderDown(reader.GetString(0), prefix, suffix)) found.Add((byte[])reader[1]);
        return found;
    }

    /// <summary>True for <c>prefix + folder + suffix</c> where the folder is one non-empty part.</summary>
    private static bool InOneFolderDown(string path, string prefix, string suffix)
    {
        var suffixAt = path.Length - suffix.Length;
        return suffixAt > prefix.Length && path.IndexOf('/', prefix.Length) == suffixAt;
    }

    public long Size(string folder)
    {
        using var connection = database.Open();
        using var command = Under(connection, "SELECT COALESCE(SUM(size), 0)::bigint FROM artifacts", folder);
        return (long)command.ExecuteScalar()!;
    }

    public void Delete(string path)
    {
        using var connection = database.Open();
        using var command = PostgresRunDatabase.Command(connection, null, "DELETE FROM artifacts WHERE path = @path");
        command.Parameters.AddWithValue("path", ArtifactPaths.Check(path));
        command.ExecuteNonQuery();
    }

    public void DeleteFolder(string folder)
    {
        using var connection = database.Open();
        using var command = Under(connection, "DELETE FROM artifacts", folder);
        command.ExecuteNonQuery();
        var cached = Path.Combine(paths.StateRoot, CacheFolder, ArtifactPaths.Check(folder.TrimEnd('/')).Replace('/', Path.DirectorySeparatorChar));
        if (Directory.Exists(cached)) Directory.Delete(cached, recursive: true);
    }

    /// <summary>
    /// The rows under <paramref name="folder"/> as a range of the primary key ('0' follows '/'), which
    /// the "C"-collated index answers; LIKE would read '_' in a run id as a wildcard.
    /// </summary>
    private static NpgsqlCommand Under(NpgsqlConnection connection, string select, string folder, string tail = "")
    {
        var prefix = ArtifactPaths.Prefix(folder);
        var command = PostgresRunDatabase.Command(connection, null, select + " WHERE path >= @from AND path < @to" + tail);
        command.Parameters.AddWithValue("from", prefix);
        command.Parameters.AddWithValue("to", prefix[..^1] + "0");
        return command;
    }

    private static (long Size, DateTimeOffset WrittenAt)? Stored(NpgsqlConnection connection, string path)
    {
        using var command = PostgresRunDatabase.Command(connection, null, "SELECT size, written_at FROM artifacts WHERE path = @path");
        command.Parameters.AddWithValue("path", path);
        using var reader = command.ExecuteReader();
        return reader.Read() ? (reader.GetInt64(0), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1))) : null;
    }

    /// <summary>Streams the bytes into a temporary file moved into place, so a reader never sees half a copy.</summary>
    private static void Download(NpgsqlConnection connection, string path, string file, DateTimeOffset writtenAt)
    {
        using var command = PostgresRunDatabase.Command(connection, null, "SELECT bytes FROM artifacts WHERE path = @path");
        command.Parameters.AddWithValue("path", path);
        using var reader = command.ExecuteReader(CommandBehavior.SequentialAccess);
        if (!reader.Read()) return;
        using var source = reader.GetStream(0);
        AtomicFile.Write(file, source.CopyTo, writtenAt.UtcDateTime);
    }
}
