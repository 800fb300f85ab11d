using System.Diagnostics;
using System.Text.Json;
using LabDashboard.Bench;
using LabDashboard.Engine.Data;
using LabDashboard.Engine.Devices;
using LabDashboard.Engine.Problems.FashionCnn;
using LabDashboard.Engine.Problems.Iris;
using LabDashboard.Engine.Runs;
using LabDashboard.Engine.Settings;
using TorchSharp;

// Times one Fashion-MNIST epoch of both CNNs and an iris run in the engine alone, and writes what
// bench/fashion_reference.py needs to repeat them in PyTorch with the same initial weights, batch
// order and thread count (bench/out/). Not a test.
const int Seed = 43052;
var options = BenchArguments.Parse(args);
torch.set_num_threads(options.Threads);
Directory.CreateDirectory(options.OutFolder);
var paths = new LabPaths([options.DataRoot], Directory.CreateTempSubdirectory("labdash-bench-").FullName);
var device = DeviceInfo.Detect() with { Kind = "cpu" };
var context = new RunContext("bench", SettingsBinder.Defaults([]), device, paths, new SilentReporter());
Console.WriteLine($"TorchSharp engine, {torch.get_num_threads()} threads, data {options.DataRoot}");
var results = new Dictionary<string, object>{ ["threads"] = torch.get_num_threads() };

if (options.Only is null or "iris") results["iris"] = BenchIris();
if (options.Only is null or "fashion")
{
    using var data = ImageDatasetLoader.Load(DatasetLocator.Find(ImageDatasets.FashionMnist, paths.DataRoots, null)
        ?? throw new InvalidOperationException($"Fashion-MNIST not found under {options.DataRoot}"));
    ExportPermutation(data.TrainImages.shape[0]);
    results["fashion-small"] = BenchFashion("small", CnnArchitecture.Small, data);
    results["fashion-reference"] = BenchFashion("reference", CnnArchitecture.Reference, data);
}
File.WriteAllText(Path.Combine(options.OutFolder, "engine-results.json"), JsonSerializer.Serialize(results, new JsonSerializerOptions { WriteIndented = true }));
Console.WriteLine($"Wrote {Path.Combine(options.OutFolder, "engine-results.json")}; now run: /usr/bin/python3 bench/fashion_reference.py");

Dictionary<string, double> BenchIris()
{
    var rows = IrisTable.Load();
    var split = PandasSplit.Sample(rows.Count, 0.8, 42);
    File.WriteAllText(Path.Combine(options.OutFolder, "iris-split.json"), JsonSerializer.Serialize(new { train = split.Train, test = split.Test }));
    torch.random.manual_seed(Seed);
    using var trainer = new IrisTrainer(rows, split, new IrisTrainerOptions([16], "relu", 0, "adam", 0.01, 0, Seed), torch.CPU);
    SafeTensors.Save(Path.Combine(options.OutFolder, "iris-init.safetensors"), trainer.Model.named_parameters().Select(p => (p.name, (torch.Tensor)p.parameter)).ToList());
    var scaffold = new TrainingScaffold(context);
    var clock = Stopwatch.StartNew();
    double loss = 0;
    for (var epoch = 0; epoch < 200; epoch++) loss = trainer.TrainEpoch(scaffold);
    var seconds = clock.Elapsed.TotalSeconds;
    var (_, testAcc) = trainer.EvaluateTest();
    Console.WriteLine($"iris, 200 full-batch Adam epochs: {seconds:F3} s, last loss {loss:F4}, testAcc {testAcc:F4}");
    var problemClock = Stopwatch.StartNew();
    new IrisProblem().Run(new RunContext("bench", SettingsBinder.Defaults(new IrisProblem().Descriptor.Settings), device, paths, new SilentReporter()));
    Console.WriteLine($"iris problem with defaults (split, events, payloads): {problemClock.Elapsed.TotalSeconds:F3} s");
    return new() { ["seconds"] = seconds, ["loss"] = loss, ["testAcc"] = testAcc, ["problemSeconds"] = problemClock.Elapsed.TotalSeconds };
}

void ExportPermutation(long count)
{
    // The trainer's first epoch draws randperm from a fresh generator seeded the same way.
    using var generator = new torch.Generator(Seed);
    using var order = torch.randperm(count, generator: generator);
    File.WriteAllBytes(Path.Combine(options.OutFolder, "fashion-epoch1-order.int64"), order.bytes.ToArray());
}

Dictionary<string, double> BenchFashion(string name, CnnArchitecture architecture, ImageDataset data)
{
    torch.random.manual_seed(Seed);
    using var trainer = new FashionTrainer(data, new FashionTrainerOptions(architecture, "adam", 1e-3, 256, 0, Seed), torch.CPU);
    SafeTensors.Save(Path.Combine(options.OutFolder, $"fashion-{name}-init.safetensors"), CnnModel.Weights(trainer.Model));
    var scaffold = new TrainingScaffold(context);
    var clock = Stopwatch.StartNew();
    var (loss, trainAcc) = trainer.TrainEpoch(scaffold, (_, _) => { });
    var seconds = clock.Elapsed.TotalSeconds;
    var evaluation = trainer.Evaluate();
    Console.WriteLine($"fashion {name}, one epoch (235 batches of 256): {seconds:F2} s, loss {loss:F4}, trainAcc {trainAcc:F4}, testAcc {evaluation.Accuracy:F4}");
    return new() { ["seconds"] = seconds, ["loss"] = loss, ["trainAcc"] = trainAcc, ["testAcc"] = evaluation.Accuracy };
}
