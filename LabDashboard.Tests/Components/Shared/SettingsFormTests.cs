using Bunit;
using LabDashboard.Web.Components.Shared;
using LabDashboard.Web.Runs;

namespace LabDashboard.Tests.Components.Shared;

public class SettingsFormTests : LabComponentTest
{
    [Fact]
    public void SettingsForm_shows_a_labelled_field_per_setting_with_the_exam_values()
    {
        var form = Render<SettingsForm>(p => p.Add(f => f.Schema, TestProblems.Mle.Settings));

        Assert.Equal("10000", form.Find("#setting-n").GetAttribute("value"));
        Assert.Equal("0.05", form.Find("#setting-lr").GetAttribute("value"));
        Assert.NotNull(form.Find("label[for=setting-steps]"));
    }

    [Fact]
    public void SettingsForm_leaves_out_excluded_settings()
    {
        var form = Render<SettingsForm>(p => p
            .Add(f => f.Schema, TestProblems.Mle.Settings)
            .Add(f => f.Exclude, ["seed"]));

        Assert.Empty(form.FindAll("#setting-seed"));
        Assert.Single(form.FindAll("#setting-n"));
    }

    [Fact]
    public void SettingsForm_names_an_out_of_range_setting()
    {
        var values = SettingsValues.Defaults(TestProblems.Mle.Settings);
        values["n"] = 5;

        var form = Render<SettingsForm>(p => p.Add(f => f.Schema, TestProblems.Mle.Settings).Add(f => f.Values, values));

        Assert.Contains("'n': 5 is below the minimum 10", form.Markup);
    }

    [Fact]
    public void SettingsForm_raises_the_edited_value()
    {
        Dictionary<string, object?>? raised = null;
        var form = Render<SettingsForm>(p => p
            .Add(f => f.Schema, TestProblems.Mle.Settings)
            .Add(f => f.ValuesChanged, v => raised = v));

        form.Find("#setting-steps").Input("250");

        Assert.NotNull(raised);
        Assert.Equal(250, raised!["steps"]);
        Assert.Equal(10000, raised["n"]);
    }

    [Fact]
    public void SettingsForm_resets_to_the_exam_values()
    {
        var values = SettingsValues.Defaults(TestProblems.Mle.Settings);
        values["lr"] = 0.5;
        Dictionary<string, object?>? raised = null;
        var form = Render<SettingsForm>(p => p
            .Add(f => f.Schema, TestProblems.Mle.Settings)
            .Add(f => f.Values, values)
            .Add(f => f.ValuesChanged, v => raised = v));

        form.FindAll("button").Single(b => b.TextContent.Contains("Reset to exam values")).Click();

        Assert.Equal(0.05, raised!["lr"]);
    }
}
