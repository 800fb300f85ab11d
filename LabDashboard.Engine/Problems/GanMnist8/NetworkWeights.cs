using LabDashboard.Engine.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace LabDashboard.Engine.Problems.GanMnist8;

/// <summary>
/// A network's parameters by state-dict name, saved and loaded (as <see cref="WeightsFile"/>s)
/// without building the module: module constructors draw initial weights from libtorch's global
/// RNG, which inference must leave alone (a training run may be drawing from it on another thread).
/// </summary>
internal sealed class NetworkWeights : IDisposable
{
    private readonly Dictionary<string, Tensor> _tensors;

    private NetworkWeights(Dictionary<string, Tensor> tensors) => _tensors = tensors;

    /// <summary>The tensor named <paramref name="name"/> (e.g. <c>net.0.weight</c>).</summary>
    public Tensor this[string name] => _tensors.TryGetValue(name, out var tensor)
        ? tensor
        : throw new InvalidDataException($"The saved network has no '{name}'.");

    /// <summary>Detached copies of <paramref name="module"/>'s parameters and buffers.</summary>
    public static NetworkWeights From(nn.Module module)
    {
        using var _ = torch.no_grad();
        return new(module.state_dict().ToDictionary(kv => kv.Key, kv => kv.Value.detach().clone().DetachFromDisposeScope()));
    }

    /// <summary>
    /// Reads <paramref name="name"/><c>.safetensors</c> in <paramref name="folder"/> onto
    /// <paramref name="device"/>, or <paramref name="name"/><c>.weights</c> when an older version saved it.
    /// </summary>
    public static NetworkWeights Load(string folder, string name, Device? device = null) =>
        LoadFiles(WeightsFile.PathIn(folder, name), LegacyPath(folder, name), device);

    /// <summary>Reads the safetensors file <paramref name="current"/>, or <paramref name="legacy"/> when only an older version saved it.</summary>
    public static NetworkWeights LoadFiles(string current, string legacy, Device? device = null) =>
        new(LegacyWeightsFile.LoadCurrentOrLegacy(current, legacy, LegacyCount.Int32, device));

    /// <summary>What <see cref="Save"/> writes, as bytes (for an artifact store).</summary>
    public byte[] ToBytes() => WeightsFile.ToBytes(_tensors.Select(p => (p.Key, p.Value)));

    /// <summary>The file name an older version saved the weights named <paramref name="name"/> under.</summary>
    public static string LegacyFileName(string name) => name + ".weights";

    /// <summary>True when <see cref="Load"/> finds the weights named <paramref name="name"/> in <paramref name="folder"/>.</summary>
    public static bool IsSaved(string folder, string name) => File.Exists(WeightsFile.PathIn(folder, name)) || File.Exists(LegacyPath(folder, name));

    /// <summary>Writes <paramref name="name"/><c>.safetensors</c> in <paramref name="folder"/> atomically.</summary>
    public void Save(string folder, string name) => WeightsFile.Save(WeightsFile.PathIn(folder, name), _tensors.Select(p => (p.Key, p.Value)));

    private static string LegacyPath(string folder, string name) => Path.Combine(folder, LegacyFileName(name));

    /// <inheritdoc/>
    public void Dispose()
    {
        foreach (var tensor in _tensors.Values) tensor.Dispose();
    }
}
