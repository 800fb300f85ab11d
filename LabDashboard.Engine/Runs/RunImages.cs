using System.Text.RegularExpressions;

namespace LabDashboard.Engine.Runs;

/// <summary>
/// Image bytes of runs, as files under <c>State:Root/runs/&lt;runId&gt;/images/</c>. An epoch whose image
/// was thinned away (<see cref="RunImageBudget"/>) is answered with the same image's nearest earlier epoch kept.
/// </summary>
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
        if (Find(folder, name, epoch) is { } exact) return exact;
        return KeptEpochs(folder, name).Where(e => e < epoch).Order().LastOrDefault(-1) is var earlier and >= 0
            ? Find(folder, name, earlier)
            : null;
    }

    /// <summary>Deletes one image (thinning).</summary>
    public void Delete(string runId, string name, int epoch)
    {
        if (!IsSafe(runId) || !IsSafe(name)) return;
        var folder = Path.Combine(paths.StateRoot, "runs", runId, "images");
        foreach (var extension in ExtensionByMime.Values) File.Delete(Path.Combine(folder, FileStem(name, epoch) + "." + extension));
    }

    private static (byte[] Bytes, string Mime)? Find(string folder, string name, int epoch)
    {
        foreach (var (mime, extension) in ExtensionByMime)
        {
            var path = Path.Combine(folder, FileStem(name, epoch) + "." + extension);
            if (File.Exists(path)) return (File.ReadAllBytes(path), mime);
        }
        return null;
    }

    private static IEnumerable<int> KeptEpochs(string folder, string name) =>
        !Directory.Exists(folder) ? [] : Directory.EnumerateFiles(folder, FileStem(name, 0)[..^1] + "*")
            .Select(p => Path.GetFileNameWithoutExtension(p)[(name.Length + 2)..])
            .Select(text => int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var e) ? e : -1)
            .Where(e => e >= 0);

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
