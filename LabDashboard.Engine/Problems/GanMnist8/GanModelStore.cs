using System.Text.Json;
using LabDashboard.Engine.Runs;

namespace LabDashboard.Engine.Problems.GanMnist8;

/// <summary>What is needed to run a saved generator and read its discriminator.</summary>
internal sealed record SavedGanInfo(string RunId, int NoiseDim, int Hidden, int Digit, string Labels, int Epoch, DateTimeOffset SavedAt);

/// <summary>
/// Saved GANs, one folder per run under <c>State:Root/models/gan-mnist8/&lt;runId&gt;/</c>: the
/// generator's and discriminator's weights (safetensors; older versions' <c>*.weights</c> still load)
/// and a small JSON description.
/// </summary>
internal sealed class GanModelStore(LabPaths paths)
{
    private const string GeneratorName = "generator";
    private const string DiscriminatorName = "discriminator";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Where under <c>State:Root</c> each run's model folder lives.</summary>
    public static readonly string RunsFolder = Path.Combine("models", "gan-mnist8");

    private string Root => paths.StateFolder(RunsFolder);

    /// <summary>Saves both networks (each file atomically), then the description.</summary>
    public void Save(SavedGanInfo info, NetworkWeights generator, NetworkWeights discriminator)
    {
        var folder = paths.StateFolder(RunsFolder, info.RunId);
        generator.Save(folder, GeneratorName);
        discriminator.Save(folder, DiscriminatorName);
        var description = Path.Combine(folder, "model.json");
        File.WriteAllText(description + ".tmp", JsonSerializer.Serialize(info, Json));
        File.Move(description + ".tmp", description, overwrite: true);
    }

    /// <summary>The saved description of <paramref name="runId"/>, or null.</summary>
    public SavedGanInfo? Find(string runId)
    {
        if (!IsSafeRunId(runId)) return null;
        var path = Path.Combine(Root, runId, "model.json");
        return File.Exists(path) ? JsonSerializer.Deserialize<SavedGanInfo>(File.ReadAllText(path), Json) : null;
    }

    /// <summary>Every saved GAN, newest first.</summary>
    public IReadOnlyList<SavedGanInfo> All() =>
        Directory.EnumerateDirectories(Root)
            .Select(folder => Find(Path.GetFileName(folder)))
            .OfType<SavedGanInfo>()
            .OrderByDescending(info => info.SavedAt)
            .ToList();

    /// <summary>The weights of <paramref name="info"/>'s networks, on the CPU.</summary>
    public (NetworkWeights Generator, NetworkWeights Discriminator) Load(SavedGanInfo info)
    {
        var folder = Path.Combine(Root, info.RunId);
        var generator = NetworkWeights.Load(folder, GeneratorName);
        try
        {
            return (generator, NetworkWeights.Load(folder, DiscriminatorName));
        }
        catch
        {
            generator.Dispose();
            throw;
        }
    }

    /// <summary>Run ids become folder names: refuse anything that could leave the store.</summary>
    private static bool IsSafeRunId(string runId) =>
        runId.Length is > 0 and <= 100 && runId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
