using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using LabDashboard.Engine.Runs;
using Microsoft.Playwright;

namespace LabDashboard.Tests.E2E;

/// <summary>The live chart's tools as a user meets them: log scale, the table of a long run, the exp-mle fit curve.</summary>
[Collection(LabBrowserCollection.Name)]
[Trait("Category", "Slow")]
public class ChartToolsTests(LabBrowserFixture browser)
{
    [Fact]
    public async Task Log_scale_draws_a_series_that_spans_less_than_a_decade()
    {
        var errors = new List<string>();
        var page = await browser.OpenAsync(ExamDraft.ExpMle, beforeLoad: p => p.Console += (_, m) => { if (m.Type == "error") lock (errors) errors.Add(m.Text); });
        var runId = await LabBrowserFixture.TrainAsync(page);
        await WaitCompletedAsync(page, runId);
        var chart = page.GetByTestId("live-chart").First;

        await chart.GetByLabel("Log scale").CheckAsync();

        var canvas = chart.Locator($".live-chart-canvas[data-run-ids='{runId}']");
        await Assertions.Expect(canvas.Locator(".apexcharts-yaxis-title").First).ToContainTextAsync("(log)");
        await Assertions.Expect(canvas).ToHaveAttributeAsync("data-log-dropped", "0");
        await LabBrowserFixture.ScreenshotAsync(page, "exp-mle-log-scale");
        var paths = await canvas.Locator("path.apexcharts-line").EvaluateAllAsync<string[]>("ps => ps.map(p => p.getAttribute('d') ?? '')");
        Assert.NotEmpty(paths);
        Assert.All(paths, d => Assert.DoesNotMatch("Infinity|NaN", d));
        Assert.Contains(paths, d => d.Split('L').Length > 50);
        var labels = await canvas.Locator(".apexcharts-yaxis-label").AllTextContentsAsync();
        Assert.True(labels.Distinct().Count() >= 3, string.Join(" | ", labels));
        lock (errors) Assert.DoesNotContain(errors, e => e.Contains("Infinity", StringComparison.Ordinal));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Log_scale_leaves_out_values_at_or_below_zero_and_says_how_many()
    {
        // With a true mean of 0.1, −l(λ) = log λ + x̄/λ falls from 0.1 to log 0.1 + 1 ≈ −1.3: it crosses zero.
        var page = await browser.OpenAsync("/problems/exp-mle?trueMean=0.1&optimizer=adam&lr=0.01");
        var runId = await LabBrowserFixture.TrainAsync(page);
        await WaitCompletedAsync(page, runId);
        var lossChart = page.GetByTestId("live-chart").Nth(1);

        await lossChart.GetByLabel("Log scale").CheckAsync();

        await Assertions.Expect(lossChart.GetByTestId("log-note")).ToHaveTextAsync(new Regex(@"^[1-9][0-9]* value\(s\) ≤ 0 are not drawn on the log scale\.$"));
        var canvas = lossChart.Locator(".live-chart-canvas");
        var dropped = int.Parse((await canvas.GetAttributeAsync("data-log-dropped"))!, CultureInfo.InvariantCulture);
        Assert.InRange(dropped, 1, 99);
        Assert.Contains(dropped.ToString(CultureInfo.InvariantCulture), await lossChart.GetByTestId("log-note").InnerTextAsync());
        var paths = await canvas.Locator("path.apexcharts-line").EvaluateAllAsync<string[]>("ps => ps.map(p => p.getAttribute('d') ?? '')");
        Assert.All(paths, d => Assert.DoesNotMatch("Infinity|NaN", d));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Smoothing_keeps_the_raw_curve_faintly_behind_and_each_chart_downloads_as_png_and_csv()
    {
        var page = await browser.OpenAsync(ExamDraft.ExpMle);
        var runId = await LabBrowserFixture.TrainAsync(page);
        await WaitCompletedAsync(page, runId);
        var chart = page.GetByTestId("live-chart").First;
        var canvas = chart.Locator(".live-chart-canvas");
        await Assertions.Expect(canvas.Locator("path.apexcharts-line")).ToHaveCountAsync(1);

        await chart.GetByRole(AriaRole.Slider).FocusAsync();
        await page.Keyboard.PressAsync("End");

        await Assertions.Expect(canvas.Locator("path.apexcharts-line")).ToHaveCountAsync(2);
        var strokes = await canvas.Locator("path.apexcharts-line").EvaluateAllAsync<string[]>(
            "ps => ps.map(p => p.getAttribute('stroke') + ' ' + p.getAttribute('stroke-width'))");
        Assert.True(strokes[0].EndsWith(" 2", StringComparison.Ordinal) && strokes[1].EndsWith(" 1", StringComparison.Ordinal), string.Join(" | ", strokes));
        Assert.True(Alpha(strokes[0]) >= 0.8 && Alpha(strokes[1]) <= 0.3, string.Join(" | ", strokes));

        var csvDownload = page.WaitForDownloadAsync();
        await chart.GetByRole(AriaRole.Button, new() { Name = "Download CSV" }).ClickAsync();
        var csv = await File.ReadAllLinesAsync((await (await csvDownload).PathAsync())!);
        Assert.Equal("runId,run,epoch,step,elapsedMs,lambda", csv[0]);
        Assert.Equal(101, csv.Length);
        Assert.StartsWith($"{runId},,100,1000,", csv[^1]);

        var pngDownload = page.WaitForDownloadAsync();
        await chart.GetByRole(AriaRole.Button, new() { Name = "Download PNG" }).ClickAsync();
        var png = await File.ReadAllBytesAsync((await (await pngDownload).PathAsync())!);
        Assert.True(png.Length > 1000);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        await LabBrowserFixture.ScreenshotAsync(page, "exp-mle-smoothed");

        // Wall-clock x axis: titled in seconds, spanning the run's few seconds rather than 1000 steps.
        await chart.GetByTestId("x-axis").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Time (s)" }).ClickAsync();
        await Assertions.Expect(canvas.Locator(".apexcharts-xaxis-title").First).ToHaveTextAsync("Time (s)");
        var lastTick = (await canvas.Locator(".apexcharts-xaxis-label tspan").AllTextContentsAsync())[^1];
        Assert.InRange(double.Parse(lastTick, CultureInfo.InvariantCulture), 0.1, 60);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_table_of_a_2000_point_run_is_paged_over_http_and_the_circuit_stays_up()
    {
        var page = await browser.OpenAsync("/problems/exp-mle?steps=20000");
        var runId = await LabBrowserFixture.TrainAsync(page);
        await WaitCompletedAsync(page, runId);
        var chart = page.GetByTestId("live-chart").First;

        var fetched = page.WaitForResponseAsync(r => r.Url.Contains($"/api/runs/{runId}/points", StringComparison.Ordinal));
        await chart.GetByLabel("View as table").CheckAsync();
        Assert.True((await fetched).Ok);

        var table = chart.Locator($".points-table[data-run-id='{runId}']");
        await Assertions.Expect(table).ToContainTextAsync("1–50 of 2000");
        Assert.Equal(51, await table.Locator("tr").CountAsync());
        await table.GetByRole(AriaRole.Button, new() { Name = "Next" }).ClickAsync();
        await Assertions.Expect(table).ToContainTextAsync("51–100 of 2000");
        await LabBrowserFixture.ScreenshotAsync(page, "exp-mle-table");

        // The circuit is still up: a Blazor control still answers.
        await chart.GetByLabel("View as table").UncheckAsync();
        await Assertions.Expect(table).ToHaveCountAsync(0);
        await Assertions.Expect(chart.Locator(".live-chart-canvas")).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_exp_mle_fit_curve_follows_lambda_during_the_run_and_when_the_run_is_reopened()
    {
        var page = await browser.OpenAsync("/problems/exp-mle?steps=100000&lr=0.001");
        var runId = await LabBrowserFixture.TrainAsync(page);
        await Assertions.Expect(page.GetByTestId("lambda")).ToHaveTextAsync(new Regex(@"^1\.[3-9]"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Pause" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=run-status]")).ToHaveAttributeAsync("data-status", "paused");

        await AssertFitCurveMatchesLambdaAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=run-status]")).ToHaveAttributeAsync("data-status", "cancelled");
        await page.Context.CloseAsync();

        var reopened = await browser.OpenAsync($"/problems/exp-mle?run={runId}");
        await Assertions.Expect(reopened.GetByTestId("lambda")).ToHaveTextAsync(new Regex(@"^1\.[3-9]"));
        await AssertFitCurveMatchesLambdaAsync(reopened);
        await LabBrowserFixture.ScreenshotAsync(reopened, "exp-mle-fit-curve");
        await reopened.Context.CloseAsync();
    }

    [Fact]
    public async Task The_runs_overlay_lines_runs_up_by_step_and_names_them_readably()
    {
        var shortRun = await StartAndFinishAsync("""{"steps": 100, "reportEvery": 1}""");
        var longRun = await StartAndFinishAsync("""{"steps": 1000, "reportEvery": 10}""");
        var page = await browser.OpenAsync("/runs");

        await page.GetByLabel($"Compare {shortRun}").CheckAsync();
        await page.GetByLabel($"Compare {longRun}").CheckAsync();

        var canvas = page.Locator($".live-chart-canvas[data-run-ids='{shortRun} {longRun}']").First;
        await Assertions.Expect(canvas).ToHaveAttributeAsync("data-points", "200");
        var legend = canvas.Locator(".apexcharts-legend");
        await Assertions.Expect(legend).ToContainTextAsync($"exp-mle · {shortRun[..6]} · steps=100");
        await Assertions.Expect(legend).ToContainTextAsync($"exp-mle · {longRun[..6]} · steps=1000");
        Assert.Contains("Step", await canvas.Locator(".apexcharts-xaxis-title").First.TextContentAsync());
        // By step, the 100-step run covers a tenth of the 1000-step run's width (by point index both would span it all).
        var widths = await canvas.Locator("path.apexcharts-line").EvaluateAllAsync<double[]>("ps => ps.map(p => p.getBBox().width)");
        Assert.Equal(2, widths.Length);
        Assert.InRange(widths[0] / widths[1], 0.05, 0.15);
        await LabBrowserFixture.ScreenshotAsync(page, "runs-overlay");
        await page.Context.CloseAsync();
    }

    private async Task<string> StartAndFinishAsync(string settings)
    {
        var runs = browser.Server.Runs;
        var runId = await runs.StartAsync("exp-mle", JsonDocument.Parse(settings).RootElement);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await foreach (var _ in runs.Watch(runId, 0, null, timeout.Token)) { }
        return runId;
    }

    /// <summary>The histogram's line is n · P(first bin) of an exponential with the λ the estimate table shows (not the initial λ = 1).</summary>
    private static async Task AssertFitCurveMatchesLambdaAsync(IPage page)
    {
        var histogram = page.Locator("[data-testid=plot-chart] [data-series]").First;
        for (var attempt = 0; ; attempt++)
        {
            var lambda = double.Parse(await page.GetByTestId("lambda").InnerTextAsync(), CultureInfo.InvariantCulture);
            var series = JsonDocument.Parse(await histogram.GetAttributeAsync("data-series") ?? "[]").RootElement.EnumerateArray().ToList();
            var bars = series.SingleOrDefault(s => s.GetProperty("type").GetString() == "column");
            var line = series.SingleOrDefault(s => s.GetProperty("type").GetString() == "line");
            if (bars.ValueKind == JsonValueKind.Object && line.ValueKind == JsonValueKind.Object)
            {
                var counts = bars.GetProperty("data").EnumerateArray().ToList();
                var n = counts.Sum(b => b[1].GetDouble());
                var binWidth = 2 * counts[0][0].GetDouble();
                var expected = n * (1 - Math.Exp(-binWidth / lambda));
                var drawn = line.GetProperty("data")[0][1].GetDouble();
                if (Math.Abs(drawn - expected) <= expected * 0.01) return;
                Assert.True(attempt < 50, $"fit curve's first bin {drawn:F1}, but λ = {lambda} predicts {expected:F1}");
            }
            else Assert.True(attempt < 50, "no histogram with a fit curve");
            await page.WaitForTimeoutAsync(200);
        }
    }

    /// <summary>The run's own checks are in and the page says it completed (the status alone may still be an earlier run's).</summary>
    private static async Task WaitCompletedAsync(IPage page, string runId)
    {
        var checks = page.Locator($"[data-testid=answer-checks][data-run-id='{runId}'] [data-testid=check]");
        await Assertions.Expect(checks).Not.ToHaveCountAsync(0, new() { Timeout = 120_000 });
        await Assertions.Expect(page.Locator("[data-testid=run-status]")).ToHaveAttributeAsync("data-status", "completed");
    }

    /// <summary>The alpha of an SVG stroke as ApexCharts writes it: rgba(r,g,b,a), #rrggbbaa or #rrggbb.</summary>
    private static double Alpha(string stroke)
    {
        var colour = stroke.Split(' ')[0];
        if (colour.StartsWith("rgba(", StringComparison.Ordinal))
            return double.Parse(colour.TrimEnd(')').Split(',')[3], CultureInfo.InvariantCulture);
        return colour.Length == 9 ? Convert.ToInt32(colour[7..], 16) / 255.0 : 1;
    }
}
