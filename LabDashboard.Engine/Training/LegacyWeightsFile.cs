using TorchSharp;
using static TorchSharp.torch;

namespace LabDashboard.Engine.Training;

/// <summary>How a weights file of an older version counts its entries.</summary>
internal enum LegacyCount
{
    /// <summary>A 4-byte integer (the GAN's and the digit classifier's <c>*.weights</c>).</summary>
    Int32,

    /// <summary>LEB128, as TorchSharp's <c>Module.save</c> writes it (resnet-cam's <c>head.bin</c> and <c>weights.bin</c>).</summary>
    Leb128,
}

/// <summary>
/// Reads the weights files versions before <see cref="WeightsFile"/> wrote (TorchSharp's own tensor
/// encoding: a count, then a name and a tensor per entry), so models already saved in a State:Root
/// still load. Nothing writes this format any more.
/// </summary>
internal static class LegacyWeightsFile
{
    /// <summary>
    /// The weights at <paramref name="current"/> (safetensors) or, when only an older version saved
    /// them, at <paramref name="legacy"/>; on <paramref name="device"/>, outside any dispose scope.
    /// </summary>
    /// <exception cref="FileNotFoundException">Neither file exists.</exception>
    /// <exception cref="InvalidDataException">The file that exists is unreadable; the message says to retrain.</exception>
    public static Dictionary<string, Tensor> LoadCurrentOrLegacy(string current, string legacy, LegacyCount count, Device? device = null)
    {
        if (File.Exists(current) || !File.Exists(legacy)) return WeightsFile.Load(current, device);
        return Read(legacy, count).ToDictionary(p => p.Key, p => WeightsFile.MoveOutOfScopeTo(p.Value, device), StringComparer.Ordinal);
    }

    /// <summary>Every tensor of an older version's file, on the CPU, outside any dispose scope.</summary>
    public static Dictionary<string, Tensor> Read(string path, LegacyCount count)
    {
        var tensors = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        try
        {
            using var reader = new BinaryReader(File.OpenRead(path));
            var entries = count == LegacyCount.Int32 ? reader.ReadInt32() : ReadLeb128(reader);
            for (long i = 0; i < entries; i++)
            {
                var name = reader.ReadString();
                tensors[name] = TensorExtensionMethods.Load(reader).DetachFromDisposeScope();
            }
            return tensors;
        }
        catch (Exception e) when (e is EndOfStreamException or ArgumentException or FormatException or OverflowException or NotImplementedException or InvalidOperationException)
        {
            foreach (var tensor in tensors.Values) tensor.Dispose();
            throw new InvalidDataException($"'{path}' was saved by an older version of LabDashboard and cannot be read ({e.Message}); retrain the model.", e);
        }
    }

    private static long ReadLeb128(BinaryReader reader)
    {
        long result = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            var b = reader.ReadByte();
            result |= (long)(b & 0x7F) << shift;
            if ((b & 0x80) == 0) return result;
        }
        throw new FormatException("entry count is not LEB128");
    }
}
