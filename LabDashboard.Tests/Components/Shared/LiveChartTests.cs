using Bunit;
using LabDashboard.Engine.Problems;
using LabDashboard.Web.Components.Shared;
using Microsoft.JSInterop;

namespace LabDashboard.Tests.Components.Shared;

public class LiveChartTests : LabComponentTest
{
    private static readonly IReadOnlyList<MetricSpec> Loss = [new("loss", "Loss")];

    private readonly BunitJSModuleInterop _module;
    private readonly BunitJSModuleInterop _chart;

    public LiveChartTests()
    {
        _module = JSInterop.SetupModule(LiveChart.ModulePath);
        _chart = _module.SetupModule("createLiveChart", _ => true);
        _chart.Setup<bool>("watch", _ => true).SetResult(true);
    }

    [Fact]
    public void LiveChart_creates_the_chart_with_its_metrics_and_watches_the_run()
    {
        Render<LiveChart>(p => p.Add(c => c.Metrics, Loss).Add(c => c.RunId, "r1").Add(c => c.LogY, true));

        var create = Assert.Single(_module.Invocations["createLiveChart"]);
        var options = System.Text.Json.JsonSerializer.SerializeToElement(create.Arguments[1]);
        Assert.Equal("loss", options.GetProperty("metrics")[0].GetProperty("name").GetString());
        Assert.Equal("/hubs/training", options.GetProperty("hubUrl").GetString());
        Assert.True(options.GetProperty("logY").GetBoolean());
        Assert.Equal("r1", Assert.Single(_chart.Invocations["watch"]).Arguments[0]);
    }

    [Fact]
    public void LiveChart_switches_runs_by_unwatching_the_old_one()
    {
        var chart = Render<LiveChart>(p => p.Add(c => c.Metrics, Loss).Add(c => c.RunId, "r1"));

        chart.Render(p => p.Add(c => c.RunId, "r2"));

        Assert.Equal("r1", Assert.Single(_chart.Invocations["unwatch"]).Arguments[0]);
        Assert.Equal(["r1", "r2"], _chart.Invocations["watch"].Select(i => (string)i.Arguments[0]!));
    }

    [Fact]
    public void LiveChart_overlays_at_most_four_runs()
    {
        var overlay = Enumerable.Range(1, 6).Select(i => new ChartRun($"r{i}", $"run {i}")).ToList();

        Render<LiveChart>(p => p.Add(c => c.Metrics, Loss).Add(c => c.Overlay, overlay));

        Assert.Equal(["r1", "r2", "r3", "r4"], _chart.Invocations["watch"].Select(i => (string)i.Arguments[0]!));
    }

    [Fact]
    public void LiveChart_passes_log_scale_and_smoothing_to_the_chart()
    {
        var chart = Render<LiveChart>(p => p.Add(c => c.Metrics, Loss).Add(c => c.RunId, "r1"));

        chart.FindAll("input[type=checkbox]")[0].Change(true);

        Assert.True((bool)Assert.Single(_chart.Invocations["setLogY"]).Arguments[0]!);
    }

    [Fact]
    public void LiveChart_lets_the_browser_fetch_the_table_so_no_points_cross_the_circuit()
    {
        var chart = Render<LiveChart>(p => p.Add(c => c.Metrics, Loss).Add(c => c.RunId, "r1"));

        chart.FindAll("input[type=checkbox]")[1].Change(true);

        var show = Assert.Single(_chart.Invocations["showTable"]);
        Assert.True((bool)show.Arguments[1]!);
        Assert.Empty(_chart.Invocations["table"]);
        Assert.Empty(chart.Find("[data-testid=chart-table]").Children);
    }

    [Fact]
    public void LiveChart_titles_its_x_axis_by_what_it_counts_and_lets_the_user_switch()
    {
        var chart = Render<LiveChart>(p => p.Add(c => c.Metrics, Loss).Add(c => c.RunId, "r1").Add(c => c.XAxis, ChartXAxis.Epoch));

        var options = System.Text.Json.JsonSerializer.SerializeToElement(Assert.Single(_module.Invocations["createLiveChart"]).Arguments[1]);
        Assert.Equal("epoch", options.GetProperty("xAxis").GetString());
        Assert.Equal("Step", options.GetProperty("xTitles").GetProperty("step").GetString());
        Assert.Equal("Time (s)", options.GetProperty("xTitles").GetProperty("time").GetString());
        Assert.DoesNotContain("Point", options.GetRawText());

        var select = chart.FindComponent<MudBlazor.MudSelect<ChartXAxis>>().Instance;
        chart.InvokeAsync(() => select.ValueChanged.InvokeAsync(ChartXAxis.Time));

        Assert.Equal("time", Assert.Single(_chart.Invocations["setXAxis"]).Arguments[0]);
    }

    [Fact]
    public async Task LiveChart_disposes_the_browser_chart_with_the_component()
    {
        Render<LiveChart>(p => p.Add(c => c.Metrics, Loss).Add(c => c.RunId, "r1"));

        await DisposeComponentsAsync();

        Assert.Single(_chart.Invocations["dispose"]);
    }
}
