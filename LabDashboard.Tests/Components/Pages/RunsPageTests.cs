using Bunit;
using LabDashboard.Engine.Runs;
using LabDashboard.Web.Components.Pages;
using MudBlazor;

namespace LabDashboard.Tests.Components.Pages;

/// <summary>The runs table: readable results; delete takes the run off the table at once and deletes it only when the undo window closes.</summary>
public class RunsPageTests : LabComponentTest
{
    [Fact]
    public void Undo_brings_a_deleted_run_back_and_nothing_is_deleted()
    {
        Recorded("r1");
        var snackbars = Render<MudSnackbarProvider>();
        var page = Render<RunsPage>(p => p.Add(c => c.UndoWindow, TimeSpan.FromSeconds(30)));

        page.Find("[data-testid=delete-run]").Click();

        Assert.DoesNotContain("r1", page.Find("[data-testid=runs-table]").TextContent);
        snackbars.WaitForAssertion(() => Assert.Contains("Run r1 deleted.", snackbars.Markup));
        snackbars.Find(".mud-snackbar-content-action button").Click();
        page.WaitForAssertion(() => Assert.Contains("r1", page.Find("[data-testid=runs-table]").TextContent));
        Assert.NotNull(Runs.Get("r1"));
    }

    [Fact]
    public void Without_undo_the_run_is_deleted_when_the_window_closes()
    {
        Recorded("r1");
        Render<MudSnackbarProvider>();
        var page = Render<RunsPage>(p => p.Add(c => c.UndoWindow, TimeSpan.FromMilliseconds(300)));

        page.Find("[data-testid=delete-run]").Click();

        Assert.NotNull(Runs.Get("r1"));
        page.WaitForAssertion(() => Assert.Null(Runs.Get("r1")), TimeSpan.FromSeconds(10));
        Assert.DoesNotContain("r1", page.Find("[data-testid=runs-table]").TextContent);
    }

    [Fact]
    public void Results_read_with_their_labels_and_rounded()
    {
        Recorded("r1", new Dictionary<string, double> { ["lambda"] = 2.0298841, ["samplesPerSec"] = 17142.66612 });

        var page = Render<RunsPage>();

        Assert.Equal("Final λ = 2.02988, Samples per sec = 17142.7", page.Find("[data-testid=run-results]").TextContent.Trim());
    }

    private void Recorded(string runId, Dictionary<string, double>? results = null) => Runs.Records.Add(new RunRecord(
        new RunSummary(runId, "test-mle", RunStatus.Completed, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow, results ?? [], [], null),
        new Dictionary<string, object>(), "cpu", new Dictionary<string, string>(), [], null));
}
