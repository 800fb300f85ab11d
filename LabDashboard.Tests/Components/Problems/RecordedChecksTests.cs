using Bunit;
using LabDashboard.Engine.Runs;
using LabDashboard.Web.Components.Problems;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace LabDashboard.Tests.Components.Problems;

public class RecordedChecksTests : LabComponentTest
{
    private void Recorded(string runId, string problemId) => Runs.Records.Add(new RunRecord(
        new RunSummary(runId, problemId, RunStatus.Completed, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow,
            new Dictionary<string, double>(), [new CheckResult("Merged conv equals the two convs", true, "max |diff| = 0")], null),
        new Dictionary<string, object>(), "cpu", new Dictionary<string, string>(), [], null));

    [Fact]
    public void A_deep_linked_run_shows_its_status_and_checks()
    {
        Recorded("abc123", "conv-einsum");
        Services.GetRequiredService<NavigationManager>().NavigateTo("/problems/conv-einsum?run=abc123");

        var cut = Render<RecordedChecks>(p => p.Add(c => c.ProblemId, "conv-einsum"));

        cut.WaitForAssertion(() => Assert.Contains("Merged conv equals the two convs", cut.Markup));
        Assert.Equal("completed", cut.Find("[data-testid=run-status]").GetAttribute("data-status"));
    }

    [Fact]
    public void A_run_of_another_problem_is_not_shown()
    {
        Recorded("other1", "param-count");
        Services.GetRequiredService<NavigationManager>().NavigateTo("/problems/conv-einsum?run=other1");

        var cut = Render<RecordedChecks>(p => p.Add(c => c.ProblemId, "conv-einsum"));

        Assert.Empty(cut.FindAll("[data-testid=run-status]"));
    }
}
