using System.Text.Json;
using LabDashboard.Engine.Runs;
using static TorchSharp.torch;

namespace LabDashboard.Engine.Problems.GanMnist8;

/// <summary>What is needed to rebuild a saved generator and read its discriminator.</summary>
internal sealed record SavedGanInfo(string RunId, int NoiseDim, int Hidden, int Digit, string Labels, int Epoch, DateTimeOffset SavedAt);

/// <summary>
/// Saved GANs, one folder per run under <c>State:Root/models/gan-mnist8/&lt;runId&gt;/</c>: the
/// generator and discriminator weights and a small JSON description.
/// </summary>
internal sealed class GanModelStore(LabPaths paths)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private string Root => paths.StateFolder("models", "gan-mnist8");

    /// <summary>Saves both networks (atomically per file) and the description.</summary>
    public void Save(SavedGanInfo info, GanGenerator generator, GanDiscriminator discriminator)
    {
        var folder = paths.StateFolder("models", "gan-mnist8", info.RunId);
        SaveAtomically(generator, Path.Combine(folder, "generator.bin"));
        SaveAtomically(discriminator, Path.Combine(folder, "discriminator.bin"));
        File.WriteAllText(Path.Combine(folder, "model.json"), JsonSerializer.Serialize(info, Json));
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

    /// <summary>Loads the networks of <paramref name="info"/> on the CPU in eval mode.</summary>
    public (GanGenerator Generator, GanDiscriminator Discriminator) Load(SavedGanInfo info)
    {
        var folder = Path.Combine(Root, info.RunId);
        var generator = new GanGenerator(info.NoiseDim, info.Hidden);
        generator.load(Path.Combine(folder, "generator.bin"));
        generator.eval();
        var discriminator = new GanDiscriminator();
        discriminator.load(Path.Combine(folder, "discriminator.bin"));
        discriminator.eval();
        return (generator, discriminator);
    }

    private static void SaveAtomically(nn.Module module, string path)
    {
        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        module.save(temporary);
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>Run ids become folder names: refuse anything that could leave the store.</summary>
    private static bool IsSafeRunId(string runId) =>
        runId.Length is > 0 and <= 100 && runId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
