using Bunit;
using LabDashboard.Engine.Runs;
using LabDashboard.Web.Components.Pages.Problems;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace LabDashboard.Tests.Components.Pages;

/// <summary>One run, one truth: a problem page shows the settings of the run it shows, and says when a linked run is gone.</summary>
public class ProblemPageRunTests : LabComponentTest
{
    [Fact]
    public void The_latest_run_is_shown_with_its_own_settings_and_Train_again_starts_exactly_those()
    {
        Recorded("r1", steps: 100_000);

        var page = Open("problems/test-mle");

        page.WaitForAssertion(() => Assert.Contains("Steps 100000", page.Find("[data-testid=run-settings]").TextContent));
        Assert.Empty(page.FindAll("[data-testid=settings-form]"));
        var train = page.Find("[data-testid=train]");
        Assert.Equal("Train again with these settings", train.TextContent.Trim());

        train.Click();

        var (_, settings) = Assert.Single(Runs.Started);
        Assert.Equal(100_000, settings!.Value.GetProperty("steps").GetInt32());
    }

    [Fact]
    public void Edit_starts_a_draft_from_the_run_s_settings_while_the_run_stays_shown_until_Train()
    {
        Recorded("r1", steps: 100_000);
        var page = Open("problems/test-mle");
        page.WaitForAssertion(() => page.Find("[data-testid=edit-settings]"));

        page.Find("[data-testid=edit-settings]").Click();

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=settings-form]")));
        Assert.Single(page.FindAll("[data-testid=draft-note]"));
        Assert.Equal(["r1"], Runs.WatchesOpened);
        page.Find("[data-testid=train]").Click();
        Assert.Equal(100_000, Runs.Started.Single().Settings!.Value.GetProperty("steps").GetInt32());
        page.WaitForAssertion(() => Assert.Contains("Steps 100000", page.Find("[data-testid=run-settings]").TextContent));
        Assert.EndsWith("run=run-1", Services.GetRequiredService<NavigationManager>().Uri);
    }

    [Fact]
    public void A_link_to_a_deleted_run_says_so_shows_no_other_run_and_leads_back_to_the_latest()
    {
        Recorded("r1", steps: 100_000);

        var page = Open("problems/test-mle?run=gone");

        page.WaitForAssertion(() => Assert.Contains("Run gone does not exist (deleted?)", page.Find("[data-testid=missing-run]").TextContent));
        Assert.Empty(page.FindAll("[data-testid=run-settings]"));
        Assert.Empty(Runs.WatchesOpened);

        // The router renders the page again after a link is followed.
        Services.GetRequiredService<NavigationManager>().NavigateTo(page.Find("[data-testid=latest-run-link]").GetAttribute("href")!);
        page.Render(p => p.Add(c => c.Id, "test-mle"));

        page.WaitForAssertion(() => Assert.Contains("Steps 100000", page.Find("[data-testid=run-settings]").TextContent));
        Assert.Empty(page.FindAll("[data-testid=missing-run]"));
    }

    private IRenderedComponent<ProblemPage> Open(string uri)
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo(uri);
        return Render<ProblemPage>(p => p.Add(c => c.Id, "test-mle"));
    }

    private void Recorded(string runId, int steps) => Runs.Records.Add(new RunRecord(
        new RunSummary(runId, "test-mle", RunStatus.Cancelled, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow, new Dictionary<string, double>(), [], null),
        new Dictionary<string, object> { ["steps"] = steps },
        "cpu", new Dictionary<string, string>(), [], null));
}
