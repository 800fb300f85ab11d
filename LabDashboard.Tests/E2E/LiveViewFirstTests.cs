using Microsoft.Playwright;

namespace LabDashboard.Tests.E2E;

/// <summary>Once Train is pressed the settings fold away and the live chart is on screen, on a laptop and on a phone; nothing scrolls sideways on a phone.</summary>
[Collection(LabBrowserCollection.Name), Trait("Category", "Slow")]
public class LiveViewFirstTests(LabBrowserFixture browser)
{
    public static TheoryData<int, int> Screens => new() { { 1400, 900 }, { 390, 844 } };

    public static TheoryData<string> ProblemPages =>
    [
        "/problems/param-count", "/problems/conv-einsum", "/problems/exp-mle", "/problems/free-fall",
        "/problems/iris", "/problems/fashion-cnn", "/problems/resnet-cam", "/problems/gan-mnist8",
    ];

    [Theory, MemberData(nameof(Screens))]
    public async Task After_Train_the_first_live_chart_starts_within_the_viewport(int width, int height)
    {
        // The exam's settings: a page trains its shown run's settings again, so other settings would leak into later tests.
        var page = await browser.OpenAsync(ExamDraft.ExpMle, viewport: new ViewportSize { Width = width, Height = height });

        await LabBrowserFixture.TrainAsync(page);
        await Assertions.Expect(page.GetByTestId("run-settings")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=run-status]")).ToHaveAttributeAsync("data-status", "completed");

        var top = await page.Locator(".live-chart-canvas").First.EvaluateAsync<double>("e => e.getBoundingClientRect().top");
        await LabBrowserFixture.ScreenshotAsync(page, $"live-view-first-{width}x{height}");
        Assert.InRange(top, 0, height - 1);
        await page.Context.CloseAsync();
    }

    [Theory, MemberData(nameof(ProblemPages))]
    public async Task Nothing_overflows_sideways_on_a_phone(string path)
    {
        var page = await browser.OpenAsync(path, viewport: new ViewportSize { Width = 390, Height = 844 });
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        var (scrollWidth, innerWidth) = await ScrollAndInnerWidthAsync(page);
        await LabBrowserFixture.ScreenshotAsync(page, "phone" + path.Replace('/', '-'));
        Assert.True(scrollWidth <= innerWidth, $"{path}: document is {scrollWidth} px wide in a {innerWidth} px window; too wide: {await TooWideAsync(page)}");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_app_bar_buttons_stay_on_a_phone_screen()
    {
        var page = await browser.OpenAsync("/problems/resnet-cam", viewport: new ViewportSize { Width = 390, Height = 844 });

        var right = await page.GetByTestId("theme-toggle").EvaluateAsync<double>("e => e.getBoundingClientRect().right");

        Assert.InRange(right, 0, 390);
        await page.Context.CloseAsync();
    }

    /// <summary>The outermost elements that end right of the window, to say what to fix.</summary>
    internal static Task<string> TooWideAsync(IPage page) => page.EvaluateAsync<string>("""
        () => {
            const wide = e => e.getBoundingClientRect().right > window.innerWidth + 0.5;
            const clipped = e => { for (let a = e.parentElement; a; a = a.parentElement) if (getComputedStyle(a).overflowX !== 'visible' && a.getBoundingClientRect().right <= window.innerWidth + 0.5) return true; return false; };
            return [...document.querySelectorAll('body *')]
                .filter(e => wide(e) && !clipped(e))
                .sort((a, b) => b.getBoundingClientRect().right - a.getBoundingClientRect().right)
                .slice(0, 6).map(e => Math.round(e.getBoundingClientRect().width) + ' px ' + e.outerHTML.slice(0, 160)).join(' ¦ ');
        }
        """);

    private static async Task<(int, int)> ScrollAndInnerWidthAsync(IPage page)
    {
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        return (widths[0], widths[1]);
    }
}
