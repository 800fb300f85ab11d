using System.Text.RegularExpressions;
using LabDashboard.Tests.Integration;
using Microsoft.Playwright;

namespace LabDashboard.Tests.E2E;

/// <summary>
/// A <see cref="LabServer"/> plus Debian's Chromium (<c>/usr/bin/chromium</c>, headless) driven by
/// Playwright, shared by the E2E tests of a collection. Playwright never downloads a browser here.
/// Use <see cref="OpenAsync"/> to get a page that is ready for input.
/// </summary>
public sealed class LabBrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
    ];

    private LabServer? _server;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public LabServer Server => _server ?? throw new InvalidOperationException("Not started.");

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("Not started.");

    private static readonly Regex RunLink = new(@"[?&]run=([0-9a-f]+)");

    /// <summary>Where <see cref="ScreenshotAsync"/> writes (under the test output folder).</summary>
    public static string ScreenshotFolder { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException($"{ChromiumPath} is missing: install Debian's chromium (apt-get install -y chromium).");
        _server = await LabServer.StartAsync();
        Assertions.SetDefaultExpectTimeout(60_000);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    /// <summary>
    /// A new page (own context, English UI, 1400×1000) at <paramref name="path"/>, returned once the
    /// Blazor circuit is interactive — clicks before that would be lost. <paramref name="beforeLoad"/>
    /// sees the page before it navigates (e.g. to listen to its web sockets from the start);
    /// <paramref name="viewport"/> replaces the 1400×1000 window (e.g. a phone's 390×844);
    /// <paramref name="server"/> replaces <see cref="Server"/> (e.g. a web front of a lab cluster).
    /// </summary>
    public async Task<IPage> OpenAsync(string path, string locale = "en-US", Action<IPage>? beforeLoad = null, ViewportSize? viewport = null,
        Uri? server = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = (server ?? Server.BaseAddress).ToString(),
            Locale = locale,
            ViewportSize = viewport ?? new ViewportSize { Width = 1400, Height = 1000 },
        });
        // Generous limits: on a busy 2-core machine the first chart import alone can take seconds.
        context.SetDefaultTimeout(60_000);
        context.SetDefaultNavigationTimeout(90_000);
        var page = await context.NewPageAsync();
        beforeLoad?.Invoke(page);
        await page.GotoAsync(path);
        await WaitUntilInteractiveAsync(page);
        return page;
    }

    /// <summary>Waits for the layout's marker, rendered only after the first interactive render.</summary>
    public static Task WaitUntilInteractiveAsync(IPage page) =>
        page.Locator("#lab-root[data-interactive=true]").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });

    /// <summary>
    /// Presses Train (or "Train again with these settings" when a run is shown) and returns the new run's id once the page has deep-linked it (<c>?run=…</c>).
    /// The link is written with history.replaceState, so the URL is polled rather than awaited as a navigation.
    /// </summary>
    public static async Task<string> TrainAsync(IPage page)
    {
        await page.GetByTestId("train").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(RunLink);
        return RunLink.Match(page.Url).Groups[1].Value;
    }

    /// <summary>Saves a full-page PNG as <c>screenshots/{name}.png</c> in the test output, once the layout has settled; returns its path.</summary>
    public static async Task<string> ScreenshotAsync(IPage page, string name)
    {
        await SettledAsync(page);
        Directory.CreateDirectory(ScreenshotFolder);
        var path = Path.Combine(ScreenshotFolder, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }

    /// <summary>
    /// Waits for every finite CSS transition and animation to end (spinners run forever and are not waited
    /// for): right after a resize the drawer's margin is still sliding, which showed as an empty band at 390 px.
    /// </summary>
    public static Task SettledAsync(IPage page) => page.WaitForFunctionAsync("""
        () => document.getAnimations().every(a => a.playState !== 'running' || a.effect?.getComputedTiming().endTime === Infinity)
        """);

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
        if (_server is not null) await _server.DisposeAsync();
    }
}

// Alone, after the parallel phase: a page load competing with CPU-bound training tests in this process can exceed any sane timeout.
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class LabBrowserCollection : ICollectionFixture<LabBrowserFixture>
{
    public const string Name = "lab browser";
}
