using LabDashboard.Engine.Runs;
using TorchSharp;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace LabDashboard.Engine.Training;

/// <summary>
/// The one format the product saves weights in: safetensors, written and read by
/// TorchSharp.PyBridge, so PyTorch (<c>safetensors.torch.load_file</c>) and numpy read the files too.
/// Loading builds no module and draws nothing from any RNG.
/// </summary>
public static class WeightsFile
{
    /// <summary>The file name extension, with its dot.</summary>
    public const string Extension = ".safetensors";

    /// <summary>Writes <paramref name="module"/>'s parameters and buffers (state-dict names) atomically.</summary>
    public static void Save(string path, nn.Module module) => Save(path, module.state_dict().Select(p => (p.Key, p.Value)));

    /// <summary>
    /// Writes detached CPU copies of <paramref name="tensors"/> (any device, dtype kept) atomically:
    /// a reader sees the old file or the new one, never half of one.
    /// </summary>
    public static void Save(string path, IEnumerable<(string Name, Tensor Tensor)> tensors)
    {
        AtomicFile.Write(path, file => Write(file, tensors));
    }

    /// <summary>The file <see cref="Save(string, nn.Module)"/> would write, as bytes (for an artifact store).</summary>
    public static byte[] ToBytes(nn.Module module) => ToBytes(module.state_dict().Select(p => (p.Key, p.Value)));

    /// <summary>The file <see cref="Save(string, IEnumerable{ValueTuple{string, Tensor}})"/> would write, as bytes (for an artifact store).</summary>
    public static byte[] ToBytes(IEnumerable<(string Name, Tensor Tensor)> tensors)
    {
        using var stream = new MemoryStream();
        Write(stream, tensors);
        return stream.ToArray();
    }

    private static void Write(Stream stream, IEnumerable<(string Name, Tensor Tensor)> tensors)
    {
        var copies = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        try
        {
            foreach (var (name, tensor) in tensors)
                copies.Add(AsciiName(name), tensor.detach().cpu().contiguous().DetachFromDisposeScope());
            Safetensors.SaveStateDict(stream, copies);
        }
        finally
        {
            foreach (var copy in copies.Values) copy.Dispose();
        }
    }

    /// <summary>Every tensor in <paramref name="path"/>, on <paramref name="device"/> (default CPU), outside any dispose scope.</summary>
    /// <exception cref="FileNotFoundException">No such file.</exception>
    /// <exception cref="InvalidDataException">Not a readable safetensors file; the message names it.</exception>
    public static Dictionary<string, Tensor> Load(string path, Device? device = null)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"No weights file at {path}.", path);
        Dictionary<string, Tensor> loaded;
        try
        {
            loaded = Safetensors.LoadStateDict(path);
        }
        catch (Exception e) when (e is not (IOException or UnauthorizedAccessException))
        {
            throw new InvalidDataException($"'{path}' is not a readable safetensors weights file: {e.Message}", e);
        }
        return loaded.ToDictionary(p => p.Key, p => MoveOutOfScopeTo(p.Value, device), StringComparer.Ordinal);
    }

    /// <summary><paramref name="tensor"/> outside any dispose scope, on <paramref name="device"/> (null: where it is); a moved tensor's original is disposed.</summary>
    internal static Tensor MoveOutOfScopeTo(Tensor tensor, Device? device)
    {
        tensor.DetachFromDisposeScope();
        if (device is null || device.type == DeviceType.CPU) return tensor;
        using (tensor) return tensor.to(device).DetachFromDisposeScope();
    }

    // PyBridge writes the header's length in characters; with ASCII names that is its length in bytes.
    private static string AsciiName(string name) => name.All(char.IsAscii)
        ? name
        : throw new ArgumentException($"Weight names must be ASCII: '{name}'.", nameof(name));

    /// <summary>The path of the weights named <paramref name="name"/> in <paramref name="folder"/>.</summary>
    public static string PathIn(string folder, string name) => Path.Combine(folder, name + Extension);
}
