using System.Diagnostics;
using LabDashboard.Engine.Data.Images;
using LabDashboard.Engine.Problems.ResnetCam.Cam;
using LabDashboard.Engine.Problems.ResnetCam.Model;
using LabDashboard.Engine.Runs;
using TorchSharp;
using TorchSharp.Modules;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace LabDashboard.Bench;

/// <summary>
/// One exam-settings epoch (whole network, 512 px, Adam 1e-5, batches of 32) on the first photos of catsdogs, in
/// float32 and in mixed precision: a bfloat16 copy of the network computes forward and backward, its gradients step
/// the float32 master weights (and Adam's state), which are then copied back into it. The bfloat16 copy keeps its
/// own BatchNorm statistics, so this measures the step's cost, not a finished mixed-precision trainer.
/// </summary>
internal static class ResnetPrecisionBench
{
    private const int BatchSize = 32;

    public static void Compare(LabPaths paths, string dataRoot, int count)
    {
        var backbones = new BackboneStore(paths);
        backbones.EnsureConverted(Backbones.Cntk);
        var preprocessor = backbones.Preprocessor(Backbones.Cntk, Backbones.Cntk.DefaultPreprocessing);
        var photos = Photos(dataRoot, "cat", 0, count / 2).Concat(Photos(dataRoot, "dog", 1, count - count / 2)).ToList();
        var decoder = new ImageDecoder();
        using var inputs = preprocessor.ToInput([.. photos.Select(p => decoder.Decode(File.ReadAllBytes(p.Path), 512, 512).Image)]);
        using var targets = tensor(photos.Select(p => (float)p.Label).ToArray());
        Console.WriteLine($"exam-settings epoch on {photos.Count} photos at 512 px; native bfloat16 on this CPU: {(CamPrecisions.Auto() == CamPrecision.BFloat16 ? "yes" : "no")}");
        foreach (var mixed in new[] { false, true })
        {
            var (seconds, loss, accuracy) = Epoch(backbones.WeightsPath(Backbones.Cntk), inputs, targets, mixed);
            Console.WriteLine($"  {(mixed ? "bfloat16 compute, float32 master weights" : "float32")}: {seconds:F1} s, training loss {loss:F4}, accuracy {accuracy:P1}");
        }
    }

    private static IEnumerable<(string Path, int Label)> Photos(string dataRoot, string label, int value, int count) =>
        Directory.GetFiles(Path.Combine(dataRoot, "catsdogs", label)).Order(StringComparer.Ordinal)
            .Where(p => File.ReadAllBytes(p) is [0xFF, 0xD8, ..]).Take(count).Select(p => (p, value));

    private static (double Seconds, double Loss, double Accuracy) Epoch(string weights, Tensor inputs, Tensor targets, bool mixed)
    {
        random.manual_seed(1);
        using var master = ResNetBuilder.Create(Backbones.Cntk.Blocks);
        master.load_safetensors(weights, strict: false);
        master.train();
        using var compute = mixed ? ResNetBuilder.Create(Backbones.Cntk.Blocks) : null;
        if (compute is not null)
        {
            compute.load_state_dict(master.state_dict());
            compute.to(ScalarType.BFloat16).train();
        }
        using var optimizer = optim.Adam(master.parameters(), 1e-5);
        var (lossSum, correct) = (0.0, 0L);
        var stopwatch = Stopwatch.StartNew();
        for (long start = 0; start < inputs.shape[0]; start += BatchSize)
        {
            using var scope = NewDisposeScope();
            var size = Math.Min(BatchSize, inputs.shape[0] - start);
            var (x, y) = (inputs.narrow(0, start, size), targets.narrow(0, start, size));
            optimizer.zero_grad();
            var logits = compute is null ? master.call(x).squeeze(1) : MixedBackward(master, compute, x, y);
            var loss = nn.functional.binary_cross_entropy_with_logits(logits, y);
            if (compute is null) loss.backward();
            optimizer.step();
            if (compute is not null) CopyInto(master, compute);
            lossSum += loss.item<float>() * size;
            correct += logits.detach().ge(0).to(ScalarType.Float32).eq(y).sum().item<long>();
        }
        return (stopwatch.Elapsed.TotalSeconds, lossSum / inputs.shape[0], (double)correct / inputs.shape[0]);
    }

    /// <summary>Forward and backward in bfloat16; the gradients reach the master weights as float32 through a surrogate Σ w·g.</summary>
    private static Tensor MixedBackward(ResNet master, ResNet compute, Tensor x, Tensor y)
    {
        compute.zero_grad();
        var logits = compute.call(x.to(ScalarType.BFloat16)).squeeze(1).to(ScalarType.Float32);
        nn.functional.binary_cross_entropy_with_logits(logits, y).backward();
        var surrogate = stack(master.parameters().Zip(compute.parameters(), (m, c) => (m * c.grad!.to(ScalarType.Float32)).sum())).sum();
        surrogate.backward();
        return logits.detach();
    }

    private static void CopyInto(ResNet master, ResNet compute)
    {
        using var noGrad = no_grad();
        foreach (var (m, c) in master.parameters().Zip(compute.parameters())) c.copy_(m);
    }
}
