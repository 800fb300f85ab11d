using LabDashboard.Engine.Problems.ResnetCam.Onnx;
using Xunit.Abstractions;
namespace LabDashboard.Tests.Engine.ResnetCam;
public class ScratchDump(ITestOutputHelper output)
{
    [Fact]
    public void Dump()
    {
        var dir = Path.Combine(AppContext.BaseDirectory, "models", "resnet18-cntk");
        foreach (var f in new[] { "ResNetPreprocess.onnx", "ResNet18.onnx" })
        {
            var g = OnnxReader.ReadFile(Path.Combine(dir, f));
            output.WriteLine($"== {f} inputs {string.Join(",", g.Inputs)} outputs {string.Join(",", g.Outputs)} inits {g.Initializers.Count}");
            foreach (var n in g.Nodes.Take(f.StartsWith("ResNetP") ? 100 : 12))
                output.WriteLine($"{n.OpType} {n.Name} in[{string.Join(",", n.Inputs)}] out[{string.Join(",", n.Outputs)}] attrs {string.Join(";", n.Attributes.Values.Select(a => a.Name + "=" + (a.Float?.ToString() ?? a.Int?.ToString() ?? string.Join("/", a.Ints))))}");
            foreach (var t in g.Initializers.Values.Take(f.StartsWith("ResNetP") ? 10 : 0))
                output.WriteLine($"init {t.Name} [{string.Join(",", t.Dims)}] n={t.Values.Length} mean={t.Values.Average()} first={string.Join(",", t.Values.Take(3))}");
            if (f == "ResNet18.onnx")
            {
                var m = ResNetOnnxMapping.ToTorchvisionNames(g);
                var tsv = File.ReadAllLines(Path.Combine(TestData.Root, "..", "notes", "resnet18-onnx-to-torchvision.tsv")).Skip(1).Select(l => l.Split('\t')).ToList();
                output.WriteLine($"mapped {m.Count}");
                foreach (var row in tsv)
                    if (!m.TryGetValue(row[0], out var t) || t.Name != row[1]) output.WriteLine($"MISMATCH {row[0]} expected {row[1]} got {(m.TryGetValue(row[0], out var x) ? x.Name : "none")}");
            }
        }
    }
}
