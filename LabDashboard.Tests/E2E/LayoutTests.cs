using Microsoft.Playwright;

namespace LabDashboard.Tests.E2E;

[Collection(LabBrowserCollection.Name)]
[Trait("Category", "Slow")]
public class LayoutTests(LabBrowserFixture browser)
{
    [Fact]
    public async Task Dark_mode_is_kept_across_a_reload_and_a_language_change()
    {
        var page = await browser.OpenAsync("/");
        var toggle = page.GetByTestId("theme-toggle");
        await Assertions.Expect(toggle).ToHaveAttributeAsync("aria-label", "Dark mode");

        await toggle.ClickAsync();
        await Assertions.Expect(toggle).ToHaveAttributeAsync("aria-label", "Light mode");

        await page.ReloadAsync();
        await LabBrowserFixture.WaitUntilInteractiveAsync(page);
        await Assertions.Expect(page.GetByTestId("theme-toggle")).ToHaveAttributeAsync("aria-label", "Light mode");

        await page.GetByRole(AriaRole.Button, new() { Name = "Language" }).ClickAsync();
        await page.GetByText("한국어").ClickAsync();
        await LabBrowserFixture.WaitUntilInteractiveAsync(page);
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "ko");
        await Assertions.Expect(page.GetByTestId("theme-toggle")).ToHaveAttributeAsync("aria-label", "라이트 모드");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_language_menu_button_is_named_for_screen_readers()
    {
        var page = await browser.OpenAsync("/");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Language", Exact = true })).ToBeVisibleAsync(new() { Timeout = 5_000 });
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_keyboard_focus_is_drawn_as_a_clear_outline()
    {
        var page = await browser.OpenAsync("/problems/exp-mle");
        var train = page.GetByTestId("train");
        for (var presses = 0; presses < 60 && !await train.EvaluateAsync<bool>("e => e === document.activeElement"); presses++)
            await page.Keyboard.PressAsync("Tab");

        var outline = await train.EvaluateAsync<string>("e => getComputedStyle(e).outlineStyle + ' ' + parseFloat(getComputedStyle(e).outlineWidth)");
        Assert.Equal("solid 3", outline);
        await page.Context.CloseAsync();
    }
}
