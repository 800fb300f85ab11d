using Bunit;
using LabDashboard.Engine.Runs;
using LabDashboard.Web.Components.Pages;
using MudBlazor;

namespace LabDashboard.Tests.Components.Pages;

/// <summary>
/// The runs table: readable results, names, tags, notes and one column per setting; a settings diff of the
/// runs compared; delete takes the run off the table at once and deletes it only when the undo window closes.
/// </summary>
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

    [Fact]
    public void Runs_of_one_problem_show_one_column_per_setting_with_each_runs_value()
    {
        Recorded("r1", settings: Settings(lr: 0.05, steps: 1000));
        Recorded("r2", settings: Settings(lr: 0.1, steps: 1000));

        var page = Render<RunsPage>();

        Assert.Equal(["Seed", "Sample size", "Optimizer", "Learning rate", "Steps", "Report every"],
            page.FindAll("[data-testid=setting-column]").Select(c => c.TextContent.Trim()));
        Assert.Equal(["0.05", "0.1"], page.FindAll("[data-testid=setting-cell][data-setting=lr]").Select(c => c.TextContent.Trim()));
    }

    [Fact]
    public void Two_selected_runs_show_the_settings_that_differ_highlighted_and_on_request_the_rest()
    {
        Recorded("r1", settings: Settings(lr: 0.05, steps: 1000));
        Recorded("r2", settings: Settings(lr: 0.1, steps: 200));
        var page = Render<RunsPage>();

        Select(page, 0);
        Assert.Empty(page.FindAll("[data-testid=settings-diff]"));
        Select(page, 1);

        var rows = page.FindAll("[data-testid=settings-diff-row]");
        Assert.Equal(["lr", "steps"], rows.Select(r => r.GetAttribute("data-setting")));
        Assert.All(rows, r => Assert.Contains("settings-differ", r.ClassList));
        Assert.Equal(["Learning rate", "0.05", "0.1"], rows[0].Children.Select(c => c.TextContent.Trim()));
        page.Find("[data-testid=settings-diff-all]").Click();
        Assert.Equal(6, page.FindAll("[data-testid=settings-diff-row]").Count);
        Assert.Equal("false", page.Find("[data-testid=settings-diff-row][data-setting=seed]").GetAttribute("data-differs"));
    }

    [Fact]
    public void A_tag_filters_the_table_to_the_runs_that_carry_it()
    {
        Recorded("r1", label: new RunLabel("baseline", "", ["exam"]));
        Recorded("r2", label: new RunLabel("", "", ["sweep"]));
        var page = Render<RunsPage>();

        page.FindAll("[data-testid=run-tag]").Single(t => t.TextContent.Trim() == "sweep").Click();

        var table = page.Find("[data-testid=runs-table]").TextContent;
        Assert.Contains("r2", table);
        Assert.DoesNotContain("baseline", table);
    }

    [Fact]
    public void A_run_is_named_tagged_and_noted_inline_and_the_table_shows_it()
    {
        Recorded("r1");
        var page = Render<RunsPage>();

        page.Find("[data-testid=edit-run-label]").Click();
        page.Find("#run-name-r1").Change("lr sweep, low");
        page.Find("#run-tags-r1").Change("sweep, cpu ,");
        page.Find("#run-notes-r1").Change("loss still falling");
        page.Find("[data-testid=run-label-save]").Click();

        page.WaitForAssertion(() => Assert.Equal("lr sweep, low", page.Find("[data-testid=run-link]").TextContent.Trim()));
        Assert.Equal(["sweep", "cpu"], page.FindAll("[data-testid=run-tag]").Select(t => t.TextContent.Trim()));
        Assert.Equal("loss still falling", page.Find("[data-testid=run-notes]").TextContent.Trim());
        Assert.Empty(page.FindAll("[data-testid=run-label-form]"));
        Assert.Equal("lr sweep, low", Runs.Summary("r1")!.Label.Name);
    }

    [Fact]
    public void An_invalid_label_is_refused_with_its_reason_and_nothing_is_saved()
    {
        Recorded("r1");
        var page = Render<RunsPage>();

        page.Find("[data-testid=edit-run-label]").Click();
        page.Find("#run-tags-r1").Change(new string('t', RunLabel.MaxTagLength + 1));
        page.Find("[data-testid=run-label-save]").Click();

        Assert.Contains("at most 40 characters", page.Find("[data-testid=run-label-form]").TextContent);
        Assert.Empty(Runs.Summary("r1")!.Label.Tags);
    }

    private static void Select(IRenderedComponent<RunsPage> page, int row) =>
        page.FindAll("input[type=checkbox]")[row].Change(true);

    private static Dictionary<string, object> Settings(double lr, int steps) => new()
    {
        ["seed"] = 43052, ["n"] = 10000, ["optimizer"] = "sgd", ["lr"] = lr, ["steps"] = steps, ["reportEvery"] = 10,
    };

    private void Recorded(string runId, Dictionary<string, double>? results = null, Dictionary<string, object>? settings = null, RunLabel? label = null) =>
        Runs.Records.Add(new RunRecord(
            new RunSummary(runId, "test-mle", RunStatus.Completed, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow, results ?? [], [], null) { Label = label ?? RunLabel.None },
            settings ?? new Dictionary<string, object>(), "cpu", new Dictionary<string, string>(), [], null));
}
