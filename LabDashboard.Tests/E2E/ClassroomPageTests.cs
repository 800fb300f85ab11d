using System.Text.RegularExpressions;
using LabDashboard.Engine.Runs;
using LabDashboard.Tests.Integration;
using Microsoft.Playwright;

namespace LabDashboard.Tests.E2E;

/// <summary>Issue 14: on a classroom server a browser is sent to sign in, registers with the join code, lands where it wanted to go and trains as its account.</summary>
[Collection(LabBrowserCollection.Name)]
[Trait("Category", "Slow")]
public class ClassroomPageTests(LabBrowserFixture browser)
{
    [Fact]
    public async Task A_student_registers_from_the_sign_in_redirect_and_trains_exp_mle_as_their_account()
    {
        await using var server = await LabServer.StartAsync(null, new LabServerOptions
        {
            Settings = new Dictionary<string, string?> { ["Classroom:Enabled"] = "true", ["Classroom:JoinCode"] = "owl-42" },
        });
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = server.BaseAddress.ToString(),
            Locale = "en-US",
            ViewportSize = new ViewportSize { Width = 1400, Height = 1000 },
        });
        context.SetDefaultTimeout(60_000);
        context.SetDefaultNavigationTimeout(90_000);
        var page = await context.NewPageAsync();

        await page.GotoAsync(ExamDraft.ExpMle);
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/signin\?ReturnUrl="));
        await page.GetByTestId("register-link").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/register\?returnUrl="));
        // Enhanced navigation changes the URL before it swaps the page: the sign-in form has an #Email too.
        await page.GetByTestId("register-form").WaitForAsync();
        await page.Locator("#Email").FillAsync("student@example.edu");
        await page.Locator("#Password").FillAsync("correct horse battery");
        await page.Locator("#JoinCode").FillAsync("owl-42");
        await LabBrowserFixture.ScreenshotAsync(page, "classroom-register");
        await page.GetByTestId("register-submit").ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex(Regex.Escape(ExamDraft.ExpMle) + "$"));
        await LabBrowserFixture.WaitUntilInteractiveAsync(page);
        await Assertions.Expect(page.GetByTestId("signed-in-as")).ToHaveTextAsync("student@example.edu");
        var runId = await LabBrowserFixture.TrainAsync(page);
        var checks = page.Locator($"[data-testid=answer-checks][data-run-id='{runId}']");
        await Assertions.Expect(checks.Locator("[data-testid=check][data-passed=true]")).ToHaveCountAsync(1, new() { Timeout = 90_000 });
        await Assertions.Expect(page.Locator($".live-chart-canvas[data-run-ids='{runId}']").First).ToHaveAttributeAsync("data-points", "100");
        await LabBrowserFixture.ScreenshotAsync(page, "classroom-exp-mle");
        await page.SetViewportSizeAsync(390, 844);
        await LabBrowserFixture.SettledAsync(page);
        Assert.Equal("", await OutsideTheAppBarAsync(page));
        await Assertions.Expect(page.GetByTestId("sign-out")).ToBeVisibleAsync();

        var owner = server.Runs.Get(runId)!.Summary.Owner;
        Assert.NotEqual(RunOwners.Local, owner);
        Assert.Equal(36, owner.Length);
        await context.CloseAsync();
    }

    /// <summary>The app bar's visible parts that reach past the window's right edge (the e-mail pushed sign-out off a phone's screen); empty when all fit.</summary>
    private static Task<string> OutsideTheAppBarAsync(IPage page) => page.EvaluateAsync<string>("""
        () => [...document.querySelectorAll('.mud-appbar *')]
            .filter(e => e.getClientRects().length > 0 && e.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
            .map(e => `${Math.round(e.getBoundingClientRect().right)} px: ${e.outerHTML.slice(0, 80)}`)
            .join(' ¦ ')
        """);
}
