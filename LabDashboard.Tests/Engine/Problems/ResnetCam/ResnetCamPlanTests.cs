using System.Text.Json;
using LabDashboard.Engine.Devices;
using LabDashboard.Engine.Problems.ResnetCam;
using LabDashboard.Engine.Runs;
using LabDashboard.Engine.Settings;
using LabDashboard.Tests.Engine.Data;

namespace LabDashboard.Tests.Engine.Problems.ResnetCam;

public sealed class ResnetCamPlanTests : IDisposable
{
    private readonly TempFolder _state = new();
    private static readonly DeviceInfo Cpu = DeviceInfo.Detect() with { Kind = "cpu" };

    private ResnetCamPlan Plan(string json, params string[] dataRoots) =>
        ResnetCamPlan.For(SettingsBinder.Bind(ResnetCamSettings.Schema(cuda: false), JsonDocument.Parse(json).RootElement), new LabPaths(dataRoots, _state.Path), Cpu);

    [Fact]
    public void Head_only_defaults_show_their_real_values_the_data_and_an_estimate()
    {
        var plan = Plan("{}", TestData.Root);

        Assert.Contains("224px", plan.Resolved.ToString());
        Assert.Contains("head only", plan.Resolved.ToString());
        Assert.Contains("lr 0.01, full batch, up to 200 epochs (early stopping, patience 20), 0 augmented views per photo, breeds as drawn, weight decay 0.0001", plan.Resolved.ToString());
        Assert.Contains("catsdogs", plan.Data.ToString());
        Assert.StartsWith("Estimate on cpu", plan.Estimate?.ToString());
    }

    [Fact]
    public void The_exam_configuration_resolves_to_512_pixels_and_lr_1e_5()
    {
        var plan = Plan("""{"trainBackbone": true, "maxImages": 100}""", TestData.Root);

        Assert.Contains("512px", plan.Resolved.ToString());
        Assert.Contains("whole network", plan.Resolved.ToString());
        Assert.Contains("lr 1E-05, batch 32, 3 epochs", plan.Resolved.ToString());
        Assert.Contains("80 train", plan.Data.ToString());
        Assert.Contains("3 epochs of the whole network on 80 images", plan.Estimate?.ToString());
    }

    [Fact]
    public void Without_data_the_plan_says_where_it_looked_and_gives_no_estimate()
    {
        var plan = Plan("{}", _state.Sub("empty"));

        Assert.Contains("No data set yet", plan.Data.ToString());
        Assert.Null(plan.Estimate);
    }

    public void Dispose() => _state.Dispose();
}
