using LabDashboard.Engine.Runs;
using Microsoft.Playwright;

namespace LabDashboard.Tests.E2E;

/// <summary>Issue 14: the iris page's upload hands the dataFile setting an upload id, and a run trains on that file.</summary>
[Collection(LabBrowserCollection.Name)]
[Trait("Category", "Slow")]
public class IrisUploadPageTests(LabBrowserFixture browser)
{
    [Fact]
    public async Task An_uploaded_csv_becomes_the_data_file_id_and_the_run_splits_its_rows()
    {
        var page = await browser.OpenAsync("/problems/iris");
        var csv = string.Join('\n', File.ReadLines(TestData.Path("iris.csv")).Where((_, i) => i == 0 || i % 5 == 0));

        await page.Locator("input[type=file][aria-label='Load another iris CSV']").SetInputFilesAsync(new FilePayload
        {
            Name = "thirty.csv",
            MimeType = "text/csv",
            Buffer = System.Text.Encoding.UTF8.GetBytes(csv),
        });

        await Assertions.Expect(page.GetByTestId("iris-csv-loaded")).ToContainTextAsync("thirty.csv: 30");
        await Assertions.Expect(page.GetByLabel("Data file")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^thirty-[0-9a-f]{12}$"));
        await Assertions.Expect(page.GetByTestId("iris-test-table").Locator("tbody tr")).ToHaveCountAsync(6);

        var runId = await LabBrowserFixture.TrainAsync(page);
        await Assertions.Expect(page.Locator("[data-testid=run-status]")).ToHaveAttributeAsync("data-status", "completed", new() { Timeout = 120_000 });
        Assert.Matches("^thirty-[0-9a-f]{12}$", (string)browser.Server.Runs.Get(runId)!.Settings["dataFile"]);
        await Assertions.Expect(page.GetByTestId("iris-test-table").Locator("tbody tr")).ToHaveCountAsync(6);
        await page.Context.CloseAsync();
    }
}
