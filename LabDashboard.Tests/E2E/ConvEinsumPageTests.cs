using Microsoft.Playwright;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace LabDashboard.Tests.E2E;

[Collection(LabBrowserCollection.Name)]
[Trait("Category", "Slow")]
public class ConvEinsumPageTests(LabBrowserFixture browser)
{
    /// <summary>Nearly 1 MB goes through the circuit in chunks and is decoded on the server: slow on a busy machine.</summary>
    private const float UploadTimeoutMs = 60_000;

    [Fact]
    public async Task Changing_a_kernel_cell_redraws_that_channel_at_once()
    {
        var page = await browser.OpenAsync("/problems/conv-einsum");
        var channel0 = page.GetByAltText("Channel 0 map");
        var channel1 = page.GetByAltText("Channel 1 map");
        var before0 = await channel0.GetAttributeAsync("src");
        var before1 = await channel1.GetAttributeAsync("src");
        var kernel1 = await channel1.GetAttributeAsync("data-kernel");

        await page.GetByLabel("Channel 0 row 1 column 1").FillAsync("3");

        await Assertions.Expect(channel0).Not.ToHaveAttributeAsync("src", before0!);
        // The colour scale is shared, so channel 1's picture may be redrawn; its kernel must not change.
        Assert.Equal(kernel1, await channel1.GetAttributeAsync("data-kernel"));
        await Assertions.Expect(channel0).ToHaveAttributeAsync("data-kernel", "[[3, 0, 0, 0], [0, -1, -1, 0], [0, 1, 1, 0], [0, 0, 0, 0]]");
        await Assertions.Expect(page.GetByText("Both channels equal the two separate 1→1 convs exactly")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Channel 1: Laplacian" }).ClickAsync();
        await Assertions.Expect(channel1).Not.ToHaveAttributeAsync("src", before1!);
        await LabBrowserFixture.ScreenshotAsync(page, "conv-einsum-edited");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_dropped_image_over_512_KB_becomes_the_input_and_the_colour_image()
    {
        var png = Path.Combine(Path.GetTempPath(), $"labdashboard-noise-{Guid.NewGuid():N}.png");
        await File.WriteAllBytesAsync(png, NoisyPng(640, 480));
        try
        {
            var page = await browser.OpenAsync("/problems/conv-einsum");
            await page.GetByLabel("Drop or pick an image").SetInputFilesAsync(png);

            await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = Path.GetFileName(png) })).ToHaveAttributeAsync("aria-pressed", "true", new() { Timeout = UploadTimeoutMs });
            await Assertions.Expect(page.Locator("figcaption").Filter(new() { HasText = "Input (96×128)" })).ToBeVisibleAsync(new() { Timeout = UploadTimeoutMs });
            await Assertions.Expect(page.Locator("figcaption").Filter(new() { HasText = Path.GetFileName(png) })).ToBeVisibleAsync();
            await page.Context.CloseAsync();
        }
        finally
        {
            File.Delete(png);
        }
    }

    private static byte[] NoisyPng(int width, int height)
    {
        var random = new Random(2);
        using var image = new Image<Rgb24>(width, height);
        for (var y = 0; y < height; y++)
            for (var x = 0; x < width; x++)
                image[x, y] = new Rgb24((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256));
        using var stream = new MemoryStream();
        image.SaveAsPng(stream);
        return stream.ToArray();
    }
}
