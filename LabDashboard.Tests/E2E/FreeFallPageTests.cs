using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace LabDashboard.Tests.E2E;

[Collection(LabBrowserCollection.Name)]
[Trait("Category", "Slow")]
public class FreeFallPageTests(LabBrowserFixture browser)
{
    private static readonly int[] Heights = [40, 60, 80];

    [Fact]
    public async Task Training_free_fall_predicts_the_three_heights_near_physics_and_passes_every_check()
    {
        var page = await browser.OpenAsync(ExamDraft.FreeFall);
        await Assertions.Expect(page.GetByTestId("predictions").Locator("tbody tr")).ToHaveCountAsync(3);

        var runId = await LabBrowserFixture.TrainAsync(page);

        var lossChart = page.Locator($".live-chart-canvas[data-run-ids='{runId}']").First;
        await Assertions.Expect(lossChart).ToHaveAttributeAsync("data-points", new Regex("^[1-9][0-9]*$"));
        var checks = page.Locator($"[data-testid=answer-checks][data-run-id='{runId}']");
        await Assertions.Expect(checks.Locator("[data-testid=check][data-passed=true]")).ToHaveCountAsync(3, new() { Timeout = 120_000 });
        await Assertions.Expect(page.Locator("[data-testid=run-status]")).ToHaveAttributeAsync("data-status", "completed");
        await Assertions.Expect(lossChart).ToHaveAttributeAsync("data-points", "100");

        // Each predicted time is within the exam's tolerance of √(2h/9.8), as the table shows it.
        var rows = page.GetByTestId("predictions").Locator("tbody tr");
        for (var i = 0; i < Heights.Length; i++)
        {
            var cells = await rows.Nth(i).Locator("td").AllInnerTextsAsync();
            Assert.Equal(Heights[i].ToString(CultureInfo.InvariantCulture), cells[0].Trim());
            var predicted = double.Parse(cells[1], CultureInfo.InvariantCulture);
            Assert.InRange(predicted, Math.Sqrt(2 * Heights[i] / 9.8) - 0.05, Math.Sqrt(2 * Heights[i] / 9.8) + 0.05);
        }
        await Assertions.Expect(page.GetByTestId("measurements").Locator("tbody tr")).ToHaveCountAsync(10);

        await LabBrowserFixture.ScreenshotAsync(page, "free-fall-after-run");
        await page.Context.CloseAsync();
    }
}
