using TorchSharp;
using static TorchSharp.torch;

namespace LabDashboard.Engine.Problems.GanMnist8;

/// <summary>
/// A network's parameters by state-dict name, saved and loaded without building the module:
/// module constructors draw initial weights from libtorch's global RNG, which inference must leave
/// alone (a training run may be drawing from it on another thread). File: an Int32 count, then per
/// entry its name and TorchSharp's tensor encoding.
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

    /// <summary>Reads a file written by <see cref="Save"/> onto <paramref name="device"/>.</summary>
    public static NetworkWeights Load(string path, Device? device = null)
    {
        using var reader = new BinaryReader(File.OpenRead(path));
        var count = reader.ReadInt32();
        var tensors = new Dictionary<string, Tensor>(count, StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var name = reader.ReadString();
            using var loaded = TensorExtensionMethods.Load(reader);
            tensors[name] = loaded.to(device ?? CPU).DetachFromDisposeScope();
        }
        return new(tensors);
    }

    /// <summary>Writes the file atomically, so a reader never sees half of it.</summary>
    public void Save(string path)
    {
        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        using (var writer = new BinaryWriter(File.Create(temporary)))
        {
            writer.Write(_tensors.Count);
            foreach (var (name, tensor) in _tensors)
            {
                writer.Write(name);
                tensor.Save(writer);
            }
        }
        File.Move(temporary, path, overwrite: true);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        foreach (var tensor in _tensors.Values) tensor.Dispose();
    }
}
