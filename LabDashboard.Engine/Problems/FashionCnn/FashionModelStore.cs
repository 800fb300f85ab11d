using System.Text.Json;
using LabDashboard.Engine.Data;
using LabDashboard.Engine.Runs;
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
/// Trained fashion-cnn models under <c>State:Root/models/fashion-cnn/&lt;runId&gt;/</c>:
/// <c>weights.safetensors</c> (nn.Sequential names) and <c>model.json</c>.
/// </summary>
public static class FashionModelStore
{
    private const string WeightsFileName = "weights" + WeightsFile.Extension;
    private const string InfoFile = "model.json";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>Where under <c>State:Root</c> each run's model folder lives.</summary>
    public static readonly string RunsFolder = Path.Combine("models", "fashion-cnn");

    /// <summary>The folder of all saved models.</summary>
    public static string Root(LabPaths paths) => Path.Combine(paths.StateRoot, RunsFolder);

    /// <summary>Saves the weights and info; returns the model's folder.</summary>
    public static string Save(LabPaths paths, FashionModelInfo info, IReadOnlyList<(string Name, Tensor Tensor)> weights)
    {
        var folder = paths.StateFolder(RunsFolder, info.RunId);
        WeightsFile.Save(Path.Combine(folder, WeightsFileName), weights);
        File.WriteAllText(Path.Combine(folder, InfoFile), JsonSerializer.Serialize(info, Json));
        return folder;
    }

    /// <summary>The most recently saved model's folder, or null.</summary>
    public static string? Latest(LabPaths paths) =>
        Directory.Exists(Root(paths))
            ? new DirectoryInfo(Root(paths)).EnumerateDirectories()
                .Where(d => File.Exists(Path.Combine(d.FullName, InfoFile)) && File.Exists(Path.Combine(d.FullName, WeightsFileName)))
                .OrderByDescending(d => File.GetLastWriteTimeUtc(Path.Combine(d.FullName, InfoFile)))
                .Select(d => d.FullName).FirstOrDefault()
            : null;

    /// <summary>Reads a saved model (weights on the CPU, outside any dispose scope).</summary>
    public static (FashionModelInfo Info, Dictionary<string, Tensor> Weights) Load(string folder)
    {
        var infoPath = Path.Combine(folder, InfoFile);
        var info = JsonSerializer.Deserialize<FashionModelInfo>(File.ReadAllText(infoPath), Json)
            ?? throw new DatasetFileException(infoPath, "empty model description");
        return (info, WeightsFile.Load(Path.Combine(folder, WeightsFileName)));
    }
}
