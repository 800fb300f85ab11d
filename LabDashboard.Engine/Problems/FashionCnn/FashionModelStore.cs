using System.Text.Json;
using LabDashboard.Engine.Data;
using LabDashboard.Engine.Runs.Artifacts;
using LabDashboard.Engine.Training;
using static TorchSharp.torch;

namespace LabDashboard.Engine.Problems.FashionCnn;

/// <summary>What is saved beside a trained model's weights.</summary>
/// <param name="Architecture">The layer stack (<see cref="CnnArchitecture.ToString"/>).</param>
/// <param name="Scale"><c>unit</c> or <c>raw255</c>: how the model expects pixels.</param>
/// <param name="ClassNames">Class names 0..9.</param>
/// <param name="RunId">The run that trained it.</param>
/// <param name="TestAccuracy">Its test accuracy.</param>
public sealed record FashionModelInfo(string Architecture, string Scale, IReadOnlyList<string> ClassNames, string RunId, double TestAccuracy);

/// <summary>
/// Trained fashion-cnn models, as artifacts under <c>models/fashion-cnn/&lt;runId&gt;/</c>:
/// <c>weights.safetensors</c> (nn.Sequential names) and <c>model.json</c>.
/// </summary>
public static class FashionModelStore
{
    private const string WeightsFileName = "weights" + WeightsFile.Extension;
    private const string InfoFile = "model.json";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>Where under <c>State:Root</c> each run's model folder lives.</summary>
    public static readonly string RunsFolder = "models/fashion-cnn";

    /// <summary>The artifact folder of a run's model.</summary>
    public static string FolderOf(string runId) => ArtifactPaths.RunFolder(RunsFolder, runId);

    /// <summary>Saves the weights, then the info; returns the model's artifact folder.</summary>
    public static string Save(IRunArtifactStore artifacts, FashionModelInfo info, IReadOnlyList<(string Name, Tensor Tensor)> weights)
    {
        var folder = FolderOf(info.RunId);
        artifacts.Write(folder + "/" + WeightsFileName, WeightsFile.ToBytes(weights));
        artifacts.Write(folder + "/" + InfoFile, JsonSerializer.SerializeToUtf8Bytes(info, Json));
        return folder;
    }

    /// <summary>The artifact folder of the most recently saved model, or null.</summary>
    public static string? Latest(IRunArtifactStore artifacts)
    {
        var saved = artifacts.List(RunsFolder);
        var withWeights = saved.Where(a => a.Path.EndsWith("/" + WeightsFileName, StringComparison.Ordinal))
            .Select(a => a.Path[..a.Path.LastIndexOf('/')]).ToHashSet(StringComparer.Ordinal);
        return saved.Where(a => a.Path.Count(c => c == '/') == 3 && a.Path.EndsWith("/" + InfoFile, StringComparison.Ordinal))
            .Select(a => (Folder: a.Path[..a.Path.LastIndexOf('/')], a.WrittenAt))
            .Where(m => withWeights.Contains(m.Folder))
            .OrderByDescending(m => m.WrittenAt).Select(m => m.Folder).FirstOrDefault();
    }

    /// <summary>Reads a saved model (weights on the CPU, outside any dispose scope).</summary>
    public static (FashionModelInfo Info, Dictionary<string, Tensor> Weights) Load(IRunArtifactStore artifacts, string folder)
    {
        var infoPath = folder + "/" + InfoFile;
        var info = (artifacts.Read(infoPath) is { } bytes ? JsonSerializer.Deserialize<FashionModelInfo>(bytes, Json) : null)
            ?? throw new DatasetFileException(infoPath, "empty model description");
        return (info, WeightsFile.Load(artifacts.LocalFile(folder + "/" + WeightsFileName)));
    }
}
