using Bunit;
using LabDashboard.Engine.Runs;
using LabDashboard.Web.Components.Shared;

namespace LabDashboard.Tests.Components.Shared;

public class AnswerChecksTests : LabComponentTest
{
    [Fact]
    public void AnswerChecks_marks_passed_checks_green_and_failed_ones_red()
    {
        CheckResult[] checks = [new("|λ − x̄| < 1e-3", true, "λ = 2.02991"), new("t(40 m)", false, "off by 0.2 s")];

        var view = Render<AnswerChecks>(p => p.Add(c => c.Checks, checks).Add(c => c.RunId, "r1"));

        var items = view.FindAll("[data-testid=check]");
        Assert.Equal(["true", "false"], items.Select(i => i.GetAttribute("data-passed")));
        Assert.Contains("Passed: |λ − x̄| < 1e-3", items[0].TextContent);
        Assert.Contains("mud-success-text", items[0].InnerHtml);
        Assert.Contains("mud-error-text", items[1].InnerHtml);
        Assert.Equal("r1", view.Find("[data-testid=answer-checks]").GetAttribute("data-run-id"));
    }

    [Fact]
    public void Check_titles_are_the_results_labels_or_the_names_in_words()
    {
        CheckResult[] checks = [new("testAcc", true, ""), new("weightShape / mergedEqualsSeparate", true, ""), new("pair1", false, "")];
        List<LabDashboard.Engine.Problems.MetricSpec> labels = [new("testAcc", "Test accuracy")];

        var view = Render<AnswerChecks>(p => p.Add(c => c.Checks, checks).Add(c => c.Labels, labels));

        var titles = view.FindAll("[data-testid=check] .mud-typography-body1").Select(t => t.TextContent.Trim()).ToList();
        Assert.Equal(["Passed: Test accuracy", "Passed: Weight shape / Merged equals separate", "Failed: Pair 1"], titles);
    }

    [Fact]
    public void AnswerChecks_says_so_when_there_are_none()
    {
        var view = Render<AnswerChecks>();

        Assert.Empty(view.FindAll("[data-testid=check]"));
        Assert.Contains("No checks yet", view.Markup);
    }
}
