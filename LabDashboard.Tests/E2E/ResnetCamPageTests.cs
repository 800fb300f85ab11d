using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace LabDashboard.Tests.E2E;

[Collection(LabBrowserCollection.Name)]
[Trait("Category", "Slow")]
public class ResnetCamPageTests(LabBrowserFixture browser)
{
    /// <summary>A small head-only run: 60 photos at 224 px, one epoch (backbone conversion and features included).</summary>
    private const string SmallRun = "/problems/resnet-cam?trainBackbone=false&imageSize=224&maxImages=60&epochs=1";

    /// <summary>Converting the backbone, decoding and extracting features on a busy 2-core machine.</summary>
    private const float TrainingTimeoutMs = 180_000;

    /// <summary>One CAM on the CPU, plus the upload through the circuit.</summary>
    private const float ExplainTimeoutMs = 60_000;

    /// <summary>"dog, 97 %": the predicted label and the probability of that label (at least one half).</summary>
    private static readonly Regex LabelAndConfidence = new(@"^\s*(dog|cat), (5\d|[6-9]\d|100)\s?%\s*$");

    [Fact]
    public async Task A_model_trained_on_the_page_explains_a_dropped_dog_photo_with_an_overlay()
    {
        var photo = TestData.Path("catsdogs", "dog", "american_bulldog_10.jpg");
        var page = await browser.OpenAsync(SmallRun);
        Assert.Equal("60", await page.GetByLabel("Max images", new() { Exact = true }).InputValueAsync());

        await LabBrowserFixture.TrainAsync(page);
        await Assertions.Expect(page.Locator("[data-testid=run-status]")).ToHaveAttributeAsync("data-status", "completed", new() { Timeout = TrainingTimeoutMs });
        await Assertions.Expect(page.GetByTestId("results")).ToContainTextAsync("Held-out images");
        await Assertions.Expect(page.GetByTestId("cam-no-model")).ToHaveCountAsync(0);
        // One epoch is one point: the loss chart draws it as a dot, not as an invisible line.
        await Assertions.Expect(page.Locator(".live-chart-canvas").First).ToHaveAttributeAsync("data-markers", "4");

        await page.GetByLabel("Choose a photo").SetInputFilesAsync(photo);

        var label = page.GetByTestId("cam-label");
        await Assertions.Expect(label).ToHaveTextAsync(LabelAndConfidence, new() { Timeout = ExplainTimeoutMs });
        var predicted = LabelAndConfidence.Match(await label.InnerTextAsync()).Groups[1].Value;
        var details = await page.GetByTestId("cam-result").InnerTextAsync();
        var probabilityOfDog = double.Parse(Regex.Match(details, @"P\(dog\) ([01]\.\d{3})").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(probabilityOfDog >= 0.5 ? "dog" : "cat", predicted);
        await Assertions.Expect(page.GetByTestId("cam-timings")).ToHaveTextAsync(new Regex(@"^decoded in \d+ ms · forward \d+ ms \((float32|bfloat16)\) · map \d+ ms$"));
        var overlay = page.GetByTestId("cam-overlay");
        await Assertions.Expect(overlay).ToHaveAttributeAsync("src", new Regex(@"^/api/cam/results/[^/]+/heatmap\.png$"));
        await Assertions.Expect(overlay).ToHaveJSPropertyAsync("complete", true);
        Assert.Equal(224, await overlay.EvaluateAsync<int>("image => image.naturalWidth"));
        Assert.True(await page.GetByAltText("Input photo").EvaluateAsync<int>("image => image.naturalWidth") > 0, "the input photo did not load");
        await Assertions.Expect(page.GetByTestId("cam-legend")).ToBeVisibleAsync();

        // The opacity slider changes the overlay at once, and the download follows it.
        var download = page.GetByTestId("cam-download");
        var atDefault = await BytesAsync(page, await download.GetAttributeAsync("href"));
        await page.GetByTestId("cam-alpha").FillAsync("0.8");
        await Assertions.Expect(overlay).ToHaveCSSAsync("opacity", "0.8");
        await Assertions.Expect(download).ToHaveAttributeAsync("href", new Regex(@"/overlay\.png\?alpha=0\.8$"));
        var atSlider = await BytesAsync(page, await download.GetAttributeAsync("href"));
        Assert.NotEqual(atDefault, atSlider);

        await LabBrowserFixture.ScreenshotAsync(page, "resnet-cam-overlay");
        await page.Context.CloseAsync();
    }

    private static async Task<byte[]> BytesAsync(IPage page, string? url)
    {
        Assert.NotNull(url);
        var response = await page.APIRequest.GetAsync(url);
        Assert.True(response.Ok, $"{url}: {response.Status}");
        Assert.Equal("image/png", response.Headers["content-type"]);
        return await response.BodyAsync();
    }
}
