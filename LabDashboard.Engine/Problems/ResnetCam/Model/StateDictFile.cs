using TorchSharp;
using static TorchSharp.torch;

namespace LabDashboard.Engine.Problems.ResnetCam.Model;

/// <summary>
/// Reads and writes named tensors in TorchSharp's <c>Module.save</c> format (LEB128 count, then
/// name + tensor per entry), so files load with <c>module.load</c> and, without building a module
/// (whose constructor draws from the global RNG), into a dictionary for inference. Writes are atomic.
/// </summary>
internal static class StateDictFile
{
    public static void Write(string path, IReadOnlyDictionary<string, Tensor> tensors)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        using (var writer = new BinaryWriter(File.Create(temporary)))
        {
            WriteLeb128(writer, tensors.Count);
            foreach (var (name, tensor) in tensors)
            {
                writer.Write(name);
                using var contiguous = tensor.contiguous();
                contiguous.Save(writer);
            }
        }
        File.Move(temporary, path, overwrite: true);
    }

    public static Dictionary<string, Tensor> Read(string path)
    {
        using var reader = new BinaryReader(File.OpenRead(path));
        var count = ReadLeb128(reader);
        var tensors = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var name = reader.ReadString();
            tensors[name] = TensorExtensionMethods.Load(reader);
        }
        return tensors;
    }

    private static void WriteLeb128(BinaryWriter writer, long value)
    {
        do
        {
            var b = (byte)(value & 0x7F);
            value >>= 7;
            writer.Write(value != 0 ? (byte)(b | 0x80) : b);
        } while (value != 0);
    }

    private static long ReadLeb128(BinaryReader reader)
    {
        long result = 0;
        for (var shift = 0; ; shift += 7)
        {
            var b = reader.ReadByte();
            result |= (long)(b & 0x7F) << shift;
            if ((b & 0x80) == 0) return result;
        }
    }
}
