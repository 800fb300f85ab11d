using System.Globalization;
using Microsoft.Playwright;

namespace LabDashboard.Tests.E2E;

[Collection(LabBrowserCollection.Name)]
[Trait("Category", "Slow")]
public class FashionCnnPageTests(LabBrowserFixture browser)
{
    /// <summary>The small CNN on 12,000 training images for one epoch: seconds on an idle CPU, above 70 % on the test set (3,000 images in batches of 128 reached only 66 %).</summary>
    private const string QuickRun = "/problems/fashion-cnn?architecture=small&epochs=1&trainSubset=12000&batchSize=64";

    [Fact]
    public async Task Training_a_small_cnn_shows_a_ten_class_confusion_matrix_and_its_misclassified_images()
    {
        var page = await browser.OpenAsync(QuickRun);

        var runId = await LabBrowserFixture.TrainAsync(page);

        var checks = page.Locator($"[data-testid=answer-checks][data-run-id='{runId}']");
        await Assertions.Expect(checks.Locator("[data-testid=check][data-passed=true]")).ToHaveCountAsync(1, new() { Timeout = 240_000 });
        await Assertions.Expect(page.Locator("[data-testid=run-status]")).ToHaveAttributeAsync("data-status", "completed");
        var accuracyChart = page.Locator($".live-chart-canvas[data-run-ids='{runId}']").Nth(1);
        // Two series (train and test accuracy), one epoch each.
        await Assertions.Expect(accuracyChart).ToHaveAttributeAsync("data-points", "2");

        var matrix = page.GetByTestId("confusion-matrix");
        await Assertions.Expect(matrix.Locator("td[data-row]")).ToHaveCountAsync(100);
        var testAcc = double.Parse(await page.GetByTestId("results").Locator("tr", new() { HasText = "Test accuracy" }).Locator("td").Nth(1).InnerTextAsync(), CultureInfo.InvariantCulture);
        Assert.InRange(testAcc, 0.7, 1.0);
        await Assertions.Expect(page.GetByTestId("fashion-filters")).ToBeVisibleAsync();

        // Picking a misclassified test image shows what the saved model predicts for it.
        await page.GetByTestId("misclassified-pick").First.ClickAsync();
        await Assertions.Expect(page.GetByTestId("fashion-predicted")).ToBeVisibleAsync();

        await LabBrowserFixture.ScreenshotAsync(page, "fashion-cnn-after-run");
        await page.Context.CloseAsync();
    }
}
