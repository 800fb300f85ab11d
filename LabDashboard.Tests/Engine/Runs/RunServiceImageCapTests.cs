using LabDashboard.Engine.Problems;
using LabDashboard.Engine.Runs;
using LabDashboard.Engine.Settings;

namespace LabDashboard.Tests.Engine.Runs;

public class RunServiceImageCapTests
{
    /// <summary>One fixed image, then a grid every epoch (the GAN with gridEvery 1); estimates its image count from <c>epochs</c> when told to.</summary>
    private sealed class GridProblem(bool estimates) : IProblem
    {
        public ProblemDescriptor Descriptor { get; } = new("grids", 93, "Grids", "Test problem.",
            [SettingSpec.Int("epochs", "Epochs", 10, 1, 100_000)], [], [])
        {
            Images = estimates ? new("epochs", s => s.Int("epochs") + 1) : null,
        };

        public void Run(RunContext context)
        {
            context.Image("input", 0, ImageProblem.BytesFor(0));
            for (var epoch = 1; epoch <= context.Settings.Int("epochs"); epoch++) context.Image("grid", epoch, ImageProblem.BytesFor(epoch));
        }
    }

    [Fact]
    public async Task Past_the_cap_the_repeated_image_is_thinned_keeping_first_and_latest_and_a_thinned_epoch_answers_with_the_one_before()
    {
        using var fixture = new RunServiceFixture(new RunServiceOptions { MaxImagesPerRun = 6 }, new GridProblem(estimates: false));
        var runId = await fixture.StartAsync("grids", """{"epochs": 10}""");
        Assert.Equal(RunOutcome.Completed, (await fixture.WatchToEnd(runId))[^1].Outcome);

        var kept = Directory.GetFiles(Path.Combine(fixture.StateRoot, "runs", runId, "images")).Select(Path.GetFileName).ToList();
        Assert.InRange(kept.Count, 4, 6);
        Assert.Contains("input-e0.png", kept);
        Assert.Contains("grid-e1.png", kept);
        Assert.Contains("grid-e10.png", kept);
        var thinned = Enumerable.Range(2, 8).First(e => !kept.Contains($"grid-e{e}.png"));
        var before = Enumerable.Range(1, thinned - 1).Last(e => kept.Contains($"grid-e{e}.png"));
        Assert.Equal(ImageProblem.BytesFor(before), fixture.Service.GetImage(runId, "grid", thinned)!.Value.Bytes);
        Assert.Null(fixture.Service.GetImage(runId, "grid", 0));
    }

    [Fact]
    public async Task Settings_whose_estimated_images_pass_the_cap_are_refused_at_submission_naming_the_setting()
    {
        using var fixture = new RunServiceFixture(new RunServiceOptions { MaxImagesPerRun = 6 }, new GridProblem(estimates: true));

        var refused = await Assert.ThrowsAsync<LabDashboard.Engine.Settings.SettingsValidationException>(() => fixture.StartAsync("grids", """{"epochs": 6}"""));

        Assert.StartsWith("'epochs'", Assert.Single(refused.Errors));
        Assert.Contains("Runs:MaxImagesPerRun", refused.Errors[0]);
        Assert.Empty(fixture.Service.List());
        await fixture.StartAsync("grids", """{"epochs": 5}""");
    }
}
