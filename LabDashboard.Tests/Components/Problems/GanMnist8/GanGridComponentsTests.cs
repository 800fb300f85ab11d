using Bunit;
using LabDashboard.Engine.Problems.GanMnist8;
using LabDashboard.Engine.Runs;
using LabDashboard.Web.Components.Problems.GanMnist8;
using LabDashboard.Web.Runs;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace LabDashboard.Tests.Components.Problems.GanMnist8;

public sealed class GanGridComponentsTests : LabComponentTest
{
    /// <summary>An empty state folder: no run saved a generator in it.</summary>
    private static readonly string EmptyState = Path.Combine(Path.GetTempPath(), "labdashboard-tests", "gan-components-state");

    public GanGridComponentsTests()
    {
        Services.AddSingleton(new LabPaths([], EmptyState));
    }

    private static GanGridData Captions(int epoch, int count = 10) => new(
        epoch, SampleGridImage.Columns(count),
        Enumerable.Range(0, count).Select(i => i / 100.0 + epoch / 10_000.0).ToList(),
        Enumerable.Range(0, count).Select(i => i % 2 == 0 ? 0.95 : 0.5).ToList(),
        8, GanSettings.LectureLabels, 0.5, 0.725);

    private static RunView RunWithGrids(params int[] epochs)
    {
        var run = new RunView("run1", GanMnist8Problem.Id);
        long seq = 0;
        foreach (var epoch in epochs)
        {
            run.Apply(new RunEvent { Seq = ++seq, Kind = RunEventKinds.Image, RunId = "run1", ProblemId = GanMnist8Problem.Id, Epoch = epoch,
                Image = new ImageRef("grid", epoch, "image/png", ImageRef.UrlFor("run1", "grid", epoch)) });
            run.Apply(new RunEvent { Seq = ++seq, Kind = RunEventKinds.Data, RunId = "run1", ProblemId = GanMnist8Problem.Id, Epoch = epoch,
                Name = GanGridData.PayloadName(epoch), Data = Captions(epoch) });
        }
        return run;
    }

    [Fact]
    public void Grid_tiles_caption_every_sample_with_the_police_output()
    {
        var cut = Render<GridTiles>(p => p.Add(c => c.ImageUrl, "/grid.png").Add(c => c.Data, Captions(50)));

        var captions = cut.FindAll("[data-testid=d-output]").Select(e => e.TextContent.Trim()).ToList();
        Assert.Equal(10, cut.FindAll("[data-testid=grid-tile]").Count);
        Assert.Equal("police out = 0.0050", captions[0]);
        Assert.Equal("police out = 0.0950", captions[9]);
        Assert.Equal("P(8) = 0.95", cut.FindAll("[data-testid=digit-probability]")[0].TextContent.Trim());
    }

    [Fact]
    public void Grid_tiles_cut_each_sample_from_the_one_png()
    {
        var cut = Render<GridTiles>(p => p.Add(c => c.ImageUrl, "/grid.png").Add(c => c.Data, Captions(50)).Add(c => c.TileSize, 112));

        var seventh = cut.FindAll("[role=img]")[6].GetAttribute("style")!;
        var step = SampleGridImage.TileSide + SampleGridImage.Gap;
        Assert.Contains("url('/grid.png')", seventh);
        Assert.Contains($"background-position: -{SampleGridImage.Gap + step}px -{SampleGridImage.Gap + step}px", seventh);
        Assert.Contains("grid-template-columns: repeat(5, minmax(112px, max-content))", cut.Find("[data-testid=grid-tiles]").GetAttribute("style"));
    }

    [Fact]
    public void Grid_history_shows_the_latest_grid_and_offers_its_png()
    {
        var cut = Render<GridHistory>(p => p.Add(c => c.Run, RunWithGrids(50, 100, 150)));

        Assert.Contains("Epoch 150", cut.Find("[data-testid=grid-epoch]").TextContent);
        Assert.Equal(ImageRef.UrlFor("run1", "grid", 150), cut.Find("[data-testid=download-grid]").GetAttribute("href"));
        Assert.Equal("gan-mnist8-run1-epoch150.png", cut.Find("[data-testid=download-grid]").GetAttribute("download"));
        Assert.Contains("police out = 0.0150", cut.Find("[data-testid=d-output]").TextContent);
    }

    [Fact]
    public void Grid_history_replays_an_earlier_grid_from_the_slider()
    {
        var cut = Render<GridHistory>(p => p.Add(c => c.Run, RunWithGrids(50, 100, 150)));

        var slider = cut.FindComponent<MudSlider<int>>();
        cut.InvokeAsync(() => slider.Instance.ValueChanged.InvokeAsync(0));

        Assert.Contains("Epoch 50", cut.Find("[data-testid=grid-epoch]").TextContent);
        Assert.Equal(ImageRef.UrlFor("run1", "grid", 50), cut.Find("[data-testid=download-grid]").GetAttribute("href"));
        Assert.Contains("police out = 0.0050", cut.Find("[data-testid=d-output]").TextContent);
    }

    [Fact]
    public void Grid_history_without_a_run_says_how_to_get_grids()
    {
        var cut = Render<GridHistory>();

        Assert.NotNull(cut.Find("[data-testid=no-grid]"));
    }

    [Fact]
    public void Generate_is_disabled_until_the_run_saved_a_generator()
    {
        var cut = Render<GeneratePanel>(p => p.Add(c => c.RunId, "run-without-model"));

        Assert.True(cut.Find("[data-testid=generate]").HasAttribute("disabled"));
        Assert.NotNull(cut.Find("[data-testid=no-generator]"));
    }
}
