using LabDashboard.Engine.Runs.Artifacts;
using LabDashboard.Engine.Problems.GanMnist8;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using TorchSharp;

namespace LabDashboard.Tests.Engine.Problems.GanMnist8;

[Collection(GanMnistCollection.Name)]
public sealed class GanSampleServiceTests(GanMnistFixture fixture)
{
    private GanSampleService Service()
    {
        _ = fixture.ShortRun;
        return new GanSampleService(new DiskArtifactStore(fixture.Paths));
    }

    [Fact]
    public void Generate_draws_a_grid_from_the_saved_generator()
    {
        var grid = Service().Generate("test-run", 20, seed: 5)!;

        using var image = Image.Load<L8>(grid.Png);
        Assert.Equal((SampleGridImage.Width(20), SampleGridImage.Height(20)), (image.Width, image.Height));
        Assert.Equal(20, grid.Data.DOutputs.Count);
        Assert.Equal(20, grid.Data.DigitProbabilities.Count);
        Assert.Equal(8, grid.Data.Digit);
        Assert.Equal(5, grid.Seed);
    }

    [Fact]
    public void Generate_repeats_with_a_seed_and_differs_without_one()
    {
        var service = Service();

        Assert.Equal(service.Generate("test-run", 10, seed: 5)!.Png, service.Generate("test-run", 10, seed: 5)!.Png);
        Assert.NotEqual(service.Generate("test-run", 10, seed: 5)!.Png, service.Generate("test-run", 10, seed: 6)!.Png);
    }

    [Fact]
    public void Generate_leaves_the_global_RNG_alone()
    {
        var service = Service();
        torch.random.manual_seed(123);
        using var expected = torch.rand(4);
        torch.random.manual_seed(123);

        service.Generate("test-run", 10);
        using var actual = torch.rand(4);

        Assert.True(expected.equal(actual).all().item<bool>());
    }

    [Fact]
    public void Generate_finds_saved_runs_and_refuses_unknown_ones()
    {
        var service = Service();

        Assert.Contains("test-run", service.SavedRunIds());
        Assert.True(service.HasGenerator("test-run"));
        Assert.Null(service.Generate("no-such-run", 10));
        Assert.Null(service.Generate("../escape", 10));
    }
}
