using System.Text.RegularExpressions;

namespace LabDashboard.Engine.Runs;

/// <summary>Image bytes of runs, as files under <c>State:Root/runs/&lt;runId&gt;/images/</c>.</summary>
internal sealed partial class RunImages(LabPaths paths)
{
    private static readonly Dictionary<string, string> ExtensionByMime = new(StringComparer.OrdinalIgnoreCase)
    {
        ["image/png"] = "png", ["image/jpeg"] = "jpg", ["image/gif"] = "gif", ["image/webp"] = "webp", ["image/svg+xml"] = "svg",
    };

    public void Write(string runId, string name, int epoch, string mime, byte[] bytes)
    {
        if (!IsSafe(name)) throw new ArgumentException($"Image name '{name}' must use only letters, digits, '-' and '_'.", nameof(name));
        if (!ExtensionByMime.TryGetValue(mime, out var extension)) throw new ArgumentException($"Unsupported image type '{mime}'.", nameof(mime));
        var folder = paths.StateFolder("runs", runId, "images");
        var path = Path.Combine(folder, FileStem(name, epoch) + "." + extension);
        var temporary = path + ".tmp";
        File.WriteAllBytes(temporary, bytes);
        File.Move(temporary, path, overwrite: true);
    }

    public (byte[] Bytes, string Mime)? Read(string runId, string name, int epoch)
    {
        if (!IsSafe(runId) || !IsSafe(name)) return null;
        var folder = Path.Combine(paths.StateRoot, "runs", runId, "images");
        foreach (var (mime, extension) in ExtensionByMime)
        {
            var path = Path.Combine(folder, FileStem(name, epoch) + "." + extension);
            if (File.Exists(path)) return (File.ReadAllBytes(path), mime);
        }
        return null;
    }

    public void DeleteRun(string runId)
    {
        if (!IsSafe(runId)) return;
        var folder = Path.Combine(paths.StateRoot, "runs", runId);
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
    }

    private static string FileStem(string name, int epoch) => $"{name}-e{epoch}";

    private static bool IsSafe(string part) => SafeName().IsMatch(part);

    [GeneratedRegex("^[A-Za-z0-9_-]{1,100}$")]
    private static partial Regex SafeName();
}
