using System.Text.Json;
using LabDashboard.Engine.Problems.ResnetCam.Model;
using LabDashboard.Engine.Runs;
using LabDashboard.Engine.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace LabDashboard.Engine.Problems.ResnetCam.Models;

/// <summary>
/// Saved models in <c>State:Root/resnet-cam/models/&lt;runId&gt;/</c>: model.json, head.safetensors (fc),
/// weights.safetensors (whole network, only when the backbone was trained), gallery.json + gallery/*.png.
/// A model counts once model.json exists (written last). Models of older versions (head.bin,
/// weights.bin) still load.
/// </summary>
public sealed class TrainedModelStore(LabPaths paths)
{
    private const string HeadName = "head";
    private const string NetworkName = "weights";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>Where under <c>State:Root</c> each run's model folder lives.</summary>
    public static readonly string RunsFolder = Path.Combine("resnet-cam", "models");

    private string Root => Path.Combine(paths.StateRoot, RunsFolder);

    /// <summary>The folder of a run's model (created).</summary>
    public string Folder(string runId) => paths.StateFolder(RunsFolder, SafeName(runId));

    /// <summary>Completed models, newest first.</summary>
    public IReadOnlyList<TrainedModelInfo> List()
    {
        if (!Directory.Exists(Root)) return [];
        return [.. Directory.EnumerateDirectories(Root)
            .Select(d => Path.Combine(d, "model.json"))
            .Where(File.Exists)
            .Select(f => JsonSerializer.Deserialize<TrainedModelInfo>(File.ReadAllText(f), Json)!)
            .OrderByDescending(m => m.CompletedAt)];
    }

    /// <summary>The model of a run, or the latest when <paramref name="runId"/> is null; null when none.</summary>
    public TrainedModelInfo? Find(string? runId) =>
        runId is null ? List().FirstOrDefault() : List().FirstOrDefault(m => m.RunId == runId);

    /// <summary>The held-out gallery of a run (mistakes first).</summary>
    public IReadOnlyList<GalleryItem> Gallery(string runId)
    {
        var path = Path.Combine(Root, SafeName(runId), "gallery.json");
        return File.Exists(path) ? JsonSerializer.Deserialize<List<GalleryItem>>(File.ReadAllText(path), Json)! : [];
    }

    /// <summary>A gallery PNG's bytes, or null.</summary>
    public byte[]? GalleryImage(string runId, string file)
    {
        if (file != Path.GetFileName(file) || !file.EndsWith(".png", StringComparison.Ordinal)) return null;
        var path = Path.Combine(Root, SafeName(runId), "gallery", file);
        return File.Exists(path) ? File.ReadAllBytes(path) : null;
    }

    internal void SaveHead(string runId, Tensor weight, Tensor bias) =>
        WeightsFile.Save(WeightsFile.PathIn(Folder(runId), HeadName), [("fc.weight", weight), ("fc.bias", bias)]);

    internal void SaveWholeNetwork(string runId, nn.Module module) => WeightsFile.Save(WeightsFile.PathIn(Folder(runId), NetworkName), module);

    internal void SaveGallery(string runId, IReadOnlyList<GalleryItem> items, IReadOnlyList<byte[]> pngs)
    {
        var folder = Path.Combine(Folder(runId), "gallery");
        Directory.CreateDirectory(folder);
        for (var i = 0; i < items.Count; i++) File.WriteAllBytes(Path.Combine(folder, items[i].File), pngs[i]);
        File.WriteAllText(Path.Combine(Folder(runId), "gallery.json"), JsonSerializer.Serialize(items, Json));
    }

    internal void Complete(TrainedModelInfo info)
    {
        var path = Path.Combine(Folder(info.RunId), "model.json");
        File.WriteAllText(path + ".tmp", JsonSerializer.Serialize(info, Json));
        File.Move(path + ".tmp", path, overwrite: true);
    }

    /// <summary>Trunk weights (the run's own when the backbone was trained, else the converted backbone) and the head.</summary>
    internal (Dictionary<string, Tensor> Trunk, Tensor Weight, Tensor Bias) LoadWeights(TrainedModelInfo info, BackboneStore backbones)
    {
        var folder = Path.Combine(Root, SafeName(info.RunId));
        var head = Load(folder, HeadName);
        var trunk = info.TrainBackbone ? Load(folder, NetworkName) : backbones.LoadWeights(Backbones.Get(info.Backbone));
        return (trunk, head["fc.weight"], head["fc.bias"]);
    }

    private static Dictionary<string, Tensor> Load(string folder, string name) =>
        LegacyWeightsFile.LoadCurrentOrLegacy(WeightsFile.PathIn(folder, name), Path.Combine(folder, name + ".bin"), LegacyCount.Leb128);

    private static string SafeName(string runId) =>
        runId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_') && runId.Length > 0
            ? runId
            : throw new ArgumentException($"Invalid run id '{runId}'.", nameof(runId));
}
