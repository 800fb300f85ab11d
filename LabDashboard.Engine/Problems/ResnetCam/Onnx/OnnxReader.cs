using System.Runtime.InteropServices;
using Google.Protobuf;

namespace LabDashboard.Engine.Problems.ResnetCam.Onnx;

/// <summary>
/// Reads the subset of an ONNX ModelProto that a CNN needs, straight from the wire format.
/// Field numbers are those of onnx.proto (ModelProto.graph = 7, GraphProto.node = 1, …).
/// </summary>
internal static class OnnxReader
{
    private const int FloatType = 1;

    public static OnnxGraph ReadFile(string path) => Read(File.ReadAllBytes(path));

    public static OnnxGraph Read(byte[] model)
    {
        var input = new CodedInputStream(model);
        byte[]? graph = null;
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            if (Field(tag) == 7) graph = input.ReadBytes().ToByteArray();
            else input.SkipLastField();
        }
        return graph is null ? throw new InvalidDataException("The ONNX file has no graph.") : ReadGraph(graph);
    }

    private static OnnxGraph ReadGraph(byte[] bytes)
    {
        var nodes = new List<OnnxNode>();
        var initializers = new Dictionary<string, OnnxTensor>(StringComparer.Ordinal);
        var inputs = new List<string>();
        var outputs = new List<string>();
        var input = new CodedInputStream(bytes);
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            switch (Field(tag))
            {
                case 1: nodes.Add(ReadNode(input.ReadBytes())); break;
                case 5:
                    var tensor = ReadTensor(input.ReadBytes());
                    if (tensor is not null) initializers[tensor.Name] = tensor;
                    break;
                case 11: inputs.Add(ReadValueInfoName(input.ReadBytes())); break;
                case 12: outputs.Add(ReadValueInfoName(input.ReadBytes())); break;
                default: input.SkipLastField(); break;
            }
        }
        return new OnnxGraph(nodes, initializers, inputs, outputs);
    }

    private static OnnxNode ReadNode(ByteString bytes)
    {
        string name = "", opType = "";
        var inputs = new List<string>();
        var outputs = new List<string>();
        var attributes = new Dictionary<string, OnnxAttribute>(StringComparer.Ordinal);
        var input = bytes.CreateCodedInput();
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            switch (Field(tag))
            {
                case 1: inputs.Add(input.ReadString()); break;
                case 2: outputs.Add(input.ReadString()); break;
                case 3: name = input.ReadString(); break;
                case 4: opType = input.ReadString(); break;
                case 5:
                    var attribute = ReadAttribute(input.ReadBytes());
                    attributes[attribute.Name] = attribute;
                    break;
                default: input.SkipLastField(); break;
            }
        }
        return new OnnxNode(name, opType, inputs, outputs, attributes);
    }

    private static OnnxAttribute ReadAttribute(ByteString bytes)
    {
        string name = "";
        float? f = null;
        long? i = null;
        var ints = new List<long>();
        var floats = new List<float>();
        var input = bytes.CreateCodedInput();
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            switch (Field(tag))
            {
                case 1: name = input.ReadString(); break;
                case 2: f = input.ReadFloat(); break;
                case 3: i = input.ReadInt64(); break;
                case 7: ReadRepeated(input, tag, floats, s => s.ReadFloat()); break;
                case 8: ReadRepeated(input, tag, ints, s => s.ReadInt64()); break;
                default: input.SkipLastField(); break;
            }
        }
        return new OnnxAttribute(name, f, i, ints, floats);
    }

    private static OnnxTensor? ReadTensor(ByteString bytes)
    {
        string name = "";
        var dims = new List<long>();
        var dataType = 0;
        float[]? values = null;
        var floats = new List<float>();
        var input = bytes.CreateCodedInput();
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            switch (Field(tag))
            {
                case 1: ReadRepeated(input, tag, dims, s => s.ReadInt64()); break;
                case 2: dataType = input.ReadInt32(); break;
                case 4 when WireType(tag) == WireFormat.WireType.LengthDelimited: values = LittleEndianFloats(input.ReadBytes()); break;
                case 4: floats.Add(input.ReadFloat()); break;
                case 8: name = input.ReadString(); break;
                case 9: values = LittleEndianFloats(input.ReadBytes()); break;
                default: input.SkipLastField(); break;
            }
        }
        if (dataType != FloatType) return null;
        return new OnnxTensor(name, [.. dims], values ?? [.. floats]);
    }

    private static string ReadValueInfoName(ByteString bytes)
    {
        var input = bytes.CreateCodedInput();
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            if (Field(tag) == 1) return input.ReadString();
            input.SkipLastField();
        }
        return "";
    }

    /// <summary>Repeated scalars may be packed (one length-delimited run) or one tag per element.</summary>
    private static void ReadRepeated<T>(CodedInputStream input, uint tag, List<T> into, Func<CodedInputStream, T> readOne)
    {
        if (WireType(tag) != WireFormat.WireType.LengthDelimited)
        {
            into.Add(readOne(input));
            return;
        }
        var packed = input.ReadBytes().CreateCodedInput();
        while (!packed.IsAtEnd) into.Add(readOne(packed));
    }

    private static float[] LittleEndianFloats(ByteString bytes)
    {
        if (!BitConverter.IsLittleEndian) throw new PlatformNotSupportedException("ONNX float data is little-endian.");
        return MemoryMarshal.Cast<byte, float>(bytes.Span).ToArray();
    }

    private static int Field(uint tag) => WireFormat.GetTagFieldNumber(tag);

    private static WireFormat.WireType WireType(uint tag) => WireFormat.GetTagWireType(tag);
}
