using System.Buffers.Binary;
using System.Text.Json;
using static TorchSharp.torch;

namespace LabDashboard.Engine.Data;

/// <summary>
/// Reads and writes float32 tensors in the safetensors format (an 8-byte little-endian header
/// length, a JSON header of name → dtype, shape, byte offsets, then the raw data), which PyTorch
/// scripts can read with a few lines of numpy. Loading draws nothing from any RNG.
/// </summary>
public static class SafeTensors
{
    /// <summary>Writes <paramref name="tensors"/> (float32, any device) to <paramref name="path"/> atomically.</summary>
    public static void Save(string path, IReadOnlyList<(string Name, Tensor Tensor)> tensors)
    {
        var header = new Dictionary<string, object>();
        var blobs = new List<byte[]>();
        long offset = 0;
        foreach (var (name, tensor) in tensors)
        {
            using var cpu = tensor.detach().cpu().contiguous().to_type(ScalarType.Float32);
            var bytes = cpu.bytes.ToArray();
            header[name] = new { dtype = "F32", shape = tensor.shape, data_offsets = new[] { offset, offset + bytes.Length } };
            blobs.Add(bytes);
            offset += bytes.Length;
        }
        var json = JsonSerializer.SerializeToUtf8Bytes(header);
        var temp = path + ".part";
        using (var file = File.Create(temp))
        {
            Span<byte> length = stackalloc byte[8];
            BinaryPrimitives.WriteUInt64LittleEndian(length, (ulong)json.Length);
            file.Write(length);
            file.Write(json);
            foreach (var blob in blobs) file.Write(blob);
        }
        File.Move(temp, path, overwrite: true);
    }

    /// <summary>Reads every tensor of <paramref name="path"/> onto the CPU, outside any dispose scope.</summary>
    /// <exception cref="DatasetFileException">Not a float32 safetensors file, or truncated.</exception>
    public static Dictionary<string, Tensor> Load(string path)
    {
        var bytes = File.ReadAllBytes(path);
        try
        {
            var headerLength = checked((int)BinaryPrimitives.ReadUInt64LittleEndian(bytes));
            using var header = JsonDocument.Parse(bytes.AsMemory(8, headerLength));
            var dataStart = 8 + headerLength;
            var result = new Dictionary<string, Tensor>();
            foreach (var entry in header.RootElement.EnumerateObject().Where(e => e.Name != "__metadata__"))
                result[entry.Name] = ReadTensor(entry.Value, bytes, dataStart, path, entry.Name);
            return result;
        }
        catch (Exception e) when (e is JsonException or ArgumentException or OverflowException or IndexOutOfRangeException or KeyNotFoundException or InvalidOperationException)
        {
            throw new DatasetFileException(path, "not a readable safetensors file: " + e.Message, e);
        }
    }

    private static Tensor ReadTensor(JsonElement entry, byte[] bytes, int dataStart, string path, string name)
    {
        if (entry.GetProperty("dtype").GetString() != "F32") throw new DatasetFileException(path, $"{name} is not float32");
        var shape = entry.GetProperty("shape").EnumerateArray().Select(d => d.GetInt64()).ToArray();
        var offsets = entry.GetProperty("data_offsets").EnumerateArray().Select(d => d.GetInt64()).ToArray();
        var begin = checked(dataStart + (int)offsets[0]);
        var end = checked(dataStart + (int)offsets[1]);
        var count = shape.Aggregate(1L, (a, b) => a * b);
        if (end > bytes.Length || end - begin != count * 4) throw new DatasetFileException(path, $"{name} is truncated");
        var floats = new float[count];
        Buffer.BlockCopy(bytes, begin, floats, 0, end - begin);
        return tensor(floats, shape).DetachFromDisposeScope();
    }
}
