using System.Text.Json;
using LabDashboard.Engine.Runs;
using Microsoft.Playwright;

namespace LabDashboard.Tests.E2E;

/// <summary>/runs as a user compares runs: names and tags edited in the table, a column per setting, the settings that differ beside the overlay, on a laptop and a phone.</summary>
[Collection(LabBrowserCollection.Name)]
[Trait("Category", "Slow")]
public class RunsComparePageTests(LabBrowserFixture browser)
{
    [Fact]
    public async Task Two_runs_named_in_the_table_are_compared_by_their_differing_settings_beside_the_overlay()
    {
        var slow = await StartAndFinishAsync("""{"steps": 300, "reportEvery": 10, "lr": 0.02}""");
        var fast = await StartAndFinishAsync("""{"steps": 300, "reportEvery": 10, "lr": 0.1}""");
        var page = await browser.OpenAsync("/runs?problem=exp-mle", viewport: new ViewportSize { Width = 1400, Height = 900 });

        await NameAsync(page, slow, "slow lr", "sweep, lr");
        await NameAsync(page, fast, "fast lr", "sweep");
        await page.GetByLabel($"Compare {slow}").CheckAsync();
        await page.GetByLabel($"Compare {fast}").CheckAsync();

        await Assertions.Expect(page.Locator("[data-testid=setting-column][data-setting=lr]")).ToHaveTextAsync("Learning rate");
        // One machine: no worker beside the status (a lab cluster's web front shows it, ClusterRunsPageTests).
        await Assertions.Expect(page.GetByTestId("run-worker")).ToHaveCountAsync(0);
        var diff = page.GetByTestId("settings-diff");
        await Assertions.Expect(diff.GetByTestId("settings-diff-row")).ToHaveCountAsync(1);
        var lrRow = diff.Locator("[data-testid=settings-diff-row][data-setting=lr]");
        await Assertions.Expect(lrRow).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"Learning rate\s*0\.02\s*0\.1"));
        Assert.NotEqual("rgba(0, 0, 0, 0)", await lrRow.EvaluateAsync<string>("r => getComputedStyle(r).backgroundColor"));
        await Assertions.Expect(diff.GetByTestId("settings-diff-run")).ToHaveTextAsync(["slow lr", "fast lr"]);
        var canvas = page.Locator($".live-chart-canvas[data-run-ids='{slow} {fast}']").First;
        await Assertions.Expect(canvas.Locator(".apexcharts-legend")).ToContainTextAsync("exp-mle · slow lr · lr=0.02");
        // The diff sits beside the charts on a laptop, not above them.
        var diffBox = (await diff.BoundingBoxAsync())!;
        var chartBox = (await canvas.BoundingBoxAsync())!;
        Assert.True(diffBox.X + diffBox.Width <= chartBox.X, $"diff ends at {diffBox.X + diffBox.Width}, chart starts at {chartBox.X}");
        await LabBrowserFixture.ScreenshotAsync(page, "runs-compare-1400x900");

        await page.SetViewportSizeAsync(390, 844);
        await Assertions.Expect(diff).ToBeVisibleAsync();
        // The charts redraw for the new width a moment after the window shrinks.
        try { await page.WaitForFunctionAsync("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth", null, new() { Timeout = 10_000 }); }
        catch (TimeoutException) { }
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        await LabBrowserFixture.ScreenshotAsync(page, "runs-compare-390x844");
        Assert.True(widths[0] <= widths[1], $"/runs is {widths[0]} px wide in a {widths[1]} px window; too wide: {await LiveViewFirstTests.TooWideAsync(page)}");

        await page.SetViewportSizeAsync(1400, 900);
        await page.GetByTestId("runs-table").GetByTestId("run-tag").GetByText("lr", new() { Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("run-link")).ToHaveTextAsync(["slow lr"]);
        await page.Context.CloseAsync();
    }

    /// <summary>Opens the row's editor, types a name and tags, saves, and waits for the row to show the name.</summary>
    private static async Task NameAsync(IPage page, string runId, string name, string tags)
    {
        await page.GetByLabel($"Edit name, notes and tags of run {runId}").ClickAsync();
        await page.Locator($"#run-name-{runId}").FillAsync(name);
        await page.Locator($"#run-tags-{runId}").FillAsync(tags);
        await page.GetByTestId("run-label-save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("run-link").GetByText(name, new() { Exact = true })).ToBeVisibleAsync();
    }

    private async Task<string> StartAndFinishAsync(string settings)
    {
        var runs = browser.Server.Runs;
        var runId = await runs.StartAsync("exp-mle", JsonDocument.Parse(settings).RootElement);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await foreach (var _ in runs.Watch(runId, 0, null, timeout.Token)) { }
        return runId;
    }
}
