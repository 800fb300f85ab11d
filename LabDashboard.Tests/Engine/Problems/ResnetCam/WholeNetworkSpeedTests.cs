using LabDashboard.Engine.Problems.ResnetCam;
using LabDashboard.Engine.Problems.ResnetCam.Models;
using LabDashboard.Engine.Runs;

namespace LabDashboard.Tests.Engine.Problems.ResnetCam;

public class WholeNetworkSpeedTests
{
    private static TrainedModelInfo Model(bool wholeNetwork) =>
        new("r1", "cntk-resnet18", "bgr255-minus-mean-image", 512, wholeNetwork, "catsdogs", DateTimeOffset.UnixEpoch, 0.99);

    private static RunRecord Run(params long[] epochElapsedMs) => new(
        new RunSummary("r1", ResnetCamProblem.Id, RunStatus.Completed, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch,
            new Dictionary<string, double> { [ResnetCamMetrics.TrainImages] = 100, [ResnetCamMetrics.TestImages] = 30 }, [], null),
        new Dictionary<string, object>(), "cpu", new Dictionary<string, string>(),
        [.. epochElapsedMs.Select((ms, i) => new RunEvent { Kind = RunEventKinds.Epoch, RunId = "r1", ProblemId = ResnetCamProblem.Id, Epoch = i + 1, ElapsedMs = ms })],
        null);

    [Fact]
    public void Epochs_after_the_first_give_the_time_per_image_since_the_first_also_loads_and_decodes()
    {
        // Epoch 1 ends at 90 s (30 s of set-up), epochs 2 and 3 take 60 s each over 100 images: 0.6 s per image.
        var speed = WholeNetworkSpeed.Measure(Model(wholeNetwork: true), Run(90_000, 150_000, 210_000));

        Assert.NotNull(speed);
        Assert.Equal(0.6, speed.SecondsPerImage, 9);
        Assert.Equal(0.15, speed.SecondsPerImageAt(256), 9);
        // 3 epochs × 752 images + a third of a step for each of 188 test images, at 0.6 s.
        Assert.Equal(0.6 * (3 * 752 + 188 / 3.0), speed.SecondsFor(512, 3, 752, 188), 6);
    }

    [Fact]
    public void One_epoch_counts_whole_and_a_head_only_model_measures_nothing()
    {
        Assert.Equal(0.9, WholeNetworkSpeed.Measure(Model(wholeNetwork: true), Run(90_000))!.SecondsPerImage, 9);
        Assert.Null(WholeNetworkSpeed.Measure(Model(wholeNetwork: false), Run(90_000, 150_000)));
        Assert.Null(WholeNetworkSpeed.Measure(Model(wholeNetwork: true), Run()));
    }
}
