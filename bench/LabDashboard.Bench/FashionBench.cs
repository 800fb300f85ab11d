using System.Diagnostics;
using LabDashboard.Engine.Data;
using LabDashboard.Engine.Devices;
using LabDashboard.Engine.Problems.FashionCnn;
using LabDashboard.Engine.Runs;
using LabDashboard.Engine.Settings;
using LabDashboard.Engine.Training;
using TorchSharp;

namespace LabDashboard.Bench;

/// <summary>
/// fashion: one Fashion-MNIST epoch (batches of 256, Adam 1e-3) of the small and the reference CNN
/// in the engine alone; writes initial weights and batch order for bench/fashion_reference.py,
/// which repeats the same epoch in PyTorch.
/// </summary>
internal static class FashionBench
{
    private const int BatchSize = 256;

    public static BenchCommand Command { get; } = new("fashion", "[--subset 0] [--arch both|small|reference]",
        "one epoch of each CNN (--subset n: the first n training images; 0 = all 60,000) (exports for bench/fashion_reference.py)",
        ["--subset", "--arch"], RunAsync);

    private static Task RunAsync(BenchArguments options)
    {
        var subset = options.Int("--subset", 0);
        var arch = options.Text("--arch") ?? "both";
        if (arch is not ("both" or "small" or "reference")) throw new ArgumentException($"--arch must be both, small or reference, not '{arch}'.");
        Directory.CreateDirectory(options.OutFolder);
        using var state = new BenchState(options.StateRoot, "fashion");
        var paths = new LabPaths([options.DataRoot], state.Root);
        var context = new RunContext("bench", SettingsBinder.Defaults([]), DeviceInfo.Detect() with { Kind = "cpu" }, paths, new SilentReporter());
        using var data = ImageDatasetLoader.Load(DatasetLocator.Find(ImageDatasets.FashionMnist, paths.DataRoots, null)
            ?? throw new InvalidOperationException($"Fashion-MNIST not found under {options.DataRoot}"));

        if (arch is "both" or "small") Bench("small", CnnArchitecture.Small, data, subset, context, options.OutFolder);
        if (arch is "both" or "reference") Bench("reference", CnnArchitecture.Reference, data, subset, context, options.OutFolder);
        Console.WriteLine($"Wrote {options.OutFolder}; with iris run too: /usr/bin/python3 bench/fashion_reference.py");
        return Task.CompletedTask;
    }

    private static void Bench(string name, CnnArchitecture architecture, ImageDataset data, int subset, RunContext context, string outFolder)
    {
        torch.random.manual_seed(PyTorchExchange.Seed);
        using var trainer = new FashionTrainer(data, new FashionTrainerOptions(architecture, OptimizerSpec.Adam, 1e-3, BatchSize, subset, PyTorchExchange.Seed), torch.CPU);
        ExportOrder(trainer.TrainCount, outFolder);
        WeightsFile.Save(Path.Combine(outFolder, $"fashion-{name}-init.safetensors"), CnnModel.Weights(trainer.Model));
        var scaffold = new TrainingScaffold(context);
        var clock = Stopwatch.StartNew();
        var (loss, trainAcc) = trainer.TrainEpoch(scaffold, (_, _) => { });
        var seconds = clock.Elapsed.TotalSeconds;
        var evaluation = trainer.Evaluate();
        Console.WriteLine($"fashion {name}, one epoch ({trainer.BatchesPerEpoch} batches of {BatchSize}, {trainer.TrainCount} images): "
            + $"{seconds:F2} s, loss {loss:F4}, trainAcc {trainAcc:F4}, testAcc {evaluation.Accuracy:F4}");
        PyTorchExchange.Merge(outFolder, $"fashion-{name}",
            new Dictionary<string, double> { ["seconds"] = seconds, ["loss"] = loss, ["trainAcc"] = trainAcc, ["testAcc"] = evaluation.Accuracy });
    }

    /// <summary>The trainer's first epoch order, drawn by a fresh <see cref="ShuffledBatches"/> with the trainer's seed; PyTorch replays it.</summary>
    private static void ExportOrder(int count, string outFolder)
    {
        using var batches = new ShuffledBatches(count, BatchSize, PyTorchExchange.Seed);
        using var order = batches.NextOrder();
        File.WriteAllBytes(Path.Combine(outFolder, "fashion-epoch1-order.int64"), order.bytes.ToArray());
    }
}
