using System.Globalization;
using Microsoft.Playwright;

namespace LabDashboard.Tests.E2E;

[Collection(LabBrowserCollection.Name)]
[Trait("Category", "Slow")]
public class IrisPageTests(LabBrowserFixture browser)
{
    private static readonly string[] Species = ["setosa", "versicolor", "virginica"];

    [Fact]
    public async Task Training_iris_shows_a_confusion_matrix_of_the_30_test_rows_and_passes_the_accuracy_check()
    {
        // Settings in the URL open a draft (other tests on this server may have trained iris already).
        var page = await browser.OpenAsync("/problems/iris?splitSeed=42");
        await Assertions.Expect(page.GetByText("Shown when a run finishes.")).ToBeVisibleAsync();

        var runId = await LabBrowserFixture.TrainAsync(page);
        var checks = page.Locator($"[data-testid=answer-checks][data-run-id='{runId}']");
        await Assertions.Expect(checks.Locator("[data-testid=check][data-passed=true]")).ToHaveCountAsync(1, new() { Timeout = 120_000 });
        await Assertions.Expect(checks.Locator("[data-testid=check]")).ToContainTextAsync("Passed: Test accuracy");
        await Assertions.Expect(page.Locator("[data-testid=run-status]")).ToHaveAttributeAsync("data-status", "completed");
        await Assertions.Expect(page.GetByTestId("run-progress")).ToContainTextAsync("Point 200 / 200");

        var matrix = page.GetByTestId("confusion-matrix");
        await Assertions.Expect(matrix.Locator("thead th")).ToHaveTextAsync(["true ＼ predicted", .. Species, "Accuracy"]);
        await Assertions.Expect(matrix.Locator("tbody th[scope=row]")).ToHaveTextAsync(Species);
        await Assertions.Expect(matrix.Locator("td[data-row]")).ToHaveCountAsync(9);
        var cells = new int[3, 3];
        for (var row = 0; row < 3; row++)
            for (var column = 0; column < 3; column++)
                cells[row, column] = int.Parse(await matrix.Locator($"td[data-row='{row}'][data-column='{column}']").InnerTextAsync(), CultureInfo.InvariantCulture);

        // Each row of the matrix holds the test rows of that species, as the run's test table lists them.
        var testSpecies = await page.GetByTestId("iris-test-table").Locator("tbody tr td:nth-child(6)").AllInnerTextsAsync();
        Assert.Equal(30, testSpecies.Count);
        for (var row = 0; row < 3; row++)
            Assert.Equal(testSpecies.Count(s => s.Trim() == Species[row]), cells[row, 0] + cells[row, 1] + cells[row, 2]);

        // The diagonal is the test accuracy the results table reports, and it clears the exam's 70 %.
        var correct = cells[0, 0] + cells[1, 1] + cells[2, 2];
        var testAcc = double.Parse(await page.GetByTestId("results").Locator("tr", new() { HasText = "Test accuracy" }).Locator("td").Nth(1).InnerTextAsync(), CultureInfo.InvariantCulture);
        Assert.Equal(correct / 30.0, testAcc, 4);
        Assert.True(correct >= 21, $"only {correct} of 30 test rows right");
        await Assertions.Expect(matrix.GetByTestId("class-accuracy")).ToHaveCountAsync(3);

        await LabBrowserFixture.ScreenshotAsync(page, "iris-after-run");
        await page.Context.CloseAsync();
    }
}
