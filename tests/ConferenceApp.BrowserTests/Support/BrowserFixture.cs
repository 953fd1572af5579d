namespace ConferenceApp.BrowserTests.Support;

/// <summary>
/// One app server and one headless Debian Chromium, shared by every browser test. Fails every
/// test of the collection, with the reason, when Chromium is not installed.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public AppServer Server { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                $"Chromium is missing at {ChromiumPath}. Install Debian's chromium package (apt-get install chromium), or run scripts/test, which installs it.");
        }

        Server = await AppServer.StartAsync();

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            // The machine has no network beyond loopback: Chromium's own background traffic
            // would only fail and clutter the log. --no-sandbox is needed when running as root.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();

        if (Server is not null)
        {
            await Server.DisposeAsync();
        }
    }

    /// <summary>Opens a fresh browser context (no cookies) with the given viewport width, and the browser's time zone set to <paramref name="timezoneId"/> when given.</summary>
    public async Task<IBrowserContext> NewContextAsync(int width = 1280, int height = 900, string? timezoneId = null)
    {
        var context = await Browser.NewContextAsync(new()
        {
            BaseURL = Server.BaseUrl,
            ViewportSize = new() { Width = width, Height = height },
            TimezoneId = timezoneId,
        });
        context.SetDefaultTimeout(15_000);
        return context;
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserTestGroup : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}
