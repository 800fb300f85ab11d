namespace LabDashboard.Engine.Problems.ResnetCam.Onnx;

/// <summary>
/// Names a ResNet ONNX graph's initializers with torchvision's state-dict keys by walking the
/// graph (initializer names carry no order): the 7×7 conv is <c>conv1</c>; a 3×3 conv fed by
/// Relu(BN(another block's conv1)) is that block's <c>conv2</c>, any other 3×3 conv starts a block
/// (a new layer when its stride is 2); a 1×1 conv is the <c>downsample</c> of the block whose conv1
/// reads the same input; the BatchNorm reading a conv's output supplies its four tensors.
/// </summary>
internal static class ResNetOnnxMapping
{
    public static IReadOnlyDictionary<string, OnnxTensor> ToTorchvisionNames(OnnxGraph graph)
    {
        var producer = graph.Nodes.SelectMany(n => n.Outputs.Select(o => (o, n))).ToDictionary(p => p.o, p => p.n, StringComparer.Ordinal);
        var convNames = NameConvolutions(graph, producer);
        var result = new Dictionary<string, OnnxTensor>(StringComparer.Ordinal);
        foreach (var (conv, prefix) in convNames)
        {
            result[prefix + ".weight"] = Initializer(graph, conv.Inputs[1]);
            var bn = graph.Nodes.Single(n => n.OpType == "BatchNormalization" && n.Inputs[0] == conv.Outputs[0]);
            var bnPrefix = BatchNormPrefix(prefix);
            string[] parts = ["weight", "bias", "running_mean", "running_var"];
            for (var i = 0; i < parts.Length; i++)
                result[$"{bnPrefix}.{parts[i]}"] = Initializer(graph, bn.Inputs[i + 1]);
        }
        return result;
    }

    private static List<(OnnxNode Conv, string Prefix)> NameConvolutions(OnnxGraph graph, Dictionary<string, OnnxNode> producer)
    {
        var named = new List<(OnnxNode, string)>();
        var nameOf = new Dictionary<OnnxNode, string>(ReferenceEqualityComparer.Instance);
        var blockInputs = new Dictionary<string, string>(StringComparer.Ordinal);
        int layer = 1, block = -1;
        var convs = graph.Nodes.Where(n => n.OpType == "Conv").ToList();
        foreach (var conv in convs)
        {
            var kernel = KernelSize(graph, conv);
            string? prefix = null;
            if (kernel == 7) prefix = "conv1";
            else if (kernel == 3 && FirstConvOfBlock(conv.Inputs[0], producer, nameOf) is { } conv1Prefix)
                prefix = conv1Prefix[..^"conv1".Length] + "conv2";
            else if (kernel == 3)
            {
                if (Stride(conv) == 2) { layer++; block = 0; }
                else block++;
                prefix = $"layer{layer}.{block}.conv1";
                blockInputs[conv.Inputs[0]] = $"layer{layer}.{block}";
            }
            if (prefix is null) continue;
            nameOf[conv] = prefix;
            named.Add((conv, prefix));
        }
        foreach (var conv in convs.Where(c => KernelSize(graph, c) == 1))
        {
            var owner = blockInputs.TryGetValue(conv.Inputs[0], out var b) ? b
                : throw new InvalidDataException($"1×1 conv '{conv.Name}' reads an input no block starts from.");
            named.Add((conv, owner + ".downsample.0"));
        }
        return named;
    }

    /// <summary>The block-conv1 name when <paramref name="tensor"/> is Relu(BatchNorm(that conv)).</summary>
    private static string? FirstConvOfBlock(string tensor, Dictionary<string, OnnxNode> producer, Dictionary<OnnxNode, string> nameOf)
    {
        if (!producer.TryGetValue(tensor, out var relu) || relu.OpType != "Relu") return null;
        if (!producer.TryGetValue(relu.Inputs[0], out var bn) || bn.OpType != "BatchNormalization") return null;
        if (!producer.TryGetValue(bn.Inputs[0], out var conv) || !nameOf.TryGetValue(conv, out var name)) return null;
        return name.StartsWith("layer", StringComparison.Ordinal) && name.EndsWith(".conv1", StringComparison.Ordinal) ? name : null;
    }

    private static string BatchNormPrefix(string convPrefix) => convPrefix switch
    {
        "conv1" => "bn1",
        _ when convPrefix.EndsWith(".downsample.0", StringComparison.Ordinal) => convPrefix[..^1] + "1",
        _ when convPrefix.EndsWith(".conv1", StringComparison.Ordinal) => convPrefix[..^"conv1".Length] + "bn1",
        _ => convPrefix[..^"conv2".Length] + "bn2",
    };

    private static long KernelSize(OnnxGraph graph, OnnxNode conv) => Initializer(graph, conv.Inputs[1]).Dims[^1];

    private static long Stride(OnnxNode conv) => conv.Ints("strides") is [var s, ..] ? s : 1;

    private static OnnxTensor Initializer(OnnxGraph graph, string name) =>
        graph.Initializers.TryGetValue(name, out var t) ? t : throw new InvalidDataException($"Initializer '{name}' is missing.");
}
