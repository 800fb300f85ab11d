namespace LabDashboard.Engine.Problems.ResnetCam.Onnx;

/// <summary>The parts of an ONNX graph the weight conversion needs (our own subset of onnx.proto).</summary>
internal sealed record OnnxGraph(
    IReadOnlyList<OnnxNode> Nodes,
    IReadOnlyDictionary<string, OnnxTensor> Initializers,
    IReadOnlyList<string> Inputs,
    IReadOnlyList<string> Outputs);

/// <summary>One operator: type, input and output tensor names, attributes.</summary>
internal sealed record OnnxNode(
    string Name,
    string OpType,
    IReadOnlyList<string> Inputs,
    IReadOnlyList<string> Outputs,
    IReadOnlyDictionary<string, OnnxAttribute> Attributes)
{
    public IReadOnlyList<long> Ints(string name) =>
        Attributes.TryGetValue(name, out var a) ? a.Ints : [];

    public float Float(string name, float fallback) =>
        Attributes.TryGetValue(name, out var a) && a.Float is { } f ? f : fallback;
}

/// <summary>An attribute value (only the kinds ResNet uses).</summary>
internal sealed record OnnxAttribute(string Name, float? Float, long? Int, IReadOnlyList<long> Ints, IReadOnlyList<float> Floats);

/// <summary>A float tensor: name, shape, values.</summary>
internal sealed record OnnxTensor(string Name, long[] Dims, float[] Values);
