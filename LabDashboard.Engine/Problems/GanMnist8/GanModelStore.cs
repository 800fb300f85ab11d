using System.Text.Json;
using LabDashboard.Engine.Runs.Artifacts;
using LabDashboard.Engine.Training;

namespace LabDashboard.Engine.Problems.GanMnist8;

/// <summary>What is needed to run a saved generator and read its discriminator.</summary>
internal sealed record SavedGanInfo(string RunId, int NoiseDim, int Hidden, int Digit, string Labels, int Epoch, DateTimeOffset SavedAt);

/// <summary>
/// Saved GANs, as artifacts under <c>models/gan-mnist8/&lt;runId&gt;/</c>: the generator's and
/// discriminator's weights (safetensors; older versions' <c>*.weights</c> still load) and a small JSON
/// description.
/// </summary>
internal sealed class GanModelStore(IRunArtifactStore artifacts)
{
    private const string GeneratorName = "generator";
    private const string DiscriminatorName = "discriminator";
    private const string InfoFile = "model.json";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Where under <c>State:Root</c> each run's model folder lives.</summary>
    public static readonly string RunsFolder = "models/gan-mnist8";

    /// <summary>Saves both networks (each artifact atomically), then the description.</summary>
    public void Save(SavedGanInfo info, NetworkWeights generator, NetworkWeights discriminator)
    {
        artifacts.Write(PathOf(info.RunId, GeneratorName + WeightsFile.Extension), generator.ToBytes());
        artifacts.Write(PathOf(info.RunId, DiscriminatorName + WeightsFile.Extension), discriminator.ToBytes());
        artifacts.Write(PathOf(info.RunId, InfoFile), JsonSerializer.SerializeToUtf8Bytes(info, Json));
    }

    /// <summary>The saved description of <paramref name="runId"/>, or null.</summary>
    public SavedGanInfo? Find(string runId) =>
        IsSafeRunId(runId) && artifacts.Read(PathOf(runId, InfoFile)) is { } bytes ? JsonSerializer.Deserialize<SavedGanInfo>(bytes, Json) : null;

    /// <summary>Every saved GAN, newest first.</summary>
    public IReadOnlyList<SavedGanInfo> All() =>
        artifacts.ReadEach(RunsFolder, InfoFile)
            .Select(bytes => JsonSerializer.Deserialize<SavedGanInfo>(bytes, Json)!)
            .OrderByDescending(info => info.SavedAt)
            .ToList();

    /// <summary>The weights of <paramref name="info"/>'s networks, on the CPU.</summary>
    public (NetworkWeights Generator, NetworkWeights Discriminator) Load(SavedGanInfo info)
    {
        var generator = Load(info.RunId, GeneratorName);
        try
        {
            return (generator, Load(info.RunId, DiscriminatorName));
        }
        catch
        {
            generator.Dispose();
            throw;
        }
    }

    private NetworkWeights Load(string runId, string name) => NetworkWeights.LoadFiles(
        artifacts.LocalFile(PathOf(runId, name + WeightsFile.Extension)), artifacts.LocalFile(PathOf(runId, NetworkWeights.LegacyFileName(name))), null);

    private static string PathOf(string runId, string file) => ArtifactPaths.RunFolder(RunsFolder, runId) + "/" + file;

    /// <summary>Run ids become folder names: refuse anything that could leave the store.</summary>
    private static bool IsSafeRunId(string runId) =>
        runId.Length is > 0 and <= 100 && runId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
