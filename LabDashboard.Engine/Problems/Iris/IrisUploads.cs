using System.Security.Cryptography;
using System.Text.RegularExpressions;
using LabDashboard.Engine.Data;
using LabDashboard.Engine.Runs;
using LabDashboard.Engine.Settings;

namespace LabDashboard.Engine.Problems.Iris;

/// <summary>
/// CSV files users upload for the iris problem, checked before they are kept under
/// <c>State:Root/iris/uploads</c> and named by an upload id (the <c>dataFile</c> setting) —
/// never by a server path, so a setting cannot make the server read any other file. Each owner
/// has uploads of their own: another owner's id is answered as an id nobody uploaded.
/// </summary>
public static partial class IrisUploads
{
    /// <summary>The largest CSV accepted (the real table is 3 KB).</summary>
    public const long MaxBytes = 1024 * 1024;

    private const int MaxNameLength = 40;

    /// <summary>Checks <paramref name="bytes"/> as an iris table and stores it as <paramref name="owner"/>'s; returns its upload id and its rows.</summary>
    /// <exception cref="DatasetFileException">Too large, or not the shape of iris.csv; the message names the file and line.</exception>
    public static (string Id, IReadOnlyList<IrisRow> Rows) Save(LabPaths paths, string owner, string fileName, byte[] bytes)
    {
        if (bytes.LongLength > MaxBytes)
            throw new DatasetFileException(fileName, $"{bytes.LongLength:N0} bytes; at most {MaxBytes:N0} are accepted");
        var id = IdFor(fileName, bytes);
        var path = Path.Combine(paths.StateFolder(Folder(owner)), id + ".csv");
        var staging = path + ".tmp";
        File.WriteAllBytes(staging, bytes);
        try
        {
            var rows = IrisTable.Load(staging);
            File.Move(staging, path, overwrite: true);
            return (id, rows);
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

    /// <summary>The rows of one of <paramref name="owner"/>'s uploads.</summary>
    /// <exception cref="DatasetFileException">The owner has no upload with this id.</exception>
    public static IReadOnlyList<IrisRow> Load(LabPaths paths, string owner, string id) =>
        Find(paths, owner, id) is { } path ? IrisTable.Load(path) : throw new DatasetFileException(id, "no uploaded iris CSV has this id");

    /// <summary>The <c>dataFile</c> setting's check: empty (the bundled table) or the id of an upload of the submitting owner's.</summary>
    public static string? CheckDataFile(object value, SettingCheckContext context)
    {
        var id = ((string)value).Trim();
        if (id.Length == 0) return null;
        if (!IdPattern().IsMatch(id)) return "expected the id of an uploaded CSV (POST /api/datasets/iris/uploads), not a path";
        return context.Paths is null || Find(context.Paths, context.Owner, id) is not null ? null : $"no uploaded iris CSV has the id '{id}'";
    }

    private static string? Find(LabPaths paths, string owner, string id)
    {
        if (!IdPattern().IsMatch(id)) return null;
        var path = Path.Combine(paths.StateRoot, Folder(owner), id + ".csv");
        return File.Exists(path) ? path : null;
    }

    /// <summary>
    /// The owner's folder under State:Root. The local owner's is <c>iris/uploads</c> itself, where uploads
    /// were kept before they had owners (stored runs name them); a signed-in user's is a folder of its own
    /// in <c>iris/uploads/owners</c>, named by the user id, or by its hash when the id is not a plain name.
    /// </summary>
    private static string Folder(string owner)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(owner);
        if (owner == RunOwners.Local) return Path.Combine("iris", "uploads");
        var name = OwnerPattern().IsMatch(owner) ? owner : Convert.ToHexString(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(owner)))[..32].ToLowerInvariant();
        return Path.Combine("iris", "uploads", "owners", name);
    }

    /// <summary>The file's name in ASCII letters, digits, '-' and '_', then 12 hex digits of its SHA-256.</summary>
    private static string IdFor(string fileName, byte[] bytes)
    {
        var name = string.Concat(Path.GetFileNameWithoutExtension(fileName).Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_'));
        if (name.Length == 0) name = "upload";
        var hash = Convert.ToHexString(SHA256.HashData(bytes))[..12].ToLowerInvariant();
        return $"{name[..Math.Min(name.Length, MaxNameLength)]}-{hash}";
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,40}-[0-9a-f]{12}$")]
    private static partial Regex IdPattern();

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex OwnerPattern();
}
