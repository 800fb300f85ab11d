using LabDashboard.Engine.Runs.Artifacts;
using System.Text.RegularExpressions;
using LabDashboard.Engine.Data;
using LabDashboard.Engine.Problems.GanMnist8;
using LabDashboard.Engine.Runs;
using LabDashboard.Tests.Engine;
using LabDashboard.Tests.Integration;
using Microsoft.Playwright;

namespace LabDashboard.Tests.E2E;

[Collection(LabBrowserCollection.Name)]
[Trait("Category", "Slow")]
public class GanMnist8PageTests(LabBrowserFixture browser)
{
    /// <summary>20 full-batch epochs of 5,851 eights with a grid every 5, on a busy 2-core machine.</summary>
    private const float RunTimeoutMs = 180_000;

    private static readonly int[] GridEpochs = [5, 10, 15, 20];

    /// <summary>
    /// Records every (epoch caption, grid PNG URL) pair the page shows, as "epoch|url", in
    /// <c>window.gridSeen</c>: a short run may pass a grid faster than a poll would notice it.
    /// </summary>
    private const string RecordGrids = """
        () => {
            window.gridSeen = [];
            const record = () => {
                const caption = document.querySelector('[data-testid=grid-epoch]');
                const tile = document.querySelector('[data-testid=grid-tiles] [role=img], [data-testid=grid-image]');
                if (!caption || !tile) return;
                const url = tile.tagName === 'IMG' ? tile.getAttribute('src') : (tile.style.backgroundImage.match(/url\("?([^")]+)"?\)/) || [])[1];
                const epoch = (caption.textContent.match(/Epoch\s+(\d+)/) || [])[1];
                const seen = epoch + '|' + url;
                if (epoch && url && window.gridSeen[window.gridSeen.length - 1] !== seen) window.gridSeen.push(seen);
            };
            new MutationObserver(record).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
        }
        """;

    [Fact]
    public async Task Training_the_gan_shows_a_new_sample_grid_every_grid_epoch_until_the_run_finishes()
    {
        SeedQuickDigitClassifier(browser.Server);
        var page = await browser.OpenAsync("/problems/gan-mnist8?epochs=20&gridEvery=5");
        await Assertions.Expect(page.GetByTestId("no-grid")).ToBeVisibleAsync();
        await page.EvaluateAsync(RecordGrids);

        var runId = await LabBrowserFixture.TrainAsync(page);
        await Assertions.Expect(page.Locator("[data-testid=run-status]")).ToHaveAttributeAsync("data-status", "completed", new() { Timeout = RunTimeoutMs });
        await Assertions.Expect(page.GetByTestId("grid-epoch")).ToContainTextAsync("Epoch 20");
        await Assertions.Expect(page.GetByTestId("grid-tile")).ToHaveCountAsync(10);
        await Assertions.Expect(page.GetByTestId("d-output")).ToHaveTextAsync(Enumerable.Repeat(new Regex(@"police out = [01]\.\d{4}"), 10));
        await Assertions.Expect(page.Locator($"[data-testid=answer-checks][data-run-id='{runId}'] [data-testid=check]")).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByTestId("grid-slider")).ToBeVisibleAsync();
        Assert.True(await page.GetByTestId("d-output").EvaluateAllAsync<bool>("captions => captions.every(c => c.scrollWidth <= c.clientWidth)"),
            "a tile caption is wider than its column and runs into the next one");
        await Assertions.Expect(page.GetByTestId("run-progress")).ToContainTextAsync("Point 20 / 20");

        // The page followed the run from grid to grid: each caption came with that epoch's own PNG.
        var seen = (await page.EvaluateAsync<string[]>("() => window.gridSeen")).Select(s => s.Split('|')).ToList();
        var epochs = seen.Select(s => int.Parse(s[0], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.True(epochs.Distinct().Count() >= 2, "the page showed only the grid of epoch(s) " + string.Join(", ", epochs));
        Assert.All(epochs, e => Assert.Contains(e, GridEpochs));
        Assert.Equal(epochs.Order(), epochs);
        Assert.Equal(20, epochs[^1]);
        Assert.All(seen, s => Assert.Equal($"/api/runs/{runId}/images/grid/{s[0]}", s[1]));

        // And the generator really changed between the first and the last grid shown.
        var first = await GridPngAsync(page, seen[0][1]);
        var last = await GridPngAsync(page, seen[^1][1]);
        Assert.NotEqual(first, last);

        await LabBrowserFixture.ScreenshotAsync(page, "gan-mnist8-after-run");
        await page.Context.CloseAsync();
    }

    /// <summary>
    /// Puts a digit classifier, trained for seconds on 6,000 MNIST images, in the server's state
    /// folder, so the run loads it instead of training the full one first (minutes on a busy 2-core
    /// machine). The page is under test here; Engine/GanMnist8 tests cover the real classifier.
    /// </summary>
    private static void SeedQuickDigitClassifier(LabServer server)
    {
        var paths = new LabPaths([TestData.Root], server.StateRoot);
        var store = new DigitClassifierStore(new DiskArtifactStore(paths));
        if (store.TryLoad() is { } cached)
        {
            cached.Weights.Dispose();
            return;
        }
        using var mnist = ImageDatasetLoader.Load(DatasetLocator.Find(ImageDatasets.Mnist, paths.DataRoots, null)
            ?? throw new InvalidOperationException("MNIST is missing from " + TestData.Root));
        var context = new RecordingReporter().ContextFor(new GanMnist8Problem(), null, paths);
        using var images = mnist.TrainImages.narrow(0, 0, 6000);
        using var labels = mnist.TrainLabels.narrow(0, 0, 6000);
        using var model = DigitClassifierTraining.Train(images, labels, new TrainingScaffold(context), _ => { });
        var accuracy = DigitClassifierTraining.Accuracy(model, mnist.TestImages, mnist.TestLabels);
        Assert.True(accuracy > 0.8, $"the quick digit classifier reached only {accuracy:P1}");
        using var weights = NetworkWeights.From(model);
        store.Save(weights, accuracy);
    }

    private static async Task<byte[]> GridPngAsync(IPage page, string url)
    {
        var response = await page.APIRequest.GetAsync(url);
        Assert.True(response.Ok, $"{url}: {response.Status}");
        Assert.Equal("image/png", response.Headers["content-type"]);
        return await response.BodyAsync();
    }
}
