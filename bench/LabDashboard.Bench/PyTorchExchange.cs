using System.Text.Json;
using System.Text.Json.Nodes;
using TorchSharp;

namespace LabDashboard.Bench;

/// <summary>
/// <c>engine-results.json</c> in the exchange folder: what bench/fashion_reference.py compares its
/// PyTorch timings with. The iris and fashion benchmarks each merge their entries into it, each with
/// the libtorch thread count it ran on.
/// </summary>
internal static class PyTorchExchange
{
    public const int Seed = 43052;

    public static void Merge(string outFolder, string key, IReadOnlyDictionary<string, double> result)
    {
        var path = Path.Combine(outFolder, "engine-results.json");
        var root = File.Exists(path) ? JsonNode.Parse(File.ReadAllText(path))!.AsObject() : [];
        var entry = JsonSerializer.SerializeToNode(result)!.AsObject();
        entry["threads"] ??= torch.get_num_threads();
        root[key] = entry;
        File.WriteAllText(path, root.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
    }
}
