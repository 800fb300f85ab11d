using System.Text.Json;
using LabDashboard.Engine.Problems.ResnetCam.Model;
using LabDashboard.Engine.Runs.Artifacts;
using LabDashboard.Engine.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace LabDashboard.Engine.Problems.ResnetCam.Models;

/// <summary>
/// Saved models as artifacts under <c>resnet-cam/models/&lt;runId&gt;/</c>: model.json, head.safetensors (fc),
/// weights.safetensors (whole network, only when the backbone was trained), gallery.json + gallery/*.png.
/// A model counts once model.json exists (written last). Models of older versions (head.bin,
/// weights.bin) still load.
/// </summary>
public sealed class TrainedModelStore(IRunArtifactStore artifacts)
{
    private const string HeadName = "head";
    private const string NetworkName = "weights";
    private const string InfoFile = "model.json";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>Where under <c>State:Root</c> each run's model folder lives.</summary>
    public static readonly string RunsFolder = "resnet-cam/models";

    /// <summary>The artifact path of a file of a run's model.</summary>
    public static string PathOf(string runId, string file) => ArtifactPaths.RunFolder(RunsFolder, runId) + "/" + ArtifactPaths.Check(file);

    /// <summary>Completed models, newest first.</summary>
    public IReadOnlyList<TrainedModelInfo> List() =>
        [.. artifacts.ReadEach(RunsFolder, InfoFile)
            .Select(bytes => JsonSerializer.Deserialize<TrainedModelInfo>(bytes, Json)!)
            .OrderByDescending(m => m.CompletedAt)];

    /// <summary>The model of a run, or the latest when <paramref name="runId"/> is null; null when none.</summary>
    public TrainedModelInfo? Find(string? runId) =>
        runId is null ? List().FirstOrDefault() : List().FirstOrDefault(m => m.RunId == runId);

    /// <summary>The held-out gallery of a run (mistakes first).</summary>
    public IReadOnlyList<GalleryItem> Gallery(string runId) =>
        artifacts.Read(PathOf(runId, "gallery.json")) is { } bytes ? JsonSerializer.Deserialize<List<GalleryItem>>(bytes, Json)! : [];

    /// <summary>A gallery PNG's bytes, or null.</summary>
    public byte[]? GalleryImage(string runId, string file)
    {
        if (file != Path.GetFileName(file) || !file.EndsWith(".png", StringComparison.Ordinal) || file.Contains('/')) return null;
        try { return artifacts.Read(PathOf(runId, "gallery/" + file)); }
        catch (ArgumentException) { return null; }
    }

    internal void SaveHead(string runId, Tensor weight, Tensor bias) =>
        artifacts.Write(PathOf(runId, HeadName + WeightsFile.Extension), WeightsFile.ToBytes([("fc.weight", weight), ("fc.bias", bias)]));

    internal void SaveWholeNetwork(string runId, nn.Module module) =>
        artifacts.Write(PathOf(runId, NetworkName + WeightsFile.Extension), WeightsFile.ToBytes(module));

    internal void SaveGallery(string runId, IReadOnlyList<GalleryItem> items, IReadOnlyList<byte[]> pngs)
    {
        for (var i = 0; i < items.Count; i++) artifacts.Write(PathOf(runId, "gallery/" + items[i].File), pngs[i]);
        artifacts.Write(PathOf(runId, "gallery.json"), JsonSerializer.SerializeToUtf8Bytes(items, Json));
    }

    internal void Complete(TrainedModelInfo info) => artifacts.Write(PathOf(info.RunId, InfoFile), JsonSerializer.SerializeToUtf8Bytes(info, Json));

    /// <summary>Trunk weights (the run's own when the backbone was trained, else the converted backbone) and the head.</summary>
    internal (Dictionary<string, Tensor> Trunk, Tensor Weight, Tensor Bias) LoadWeights(TrainedModelInfo info, BackboneStore backbones)
    {
        var head = Load(info.RunId, HeadName);
        var trunk = info.TrainBackbone ? Load(info.RunId, NetworkName) : backbones.LoadWeights(Backbones.Get(info.Backbone));
        return (trunk, head["fc.weight"], head["fc.bias"]);
    }

    private Dictionary<string, Tensor> Load(string runId, string name) => LegacyWeightsFile.LoadCurrentOrLegacy(
        artifacts.LocalFile(PathOf(runId, name + WeightsFile.Extension)), artifacts.LocalFile(PathOf(runId, name + ".bin")), LegacyCount.Leb128);
}
