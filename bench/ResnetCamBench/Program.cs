using System.Diagnostics;
using System.Text.Json;
using LabDashboard.Engine.Devices;
using LabDashboard.Engine.Problems.ResnetCam;
using LabDashboard.Engine.Problems.ResnetCam.Cam;
using LabDashboard.Engine.Runs;
using LabDashboard.Engine.Settings;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Processing;

// resnet-cam benchmark: drop-to-overlay time of a 4032×3024 JPEG at 512 (decode, resize, forward,
// CAM, encode), and one epoch per training mode on a small subset (per-image cost).
var data = args.SkipWhile(a => a != "--data").Skip(1).FirstOrDefault() ?? Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../../shared/data"));
var state = Directory.CreateTempSubdirectory("resnet-cam-bench-").FullName;
var paths = new LabPaths([data], state);
var device = DeviceInfo.Detect();
Console.WriteLine($"device {device.Kind}, {device.Threads} threads; data {data}; state {state}");

Time("head-only, 1 epoch, 512px, 96 images (features extracted)", () => Train("""{"trainBackbone": false, "imageSize": "512", "epochs": 1, "maxImages": 96}""", "bench-head"));
Time("whole network, 1 epoch, 512px, 32 images", () => Train("""{"trainBackbone": true, "imageSize": "512", "epochs": 1, "maxImages": 40, "batchSize": 8}""", "bench-whole"));

var photo = MakeLargeJpeg(Path.Combine(data, "catsdogs", "dog", "american_bulldog_10.jpg"));
Console.WriteLine($"4032×3024 JPEG: {photo.Length:N0} bytes");
using var cam = new CamService(paths);
await cam.ExplainAsync(photo, "bench-head");
var times = new List<double>();
for (var i = 0; i < 7; i++)
{
    var stopwatch = Stopwatch.StartNew();
    var result = await cam.ExplainAsync(photo, "bench-head");
    times.Add(stopwatch.Elapsed.TotalMilliseconds);
    if (i == 0) Console.WriteLine($"  {result.Label} p={result.Probability:F3}, overlay {result.OverlayPng.Length:N0} bytes at {result.Model.ImageSize}px");
}
times.Sort();
Console.WriteLine($"drop-to-overlay (4032×3024 JPEG → 512px CAM overlay PNG): median {times[times.Count / 2]:F0} ms, min {times[0]:F0} ms, max {times[^1]:F0} ms (target < 1000 ms)");

void Train(string json, string runId)
{
    var problem = new ResnetCamProblem();
    using var document = JsonDocument.Parse(json);
    var context = new RunContext(runId, SettingsBinder.Bind(problem.Descriptor.Settings, document.RootElement.Clone()), device, paths, new ConsoleReporter());
    problem.Run(context);
    Console.WriteLine($"  testAcc {context.Results["testAcc"]:F3} on {context.Results["testImages"]} images");
}

static void Time(string what, Action action)
{
    var stopwatch = Stopwatch.StartNew();
    action();
    Console.WriteLine($"{what}: {stopwatch.Elapsed.TotalSeconds:F1} s");
}

static byte[] MakeLargeJpeg(string source)
{
    using var image = Image.Load(source);
    image.Mutate(x => x.Resize(4032, 3024));
    using var stream = new MemoryStream();
    image.Save(stream, new JpegEncoder { Quality = 90 });
    return stream.ToArray();
}

internal sealed class ConsoleReporter : IRunReporter
{
    public CancellationToken Cancellation => CancellationToken.None;
    public void Publish(RunEvent partial)
    {
        if (partial.Kind is RunEventKinds.Log or RunEventKinds.Epoch)
            Console.WriteLine($"  [{partial.Kind}] {partial.Message} {string.Join(", ", partial.Metrics?.Select(m => $"{m.Key}={m.Value:F4}") ?? [])}");
    }
    public void StoreImage(string name, int epoch, string mime, byte[] bytes) { }
    public void Checkpoint() { }
}
