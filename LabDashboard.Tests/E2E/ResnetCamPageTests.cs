using System.Text.RegularExpressions;
using LabDashboard.Tests.Integration;
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

    public static TheoryData<int, int> Screens => new() { { 1400, 900 }, { 390, 844 } };

    [Theory, MemberData(nameof(Screens))]
    public async Task Once_a_model_exists_explaining_a_photo_is_the_first_thing_on_screen(int width, int height)
    {
        await ResnetCamModels.RunIdAsync(browser.Server, ResnetCamModels.SmallHeadOnly);
        var page = await browser.OpenAsync("/problems/resnet-cam", viewport: new ViewportSize { Width = width, Height = height });

        var panel = page.GetByTestId("cam-explain");
        await Assertions.Expect(panel).ToBeVisibleAsync();
        var panelTop = await panel.EvaluateAsync<double>("e => e.getBoundingClientRect().top");
        var dropTop = await page.GetByLabel("Choose a photo").EvaluateAsync<double>("e => (e.closest('label') ?? e.parentElement).getBoundingClientRect().top");
        var controlsTop = await page.GetByTestId("run-controls").EvaluateAsync<double>("e => e.getBoundingClientRect().top");

        Assert.InRange(panelTop, 0, height - 1);
        Assert.InRange(dropTop, 0, height - 1);
        Assert.True(panelTop < controlsTop, $"the explain panel ({panelTop} px) is below the run controls ({controlsTop} px)");
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData(400, 300, 1400, 900)]
    [InlineData(300, 400, 390, 844)]
    public async Task A_non_square_photo_is_shown_at_its_own_aspect(int photoWidth, int photoHeight, int width, int height)
    {
        await ResnetCamModels.RunIdAsync(browser.Server, ResnetCamModels.SmallHeadOnly);
        var photo = ResnetCamModels.CroppedPhoto(photoWidth, photoHeight);
        var page = await browser.OpenAsync("/problems/resnet-cam", viewport: new ViewportSize { Width = width, Height = height });

        await page.GetByLabel("Choose a photo").SetInputFilesAsync(photo);

        var overlay = page.GetByTestId("cam-overlay");
        await Assertions.Expect(overlay).ToHaveJSPropertyAsync("complete", true, new() { Timeout = ExplainTimeoutMs });
        var expected = (double)photoWidth / photoHeight;
        var natural = await overlay.EvaluateAsync<double[]>("image => [image.naturalWidth, image.naturalHeight]");
        var shown = await overlay.BoundingBoxAsync();
        var input = await page.GetByAltText("Input photo").BoundingBoxAsync();
        Assert.NotNull(shown);
        Assert.NotNull(input);
        Assert.InRange(natural[0] / natural[1], expected * 0.99, expected * 1.01);
        Assert.InRange(shown.Width / shown.Height, expected * 0.98, expected * 1.02);
        Assert.Equal((shown.Width, shown.Height), (input.Width, input.Height));
        Assert.True(shown.X + shown.Width <= width, $"the overlay ends at {shown.X + shown.Width} px in a {width} px window");
        await LabBrowserFixture.ScreenshotAsync(page, $"resnet-cam-photo-{photoWidth}x{photoHeight}-at-{width}x{height}");
        File.Delete(photo);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Exam_settings_are_one_click_away_with_their_time_here_and_a_whole_network_model_explains_photos()
    {
        var wholeNetworkRun = await ResnetCamModels.RunIdAsync(browser.Server, ResnetCamModels.SmallWholeNetwork);
        var page = await browser.OpenAsync("/problems/resnet-cam");

        // Measured on the whole-network run just trained here, scaled to 512 px.
        var estimate = page.GetByTestId("exam-estimate");
        await Assertions.Expect(estimate).ToContainTextAsync(new Regex(@"≈ \d+ min on this machine"));
        await Assertions.Expect(estimate).ToContainTextAsync(wholeNetworkRun);

        await page.GetByTestId("exam-settings").ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"trainBackbone=true.*imageSize=512|imageSize=512.*trainBackbone=true"));
        await LabBrowserFixture.WaitUntilInteractiveAsync(page);
        await Assertions.Expect(page.GetByTestId("resnet-plan")).ToContainTextAsync("512px, whole network, Adam lr 1E-05, batch 32, 3 epochs");
        await Assertions.Expect(page.GetByTestId("resnet-estimate")).ToContainTextAsync(new Regex(@"≈ \d+ min on this machine"));
        await Assertions.Expect(page.GetByTestId("train")).ToBeEnabledAsync();

        // The whole-network model is in the CAM model menu, and the API explains with it.
        await page.Locator(".cam-model-select").ClickAsync();
        await Assertions.Expect(page.Locator(".mud-popover-open")).ToContainTextAsync(new Regex($@"run {wholeNetworkRun}: [^·]*224px, whole network"));
        using var client = browser.Server.CreateClient();
        using var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(CamUploads.DogPhotoCropped(400, 300)), "image", "dog.jpg" },
            { new StringContent(wholeNetworkRun), "runId" },
        };
        using var response = await client.PostAsync("/api/cam", form);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        Assert.Contains($"\"runId\":\"{wholeNetworkRun}\"", body);
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
