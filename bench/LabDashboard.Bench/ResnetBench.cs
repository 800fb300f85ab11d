using System.Diagnostics;
using System.Text.Json;
using LabDashboard.Engine.Devices;
using LabDashboard.Engine.Problems.ResnetCam;
using LabDashboard.Engine.Problems.ResnetCam.Cam;
using LabDashboard.Engine.Runs;
using LabDashboard.Engine.Settings;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace LabDashboard.Bench;

/// <summary>
/// resnet: one epoch per training mode at 512 px on a subset of catsdogs (per-image cost), then the
/// decode of three 4032×3024 JPEGs (libjpeg-turbo reduced against ImageSharp's full decode) and their
/// drop-to-overlay time (decode, resize, forward, CAM, encode) with the head-only model, median of several.
/// </summary>
internal static class ResnetBench
{
    private const string HeadRun = "bench-head";

    public static BenchCommand Command { get; } = new("resnet", "[--head-images 96] [--whole-images 40] [--precision-images 32] [--repeats 7] [--precision auto|float32|bfloat16|both]",
        "one 512 px epoch per mode (head-only with feature extraction; whole network, 0 images = skip), an exam-settings epoch in float32 and in mixed bfloat16 (0 images = skip), then decode (libjpeg-turbo reduced vs ImageSharp full) and drop-to-overlay of 4032×3024 JPEGs (smooth and detailed 4:2:0, detailed 4:4:4)",
        ["--head-images", "--whole-images", "--precision-images", "--repeats", "--precision"], RunAsync);

    private static async Task RunAsync(BenchArguments options)
    {
        var (headImages, wholeImages, repeats) = (options.Int("--head-images", 96), options.Int("--whole-images", 40), options.Int("--repeats", 7));
        using var state = new BenchState(options.StateRoot, "resnet");
        var paths = new LabPaths([options.DataRoot], state.Root);
        var device = DeviceInfo.Detect();
        Console.WriteLine($"device {device.Kind}; state {state.Root}");
        if (options.Int("--precision-images", 32) is > 0 and var precisionImages)
            ResnetPrecisionBench.Compare(paths, options.DataRoot, precisionImages);

        Time($"head-only, 1 epoch, 512px, {headImages} images (80 % train; features extracted)",
            () => Train($$"""{"trainBackbone": false, "imageSize": "512", "epochs": 1, "maxImages": {{headImages}}, "augmentedViews": 0, "unseenBreeds": false}""", HeadRun, device, paths));
        if (wholeImages > 0)
            Time($"whole network, 1 epoch, 512px, {wholeImages} images (80 % train), batches of 8",
                () => Train($$"""{"trainBackbone": true, "imageSize": "512", "epochs": 1, "maxImages": {{wholeImages}}, "batchSize": 8}""", "bench-whole", device, paths));

        var precisions = options.Text("--precision") == "both"
            ? [CamPrecision.Float32, CamPrecision.BFloat16]
            : new[] { CamPrecisions.Parse(options.Text("--precision")) };
        var photos = LargePhotos(options.DataRoot).ToList();
        foreach (var (name, photo) in photos)
            ResnetDecodeBench.Compare(name, photo, repeats);
        foreach (var precision in precisions)
        {
            using var cam = new CamService(paths, precision: precision);
            Console.WriteLine($"forward pass in {precision.Name()} (auto here: {CamPrecisions.Auto().Name()})");
            foreach (var (name, photo) in photos)
                await DropToOverlay(cam, name, photo, repeats);
        }
    }

    private static async Task DropToOverlay(CamService cam, string name, byte[] photo, int repeats)
    {
        Console.WriteLine($"4032×3024 JPEG, {name}: {photo.Length:N0} bytes");
        _ = (await cam.ExplainAsync(photo, HeadRun)).OverlayPng;
        var samples = new List<(double Total, CamTimings Parts, double EncodeMs)>();
        for (var i = 0; i < repeats; i++)
        {
            var stopwatch = Stopwatch.StartNew();
            var result = await cam.ExplainAsync(photo, HeadRun);
            var beforeEncode = stopwatch.Elapsed.TotalMilliseconds;
            var png = result.OverlayPng; // what POST /api/cam answers with
            samples.Add((stopwatch.Elapsed.TotalMilliseconds, result.Timings!, stopwatch.Elapsed.TotalMilliseconds - beforeEncode));
            if (i == 0) Console.WriteLine($"  {result.Label} p={result.Probability:F3}, overlay {png.Length:N0} bytes at {result.Model.ImageSize}px");
        }
        var times = samples.Select(s => s.Total).ToList();
        Console.WriteLine($"drop-to-overlay ({name} 4032×3024 JPEG → 512px CAM overlay PNG), {repeats} after a warm-up: median {BenchEnvironment.Median(times):F0} ms, "
            + $"min {times.Min():F0} ms, max {times.Max():F0} ms (target < 1000 ms)");
        Console.WriteLine($"  medians of its parts: checks + decode + orient + resize {BenchEnvironment.Median(samples.Select(s => s.Parts.DecodeMs).ToList()):F0} ms, "
            + $"preprocess + forward to layer4 + logit {BenchEnvironment.Median(samples.Select(s => s.Parts.ForwardMs).ToList()):F0} ms, "
            + $"CAM + upsample + colour {BenchEnvironment.Median(samples.Select(s => s.Parts.RenderMs).ToList()):F0} ms, "
            + $"overlay PNG {BenchEnvironment.Median(samples.Select(s => s.EncodeMs).ToList()):F0} ms");
    }

    private static void Train(string json, string runId, DeviceInfo device, LabPaths paths)
    {
        var problem = new ResnetCamProblem();
        using var document = JsonDocument.Parse(json);
        var context = new RunContext(runId, SettingsBinder.Bind(problem.Descriptor.Settings, document.RootElement.Clone()), device, paths, new ResnetBenchReporter());
        problem.Run(context);
        Console.WriteLine($"  testAcc {context.Results["testAcc"]:F3} on {context.Results["testImages"]} images");
    }

    private static void Time(string what, Action action)
    {
        var start = CpuSample.Now();
        action();
        Console.WriteLine($"{what}: {CpuSample.Now() - start}");
    }

    /// <summary>
    /// A smooth photo (one pet photo scaled up, little high-frequency content) and a detailed one (a mosaic
    /// of 48 pet photos at 504 px, as busy as a sharp phone photo), 4032×3024 JPEG quality 90 with chroma
    /// at half resolution (4:2:0) as phone cameras write them; and the detailed one with full-resolution
    /// chroma (4:4:4, twice the blocks), the worst case.
    /// </summary>
    private static IEnumerable<(string Name, byte[] Jpeg)> LargePhotos(string dataRoot)
    {
        using (var smooth = Image.Load<Rgb24>(Path.Combine(dataRoot, "catsdogs", "dog", "american_bulldog_10.jpg")))
        {
            smooth.Mutate(x => x.Resize(4032, 3024));
            yield return ("smooth 4:2:0", Jpeg(smooth, JpegColorType.YCbCrRatio420));
        }
        using var mosaic = new Image<Rgb24>(4032, 3024);
        var tiles = Directory.GetFiles(Path.Combine(dataRoot, "catsdogs", "dog"), "*.jpg").Order()
            .Select(path => File.ReadAllBytes(path)).Where(bytes => bytes is [0xFF, 0xD8, ..]).Take(48).ToList();
        for (var i = 0; i < tiles.Count; i++)
        {
            using var tile = Image.Load<Rgb24>(tiles[i]);
            tile.Mutate(x => x.Resize(504, 504));
            mosaic.Mutate(x => x.DrawImage(tile, new Point(i % 8 * 504, i / 8 * 504), 1f));
        }
        yield return ("detailed 4:2:0", Jpeg(mosaic, JpegColorType.YCbCrRatio420));
        yield return ("detailed 4:4:4", Jpeg(mosaic, JpegColorType.YCbCrRatio444));
    }

    private static byte[] Jpeg(Image<Rgb24> image, JpegColorType chroma)
    {
        using var stream = new MemoryStream();
        image.Save(stream, new JpegEncoder { Quality = 90, ColorType = chroma });
        return stream.ToArray();
    }
}
