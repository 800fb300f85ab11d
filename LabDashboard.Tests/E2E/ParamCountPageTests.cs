using Microsoft.Playwright;

namespace LabDashboard.Tests.E2E;

[Collection(LabBrowserCollection.Name)]
[Trait("Category", "Slow")]
public class ParamCountPageTests(LabBrowserFixture browser)
{
    [Fact]
    public async Task Answering_the_quiz_marks_each_pick_and_show_answers_reveals_the_rest()
    {
        var page = await browser.OpenAsync("/problems/param-count");
        var pair1 = page.Locator("section[data-pair='1']");
        var pair3 = page.Locator("section[data-pair='3']");
        await Assertions.Expect(pair1.Locator("td[data-total]")).ToHaveCountAsync(2);

        await page.GetByLabel("Quiz mode").CheckAsync();
        await Assertions.Expect(pair1.Locator("td[data-total]")).ToHaveCountAsync(0);

        await page.GetByRole(AriaRole.Button, new() { Name = "Pair 1: net2", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Pair 3: conv1", Exact = true }).ClickAsync();

        await Assertions.Expect(pair1.Locator("[data-mark]")).ToHaveAttributeAsync("data-mark", "correct");
        await Assertions.Expect(pair1.Locator("td[data-total]")).ToHaveTextAsync(["10", "11"]);
        await Assertions.Expect(pair3.Locator("[data-mark]")).ToHaveAttributeAsync("data-mark", "wrong");
        await Assertions.Expect(page.Locator("section[data-pair='2'] [data-mark]")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator(".score")).ToContainTextAsync("Score: 1 / 2 answered of 5");

        await page.GetByRole(AriaRole.Button, new() { Name = "Show answers" }).ClickAsync();
        await Assertions.Expect(page.Locator("section[data-pair='5'] [data-mark]")).ToHaveAttributeAsync("data-mark", "unanswered");
        await Assertions.Expect(page.Locator("section[data-pair='5'] td[data-total]")).ToHaveTextAsync(["20", "20"]);
        await LabBrowserFixture.ScreenshotAsync(page, "param-count-quiz");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_layer_editor_explains_a_mismatch_and_recounts_when_it_is_fixed()
    {
        var page = await browser.OpenAsync("/problems/param-count");
        var total = page.Locator("table.editor td[data-total]");
        await Assertions.Expect(total).ToHaveAttributeAsync("data-total", "13610");

        await page.GetByLabel("Layer 5 in", new() { Exact = true }).FillAsync("100");
        await page.GetByLabel("Layer 5 in", new() { Exact = true }).PressAsync("Tab");
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Layer 5 (Linear(100, 10)): expects the last dimension to be 100, but the input is (1, 1352).");

        await page.GetByLabel("Layer 1 out", new() { Exact = true }).FillAsync("4");
        await page.GetByLabel("Layer 1 out", new() { Exact = true }).PressAsync("Tab");
        await page.GetByLabel("Layer 5 in", new() { Exact = true }).FillAsync("676");
        await page.GetByLabel("Layer 5 in", new() { Exact = true }).PressAsync("Tab");
        await Assertions.Expect(total).ToHaveAttributeAsync("data-total", (1 * 4 * 9 + 4 + 676 * 10 + 10).ToString());
        await page.Context.CloseAsync();
    }
}
