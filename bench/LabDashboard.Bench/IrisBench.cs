using System.Diagnostics;
using System.Text.Json;
using LabDashboard.Engine.Devices;
using LabDashboard.Engine.Problems.Iris;
using LabDashboard.Engine.Runs;
using LabDashboard.Engine.Settings;
using LabDashboard.Engine.Training;
using TorchSharp;

namespace LabDashboard.Bench;

/// <summary>
/// iris: 200 full-batch Adam epochs of the default MLP in the engine alone (median of repeats, on
/// the thread count the run service gives the problem), then the iris problem with its defaults;
/// writes the split and initial weights for bench/fashion_reference.py.
/// </summary>
internal static class IrisBench
{
    private const int Epochs = 200;

    public static BenchCommand Command { get; } = new("iris", "[--repeats 5] [--pytorch 0|1]",
        "200 full-batch Adam epochs of the default MLP (median of repeats), then the problem with defaults (exports for bench/fashion_reference.py); "
        + "--pytorch 1 alternates each engine run with a PyTorch run of the same model and weights and reports the pairs",
        ["--repeats", "--pytorch"], RunAsync);

    private static Task RunAsync(BenchArguments options)
    {
        Directory.CreateDirectory(options.OutFolder);
        using var state = new BenchState(options.StateRoot, "iris");
        var paths = new LabPaths([options.DataRoot], state.Root);
        var device = DeviceInfo.Detect() with { Kind = "cpu" };
        var problem = new IrisProblem();
        var threads = device.ThreadsFor(problem.Descriptor);
        using var scope = device.UseThreadsFor(problem.Descriptor);
        var rows = IrisTable.Load();
        var split = PandasSplit.Sample(rows.Count, 0.8, 42);
        File.WriteAllText(Path.Combine(options.OutFolder, "iris-split.json"), JsonSerializer.Serialize(new { train = split.Train, test = split.Test }));

        var repeats = options.Int("--repeats", 5);
        var runs = new List<(double Seconds, double Loss, double TestAcc)> { TimeTraining(rows, split, device, paths, exportTo: options.OutFolder) };
        if (options.Int("--pytorch", 0) == 1)
            runs.AddRange(AlternateWithPyTorch(options, threads, repeats - 1, () => TimeTraining(rows, split, device, paths, exportTo: null)));
        else
            runs.AddRange(Enumerable.Range(1, repeats - 1).Select(_ => TimeTraining(rows, split, device, paths, exportTo: null)));
        var (seconds, loss, testAcc) = runs.OrderBy(r => r.Seconds).ElementAt(runs.Count / 2);
        Console.WriteLine($"iris, {Epochs} full-batch Adam epochs on {threads} thread(s): median {seconds:F3} s of {string.Join(", ", runs.Select(r => r.Seconds.ToString("F3")))}; last loss {loss:F4}, testAcc {testAcc:F4}");

        var problemClock = Stopwatch.StartNew();
        problem.Run(new RunContext("bench", SettingsBinder.Defaults(problem.Descriptor.Settings), device, paths, new SilentReporter()));
        var problemSeconds = problemClock.Elapsed.TotalSeconds;
        Console.WriteLine($"iris problem with defaults (split, events, payloads): {problemSeconds:F3} s");

        PyTorchExchange.Merge(options.OutFolder, "iris", new Dictionary<string, double>
        {
            ["seconds"] = seconds, ["loss"] = loss, ["testAcc"] = testAcc, ["problemSeconds"] = problemSeconds,
            ["threads"] = threads, ["repeats"] = runs.Count,
        });
        Console.WriteLine($"Wrote {options.OutFolder}; with fashion run too: /usr/bin/python3 bench/fashion_reference.py");
        return Task.CompletedTask;
    }

    /// <summary>
    /// Engine and PyTorch runs in turn (the first engine run, which wrote the exports, is left out of the pairs):
    /// on a machine whose speed drifts, each pair meets the same conditions, so the ratio of a pair means more than
    /// the ratio of two medians taken minutes apart.
    /// </summary>
    private static List<(double Seconds, double Loss, double TestAcc)> AlternateWithPyTorch(BenchArguments options, int threads, int pairs,
        Func<(double Seconds, double Loss, double TestAcc)> engineRun)
    {
        using var python = new PyTorchIrisPartner(options, threads);
        python.Run(); // warm-up, as the engine's first run is
        var engine = new List<(double Seconds, double Loss, double TestAcc)>();
        var ratios = new List<double>();
        var pytorch = new List<double>();
        for (var i = 0; i < pairs; i++)
        {
            var ours = engineRun();
            var theirs = python.Run();
            engine.Add(ours);
            pytorch.Add(theirs.Seconds);
            ratios.Add(ours.Seconds / theirs.Seconds);
            Console.WriteLine($"  pair {i + 1}: engine {ours.Seconds:F3} s, PyTorch {theirs.Seconds:F3} s, ratio {ours.Seconds / theirs.Seconds:F2} (loss {ours.Loss:F4} / {theirs.Loss:F4}, testAcc {ours.TestAcc:F4} / {theirs.TestAcc:F4})");
        }
        var engineTimes = engine.Select(r => r.Seconds).ToList();
        Console.WriteLine($"iris pairs ({python.Version}): engine median {BenchEnvironment.Median(engineTimes):F3} s (min {engineTimes.Min():F3}), "
            + $"PyTorch median {BenchEnvironment.Median(pytorch):F3} s (min {pytorch.Min():F3}); engine/PyTorch: median of the pair ratios "
            + $"{BenchEnvironment.Median(ratios):F2}, engine faster in {ratios.Count(r => r < 1)} of {ratios.Count} pairs");
        return engine;
    }

    private static (double Seconds, double Loss, double TestAcc) TimeTraining(IReadOnlyList<IrisRow> rows, RowSplit split, DeviceInfo device, LabPaths paths, string? exportTo)
    {
        torch.random.manual_seed(PyTorchExchange.Seed);
        using var trainer = new IrisTrainer(rows, split, new IrisTrainerOptions([16], "relu", 0, OptimizerSpec.Adam, 0.01, 0, PyTorchExchange.Seed), torch.CPU);
        if (exportTo is not null)
            WeightsFile.Save(Path.Combine(exportTo, "iris-init.safetensors"),
                trainer.Model.named_parameters().Select(p => (p.name, (torch.Tensor)p.parameter)));
        var scaffold = new TrainingScaffold(new RunContext("bench", SettingsBinder.Defaults([]), device, paths, new SilentReporter()));
        var clock = Stopwatch.StartNew();
        double loss = 0;
        for (var epoch = 0; epoch < Epochs; epoch++) loss = trainer.TrainEpoch(scaffold);
        var seconds = clock.Elapsed.TotalSeconds;
        return (seconds, loss, trainer.EvaluateTest().Accuracy);
    }
}
