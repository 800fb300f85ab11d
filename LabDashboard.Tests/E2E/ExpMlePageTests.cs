using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace LabDashboard.Tests.E2E;

[Collection(LabBrowserCollection.Name)]
[Trait("Category", "Slow")]
public class ExpMlePageTests(LabBrowserFixture browser)
{
    [Fact]
    public async Task Training_exp_mle_draws_points_live_and_turns_the_check_green()
    {
        var page = await browser.OpenAsync(ExamDraft.ExpMle);

        await page.GetByTestId("train").ClickAsync();

        var runId = await NewRunIdAsync(page);
        await AssertPointsArriveAndCheckPassesAsync(page, runId);
        await LabBrowserFixture.ScreenshotAsync(page, "exp-mle-after-run");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_page_s_two_charts_share_one_hub_stream_of_the_run()
    {
        var watches = new List<string>();
        var page = await browser.OpenAsync(ExamDraft.ExpMle, beforeLoad: p => p.WebSocket += (_, socket) =>
        {
            if (socket.Url.Contains("/hubs/training", StringComparison.Ordinal))
                socket.FrameSent += (_, frame) => { lock (watches) watches.AddRange(WatchedRunIds(frame.Text)); };
        });

        var runId = await LabBrowserFixture.TrainAsync(page);
        await AssertPointsArriveAndCheckPassesAsync(page, runId);

        // Each chart draws on its own timer: the second may show its last points a moment after the first.
        await Assertions.Expect(page.Locator($".live-chart-canvas[data-run-ids='{runId}'][data-points='100']")).ToHaveCountAsync(2);
        lock (watches) Assert.Equal(1, watches.Count(id => id == runId));
        await page.Context.CloseAsync();
    }

    /// <summary>The run ids of the hub <c>Watch</c> stream invocations in one SignalR JSON frame (messages end with 0x1E).</summary>
    private static IEnumerable<string> WatchedRunIds(string? frame) =>
        (frame ?? "").Split('\u001e', StringSplitOptions.RemoveEmptyEntries)
            .Select(message => System.Text.Json.JsonDocument.Parse(message).RootElement)
            .Where(m => m.ValueKind == System.Text.Json.JsonValueKind.Object
                && m.TryGetProperty("target", out var target) && target.GetString() == "Watch")
            .Select(m => m.GetProperty("arguments")[0].GetString()!)
            .ToList();

    [Fact]
    public async Task Training_exp_mle_works_with_the_keyboard_alone()
    {
        var page = await browser.OpenAsync(ExamDraft.ExpMle);
        var train = page.GetByTestId("train");

        for (var presses = 0; presses < 60 && !await IsFocusedAsync(train); presses++)
            await page.Keyboard.PressAsync("Tab");
        Assert.True(await IsFocusedAsync(train), "Tab never reached the Train button");
        await page.Keyboard.PressAsync("Enter");

        var runId = await NewRunIdAsync(page);
        await AssertPointsArriveAndCheckPassesAsync(page, runId);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Settings_in_the_url_fill_the_form_and_edits_go_back_to_the_url()
    {
        var page = await browser.OpenAsync("/problems/exp-mle?steps=300&optimizer=adam");

        Assert.Equal("300", await page.GetByLabel("Steps", new() { Exact = true }).InputValueAsync());
        await page.GetByLabel("Learning rate").FillAsync("0.1");

        // replaceState is no navigation: WaitForURL can miss it; the assertion polls page.Url.
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"lr=0\.1"));
        Assert.Contains("steps=300", page.Url);
        await page.Context.CloseAsync();
    }

    /// <summary>Train puts the new run in the URL; the checks must belong to that run, not to an earlier one.</summary>
    private static async Task<string> NewRunIdAsync(IPage page)
    {
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"[?&]run=[0-9a-f]+"));
        return Regex.Match(page.Url, @"[?&]run=([0-9a-f]+)").Groups[1].Value;
    }

    private static async Task AssertPointsArriveAndCheckPassesAsync(IPage page, string runId)
    {
        var lambdaChart = page.Locator($".live-chart-canvas[data-run-ids='{runId}']").First;
        await Assertions.Expect(lambdaChart).ToHaveAttributeAsync("data-points", new Regex("^[1-9][0-9]*$"));
        var checks = page.Locator($"[data-testid=answer-checks][data-run-id='{runId}']");
        await Assertions.Expect(checks.Locator("[data-testid=check][data-passed=true]")).ToHaveCountAsync(1, new() { Timeout = 60_000 });
        await Assertions.Expect(lambdaChart).ToHaveAttributeAsync("data-points", "100");
        await Assertions.Expect(page.Locator("[data-testid=run-status]")).ToHaveAttributeAsync("data-status", "completed");
    }

    private static Task<bool> IsFocusedAsync(ILocator locator) =>
        locator.EvaluateAsync<bool>("element => element === document.activeElement");
}
