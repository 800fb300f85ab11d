using System.Security.Cryptography;
using LabDashboard.Engine.Data;
using LabDashboard.Engine.Runs;

namespace LabDashboard.Engine.Problems.Iris;

/// <summary>Keeps CSV files users upload for the iris problem under <c>State:Root/iris/uploads</c>, checked before they are kept.</summary>
public static class IrisUploads
{
    /// <summary>The largest CSV accepted (the real table is 3 KB).</summary>
    public const long MaxBytes = 1024 * 1024;

    /// <summary>Checks <paramref name="bytes"/> as an iris table and stores it; returns the stored path and its rows.</summary>
    /// <exception cref="DatasetFileException">Too large, or not the shape of iris.csv; the message names the file and line.</exception>
    public static (string Path, IReadOnlyList<IrisRow> Rows) Save(LabPaths paths, string fileName, byte[] bytes)
    {
        if (bytes.LongLength > MaxBytes)
            throw new DatasetFileException(fileName, $"{bytes.LongLength:N0} bytes; at most {MaxBytes:N0} are accepted");
        var name = string.Concat(Path.GetFileNameWithoutExtension(fileName).Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' ? c : '_'));
        var hash = Convert.ToHexString(SHA256.HashData(bytes))[..12].ToLowerInvariant();
        var folder = paths.StateFolder("iris", "uploads");
        var path = System.IO.Path.Combine(folder, $"{name}-{hash}.csv");
        var staging = path + ".tmp";
        File.WriteAllBytes(staging, bytes);
        try
        {
            var rows = IrisTable.Load(staging);
            File.Move(staging, path, overwrite: true);
            return (path, rows);
        }
        catch (DatasetFileException e)
        {
            throw new DatasetFileException(fileName, e.Problem, e);
        }
        finally
        {
            File.Delete(staging);
        }
    }
}
