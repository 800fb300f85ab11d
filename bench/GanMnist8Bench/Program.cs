using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using LabDashboard.Engine.Devices;
using LabDashboard.Engine.Problems.GanMnist8;
using LabDashboard.Engine.Runs;
using LabDashboard.Engine.Settings;
using TorchSharp;

// gan-mnist8 benchmark: the exam's run (1000 full-batch epochs on the 5,851 eights) in the engine
// alone: seconds per epoch, RSS over the run, and the quality the MNIST classifier sees. The first
// run also trains that classifier (timed separately); later runs with --state reuse it.
var data = Option("--data") ?? Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../../shared/data"));
var state = Option("--state") ?? Directory.CreateTempSubdirectory("gan-mnist8-bench-").FullName;
var epochs = int.Parse(Option("--epochs") ?? "1000", CultureInfo.InvariantCulture);
if (Option("--threads") is { } threads) torch.set_num_threads(int.Parse(threads, CultureInfo.InvariantCulture));
var device = DeviceInfo.Detect();
Console.WriteLine($"device {device.Kind}, {torch.get_num_threads()} threads, {Environment.ProcessorCount} cores; load average {LoadAverage()}; data {data}; state {state}");

var problem = new GanMnist8Problem();
using var json = JsonDocument.Parse($$"""{"epochs": {{epochs}}}""");
var reporter = new BenchReporter();
var context = new RunContext("bench", SettingsBinder.Bind(problem.Descriptor.Settings, json.RootElement.Clone()), device, new LabPaths([data], state), reporter);
var clock = Stopwatch.StartNew();
problem.Run(context);
var total = clock.Elapsed.TotalSeconds;

var training = reporter.LastEpochAt - reporter.FirstEpochAt;
Console.WriteLine($"whole run {total:F1} s (data, classifier {reporter.ClassifierSeconds:F1} s, GAN)");
Console.WriteLine($"GAN loop: {epochs} epochs in {reporter.LastEpochAt:F1} s after start; epochs 2..{epochs}: {training / (epochs - 1) * 1000:F1} ms/epoch = {(epochs - 1) / training:F1} epochs/s (grids, PNGs and saves included)");
Console.WriteLine($"RSS: after epoch 10 {reporter.Rss[9] / 1048576.0:F0} MB, max {reporter.Rss.Max() / 1048576.0:F0} MB, at the end {reporter.Rss[^1] / 1048576.0:F0} MB");
foreach (var (name, value) in context.Results) Console.WriteLine($"  {name} = {value.ToString("G5", CultureInfo.InvariantCulture)}");
Console.WriteLine($"load average at the end {LoadAverage()}");

string? Option(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

internal sealed class BenchReporter : IRunReporter
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private double? _classifierStart;

    public List<long> Rss { get; } = [];
    public double FirstEpochAt { get; private set; }
    public double LastEpochAt { get; private set; }
    public double ClassifierSeconds { get; private set; }
    public CancellationToken Cancellation => CancellationToken.None;

    public void Publish(RunEvent e)
    {
        var now = _clock.Elapsed.TotalSeconds;
        if (e.Kind == RunEventKinds.Progress && e.Message!.Contains("classifier", StringComparison.Ordinal))
        {
            _classifierStart ??= now;
            ClassifierSeconds = now - _classifierStart.Value;
        }
        if (e.Kind != RunEventKinds.Epoch) return;
        Rss.Add(Process.GetCurrentProcess().WorkingSet64);
        if (e.Epoch == 1) FirstEpochAt = now;
        LastEpochAt = now;
        if (e.Metrics!.TryGetValue("targetShare", out var share))
            Console.WriteLine($"  epoch {e.Epoch,4} at {now,6:F1} s: lossD {e.Metrics["lossD"]:F3} lossG {e.Metrics["lossG"]:F3} dReal {e.Metrics["dReal"]:F3} dFake {e.Metrics["dFake"]:F3} targetShare {share:F1} targetConfidence {e.Metrics["targetConfidence"]:F3} RSS {Rss[^1] / 1048576.0:F0} MB");
    }

    public void StoreImage(string name, int epoch, string mime, byte[] bytes) { }
    public void Checkpoint() { }
}
