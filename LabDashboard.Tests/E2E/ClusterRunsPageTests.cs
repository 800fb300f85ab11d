using System.Text.RegularExpressions;
using LabDashboard.Engine.Runs;
using LabDashboard.Tests.Integration;
using LabDashboard.Tests.Integration.Cluster;
using Microsoft.Playwright;

namespace LabDashboard.Tests.E2E;

/// <summary>
/// A web front of a lab cluster in the browser: the runs table and a run's page say which worker ran
/// each run, and a cancelled run is restarted from either, on a laptop and a phone.
/// </summary>
[Collection(LabBrowserCollection.Name)]
[Trait("Category", "Slow")]
public class ClusterRunsPageTests(LabBrowserFixture browser)
{
    private static readonly Regex RunLink = new(@"[?&]run=([0-9a-f]+)");

    [SkippableFact]
    public async Task The_runs_table_and_a_runs_page_show_its_worker_and_restart_a_cancelled_run()
    {
        await using var cluster = await KestrelLabCluster.StartAsync();
        var web = cluster.Web;
        using var http = web.CreateClient();
        var completed = await RunsRest.StartAsync(http, "conv-einsum", "{}");
        await WaitFinishedAsync(web.Runs, completed);
        var cancelled = await RunsRest.StartAsync(http, "exp-mle", """{"steps": 100000, "reportEvery": 100, "seed": 5}""");
        Assert.True(await web.Runs.CancelAsync(cancelled));
        await WaitFinishedAsync(web.Runs, cancelled);

        var page = await OpenAsync(web, "/runs", 1400, 900);
        await Assertions.Expect(page.GetByTestId("run-link")).ToHaveCountAsync(2);
        await Assertions.Expect(page.GetByTestId("runs-table").GetByTestId("run-worker")).ToHaveTextAsync(["w1", "w1"]);
        await Assertions.Expect(page.GetByTestId("restart-run")).ToHaveCountAsync(1);
        await LabBrowserFixture.ScreenshotAsync(page, "cluster-runs-1400x900");
        await page.SetViewportSizeAsync(390, 844);
        await Assertions.Expect(page.GetByTestId("runs-table").GetByTestId("run-worker").First).ToBeVisibleAsync();
        await AssertFitsAsync(page);
        await LabBrowserFixture.ScreenshotAsync(page, "cluster-runs-390x844");
        await page.SetViewportSizeAsync(1400, 900);
        await page.GetByLabel($"Restart run {cancelled}").ClickAsync();
        await Assertions.Expect(page.GetByTestId("run-link")).ToHaveCountAsync(3);
        var fromTable = web.Runs.List().First(r => r.RunId != completed && r.RunId != cancelled);
        Assert.Equal(("exp-mle", 100000), (fromTable.ProblemId, (int)fromTable.Settings["steps"]));
        await web.Runs.CancelAsync(fromTable.RunId);
        await page.Context.CloseAsync();

        page = await OpenAsync(web, $"/runs/{cancelled}", 1400, 900);
        var controls = page.GetByTestId("run-controls");
        await Assertions.Expect(controls.GetByTestId("run-worker")).ToHaveTextAsync("w1");
        await Assertions.Expect(controls.GetByTestId("restart")).ToBeVisibleAsync();
        await LabBrowserFixture.ScreenshotAsync(page, "cluster-run-page-1400x900");
        await page.SetViewportSizeAsync(390, 844);
        await AssertFitsAsync(page);
        await LabBrowserFixture.ScreenshotAsync(page, "cluster-run-page-390x844");
        await controls.GetByTestId("restart").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($@"[?&]run=(?!{cancelled})[0-9a-f]+"));
        var restarted = RunLink.Match(page.Url).Groups[1].Value;
        Assert.Equal((cancelled.Length, "w1"), (restarted.Length, web.Runs.Get(restarted)!.Worker));
        await Assertions.Expect(controls.GetByTestId("run-worker")).ToHaveTextAsync("w1");
        await web.Runs.CancelAsync(restarted);
        await page.Context.CloseAsync();
    }

    private Task<IPage> OpenAsync(LabServer web, string path, int width, int height) =>
        browser.OpenAsync(path, viewport: new ViewportSize { Width = width, Height = height }, server: web.BaseAddress);

    /// <summary>The page is no wider than the window once its charts have redrawn for the new width.</summary>
    private static async Task AssertFitsAsync(IPage page)
    {
        try { await page.WaitForFunctionAsync("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth", null, new() { Timeout = 10_000 }); }
        catch (TimeoutException) { }
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        Assert.True(widths[0] <= widths[1], $"{page.Url} is {widths[0]} px wide in a {widths[1]} px window; too wide: {await LiveViewFirstTests.TooWideAsync(page)}");
    }

    private static async Task WaitFinishedAsync(IRunService runs, string runId)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await foreach (var _ in runs.Watch(runId, 0, timeout.Token)) { }
    }
}
