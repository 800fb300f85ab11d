using System.Globalization;
using System.Text.RegularExpressions;
using LabDashboard.Engine.Runs.Artifacts;

namespace LabDashboard.Engine.Runs;

/// <summary>
/// Image bytes of runs, as artifacts at <c>runs/&lt;runId&gt;/images/&lt;name&gt;-e&lt;epoch&gt;.&lt;ext&gt;</c>. An epoch whose image
/// was thinned away (<see cref="RunImageBudget"/>) is answered with the same image's nearest earlier epoch kept.
/// </summary>
internal sealed partial class RunImages(IRunArtifactStore artifacts)
{
    private static readonly Dictionary<string, string> ExtensionByMime = new(StringComparer.OrdinalIgnoreCase)
    {
        ["image/png"] = "png", ["image/jpeg"] = "jpg", ["image/gif"] = "gif", ["image/webp"] = "webp", ["image/svg+xml"] = "svg",
    };

    /// <summary>The artifact folder of a run's images (and of nothing else: deleting the run deletes it).</summary>
    public static string Folder(string runId) => ArtifactPaths.Join("runs", runId);

    public void Write(string runId, string name, int epoch, string mime, byte[] bytes)
    {
        if (!IsSafe(name)) throw new ArgumentException($"Image name '{name}' must use only letters, digits, '-' and '_'.", nameof(name));
        if (!ExtensionByMime.TryGetValue(mime, out var extension)) throw new ArgumentException($"Unsupported image type '{mime}'.", nameof(mime));
        artifacts.Write(ImagePath(runId, name, epoch, extension), bytes);
    }

    public (byte[] Bytes, string Mime)? Read(string runId, string name, int epoch)
    {
        if (!IsSafe(runId) || !IsSafe(name)) return null;
        var kept = KeptEpochs(runId, name);
        var shown = kept.Keys.Where(e => e <= epoch).DefaultIfEmpty(-1).Max();
        if (shown < 0) return null;
        var (path, mime) = kept[shown];
        return artifacts.Read(path) is { } bytes ? (bytes, mime) : null;
    }

    /// <summary>Deletes one image (thinning).</summary>
    public void Delete(string runId, string name, int epoch)
    {
        if (!IsSafe(runId) || !IsSafe(name)) return;
        foreach (var extension in ExtensionByMime.Values) artifacts.Delete(ImagePath(runId, name, epoch, extension));
    }

    /// <summary>The stored epochs of one image name: path and mime of each.</summary>
    private Dictionary<int, (string Path, string Mime)> KeptEpochs(string runId, string name)
    {
        var kept = new Dictionary<int, (string, string)>();
        foreach (var artifact in artifacts.List(ArtifactPaths.Join("runs", runId, "images")))
        {
            var match = ImageFile().Match(artifact.Path[(artifact.Path.LastIndexOf('/') + 1)..]);
            if (!match.Success || match.Groups["name"].Value != name) continue;
            var mime = ExtensionByMime.FirstOrDefault(p => p.Value == match.Groups["ext"].Value).Key;
            if (mime is not null && int.TryParse(match.Groups["epoch"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var epoch))
                kept.TryAdd(epoch, (artifact.Path, mime));
        }
        return kept;
    }

    private static string ImagePath(string runId, string name, int epoch, string extension) =>
        ArtifactPaths.Join("runs", runId, "images", $"{name}-e{epoch}.{extension}");

    private static bool IsSafe(string part) => SafeName().IsMatch(part);

    [GeneratedRegex("^[A-Za-z0-9_-]{1,100}$")]
    private static partial Regex SafeName();

    [GeneratedRegex("^(?<name>[A-Za-z0-9_-]+)-e(?<epoch>[0-9]+)\\.(?<ext>[a-z]+)$")]
    private static partial Regex ImageFile();
}
