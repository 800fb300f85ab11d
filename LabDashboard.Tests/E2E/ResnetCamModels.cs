using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using LabDashboard.Engine.Problems.ResnetCam;
using LabDashboard.Engine.Runs;
using LabDashboard.Tests.Integration;

namespace LabDashboard.Tests.E2E;

/// <summary>resnet-cam models trained on the browser tests' server through its run service, once per settings.</summary>
public static class ResnetCamModels
{
    /// <summary>Head only: 60 photos at 224 px, one epoch.</summary>
    public const string SmallHeadOnly = """{"trainBackbone": false, "imageSize": "224", "maxImages": 60, "epochs": 1}""";

    /// <summary>The whole network, small: 24 photos at 224 px, two epochs (so the second measures the speed).</summary>
    public const string SmallWholeNetwork = """{"trainBackbone": true, "imageSize": "224", "maxImages": 24, "epochs": 2, "batchSize": 8}""";

    private static readonly TimeSpan TrainingTimeout = TimeSpan.FromMinutes(5);
    private static readonly ConcurrentDictionary<(LabServer, string), Lazy<Task<string>>> Trained = new();

    /// <summary>The id of a completed run with <paramref name="settings"/> on <paramref name="server"/>, trained on first use.</summary>
    public static Task<string> RunIdAsync(LabServer server, string settings) =>
        Trained.GetOrAdd((server, settings), key => new Lazy<Task<string>>(() => TrainAsync(key.Item1, key.Item2))).Value;

    private static async Task<string> TrainAsync(LabServer server, string settings)
    {
        var runId = await server.Runs.StartAsync(ResnetCamProblem.Id, JsonDocument.Parse(settings).RootElement);
        var clock = Stopwatch.StartNew();
        while (server.Runs.Get(runId)!.Summary.Status is RunStatus.Queued or RunStatus.Running)
        {
            if (clock.Elapsed > TrainingTimeout) throw new TimeoutException($"resnet-cam run {runId} ({settings}) still running after {TrainingTimeout}.");
            await Task.Delay(500);
        }
        var record = server.Runs.Get(runId)!;
        Assert.True(record.Summary.Status == RunStatus.Completed, $"run {runId}: {record.Summary.Status} {record.Error}");
        return runId;
    }

    /// <summary><see cref="CamUploads.DogPhotoCropped"/> in a temporary file, for a file input.</summary>
    public static string CroppedPhoto(int width, int height)
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"labdashboard-dog-{width}x{height}-{Guid.NewGuid():N}.jpg");
        File.WriteAllBytes(path, CamUploads.DogPhotoCropped(width, height));
        return path;
    }
}
