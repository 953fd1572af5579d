using ConferenceApp.BrowserTests.Support;
using Xunit.Abstractions;

namespace ConferenceApp.BrowserTests;

/// <summary>The colour modes, the print layout and the offline copies of the public pages in Chromium.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class AttendeePagesBrowserTests(BrowserFixture browser, ITestOutputHelper output)
{
    private const string ProgramPath = "/wids-tlv-2023/program";
    private const string TalkPath = "/wids-tlv-2023/talks/accounting-automation";

    [Theory]
    [InlineData("dark", true)]
    [InlineData("light", false)]
    public async Task Body_follows_system_color_scheme(string scheme, bool dark)
    {
        await using var context = await NewContextAsync(scheme == "dark" ? ColorScheme.Dark : ColorScheme.Light);
        var page = await context.NewPageAsync();

        await page.GotoAsync(ProgramPath, new() { WaitUntil = WaitUntilState.NetworkIdle });
        var background = Luminance(await page.EvaluateAsync<string>("getComputedStyle(document.body).backgroundColor"));
        var text = Luminance(await page.EvaluateAsync<string>("getComputedStyle(document.body).color"));
        await SaveScreenshotAsync(page, $"program-{scheme}.png");

        Assert.Equal(dark, background < 0.2);
        Assert.Equal(dark, text > 0.6);
    }

    [Fact]
    public async Task Print_hides_controls_and_keeps_items()
    {
        await using var context = await NewContextAsync(ColorScheme.Dark);
        var page = await context.NewPageAsync();

        await page.GotoAsync(ProgramPath, new() { WaitUntil = WaitUntilState.NetworkIdle });
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await SaveScreenshotAsync(page, "program-print.png");

        foreach (var hidden in new[] { "body > header", "body > footer", ".exports", ".program-filter", ".program-navs", ".star-toggle" })
        {
            Assert.False(await page.Locator(hidden).First.IsVisibleAsync(), $"{hidden} is visible in print.");
        }

        var items = page.Locator("article.item");
        Assert.Equal(14, await items.CountAsync());
        for (var index = 0; index < await items.CountAsync(); index++)
        {
            Assert.True(await items.Nth(index).IsVisibleAsync(), $"Item {index} is hidden in print.");
        }

        Assert.True(await page.Locator(".slot-time").First.IsVisibleAsync());
        Assert.True(await page.Locator(".item-meta .room").First.IsVisibleAsync());
        Assert.Equal("rgb(255, 255, 255)", await page.EvaluateAsync<string>("getComputedStyle(document.body).backgroundColor"));
        Assert.Equal("rgb(0, 0, 0)", await page.EvaluateAsync<string>("getComputedStyle(document.body).color"));
        Assert.Equal("avoid", await page.EvaluateAsync<string>("getComputedStyle(document.querySelector('.timeline .slot')).breakInside"));
    }

    [Fact]
    public async Task Print_hides_share_control()
    {
        await using var context = await NewContextAsync(ColorScheme.Light);
        var page = await context.NewPageAsync();

        await page.GotoAsync(TalkPath, new() { WaitUntil = WaitUntilState.NetworkIdle });
        Assert.True(await page.Locator(".share").IsVisibleAsync());
        Assert.True(await page.Locator(".share-button").IsVisibleAsync());
        await page.EmulateMediaAsync(new() { Media = Media.Print });

        Assert.False(await page.Locator(".share").IsVisibleAsync());
        Assert.False(await page.Locator(".calendar-link").IsVisibleAsync());
        Assert.True(await page.Locator("main h1").IsVisibleAsync());
    }

    [Fact]
    public async Task Print_pdf_is_written()
    {
        await using var context = await NewContextAsync(ColorScheme.Light);
        var page = await context.NewPageAsync();

        await page.GotoAsync(ProgramPath, new() { WaitUntil = WaitUntilState.NetworkIdle });
        Directory.CreateDirectory(BuildPaths.ScreenshotFolder);
        var path = Path.Combine(BuildPaths.ScreenshotFolder, "program.pdf");
        await page.PdfAsync(new() { Path = path, PreferCSSPageSize = true });
        output.WriteLine($"PDF: {path}");

        Assert.True(new FileInfo(path).Length > 1000, $"The PDF {path} is nearly empty.");
    }

    [Fact]
    public async Task Offline_program_shows_saved_copy()
    {
        await using var context = await NewContextAsync(ColorScheme.Light);
        var page = await context.NewPageAsync();

        await page.GotoAsync(ProgramPath, new() { WaitUntil = WaitUntilState.NetworkIdle });
        await WaitForSavedAsync(page, ProgramPath);
        Assert.False(await page.Locator(".offline-notice").IsVisibleAsync());

        await context.SetOfflineAsync(true);
        await page.ReloadAsync();
        await SaveScreenshotAsync(page, "program-offline.png");

        Assert.Equal("WiDS TLV 2023: program", await page.Locator("main h1").InnerTextAsync());
        Assert.Equal(14, await page.Locator("article.item").CountAsync());
        Assert.True(await page.Locator(".offline-notice").IsVisibleAsync());
        Assert.StartsWith("You are offline. This is a copy saved at ", await page.Locator(".offline-notice").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("rgb(255, 255, 255)", await page.EvaluateAsync<string>("getComputedStyle(document.body).backgroundColor"));
    }

    [Fact]
    public async Task Offline_talk_visited_before()
    {
        await using var context = await NewContextAsync(ColorScheme.Light);
        var page = await context.NewPageAsync();
        await page.GotoAsync(ProgramPath, new() { WaitUntil = WaitUntilState.NetworkIdle });
        await WaitForSavedAsync(page, ProgramPath);

        await page.GotoAsync(TalkPath, new() { WaitUntil = WaitUntilState.NetworkIdle });
        Assert.False(await page.Locator(".offline-notice").IsVisibleAsync());
        await WaitForSavedAsync(page, TalkPath);
        await context.SetOfflineAsync(true);
        await page.GotoAsync(ProgramPath);
        await page.GotoAsync(TalkPath);

        Assert.StartsWith("Accounting Automation", await page.Locator("main h1").InnerTextAsync(), StringComparison.Ordinal);
        Assert.True(await page.Locator(".offline-notice").IsVisibleAsync());
    }

    [Fact]
    public async Task Offline_unvisited_page_fails()
    {
        await using var context = await NewContextAsync(ColorScheme.Light);
        var page = await context.NewPageAsync();
        await page.GotoAsync(ProgramPath, new() { WaitUntil = WaitUntilState.NetworkIdle });
        await WaitForSavedAsync(page, ProgramPath);

        await context.SetOfflineAsync(true);
        var error = await Assert.ThrowsAsync<PlaywrightException>(() => page.GotoAsync("/wids-tlv-2023/speakers/juan-liu"));

        Assert.Contains("ERR_", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Worker_skips_organizer_pages()
    {
        await using var context = await NewContextAsync(ColorScheme.Light);
        var page = await context.NewPageAsync();
        await page.GotoAsync(ProgramPath, new() { WaitUntil = WaitUntilState.NetworkIdle });
        await WaitForSavedAsync(page, ProgramPath);

        await page.GotoAsync("/Identity/Account/Login", new() { WaitUntil = WaitUntilState.NetworkIdle });
        await page.GotoAsync("/organize", new() { WaitUntil = WaitUntilState.NetworkIdle });
        var saved = await page.EvaluateAsync<string[]>(
            "async () => { const names = await caches.keys(); const cache = await caches.open(names[0]); return (await cache.keys()).map(r => new URL(r.url).pathname); }");

        Assert.Contains(ProgramPath, saved);
        Assert.DoesNotContain(saved, path => path.StartsWith("/Identity", StringComparison.OrdinalIgnoreCase) || path.StartsWith("/organize", StringComparison.Ordinal));
    }

    private async Task<IBrowserContext> NewContextAsync(ColorScheme scheme)
    {
        var context = await browser.Browser.NewContextAsync(new()
        {
            BaseURL = browser.Server.BaseUrl,
            ViewportSize = new() { Width = 1280, Height = 900 },
            ColorScheme = scheme,
        });
        context.SetDefaultTimeout(15_000);
        return context;
    }

    // Waits until the service worker controls the page and has saved the address in its cache.
    private static async Task WaitForSavedAsync(IPage page, string path)
    {
        await page.EvaluateAsync("() => navigator.serviceWorker.ready");
        await page.WaitForFunctionAsync(
            "async path => { for (const name of await caches.keys()) { if (await (await caches.open(name)).match(path)) return true; } return false; }",
            path);
    }

    // An estimate of the lightness (0 black to 1 white) of a computed "rgb(r, g, b)" colour: the
    // Rec. 709 weights applied to the sRGB values without linearizing them, enough to tell dark from light.
    private static double Luminance(string rgb)
    {
        var parts = rgb.Trim().TrimStart("rgba(".ToCharArray()).TrimEnd(')').Split(',').Take(3)
            .Select(part => double.Parse(part, System.Globalization.CultureInfo.InvariantCulture) / 255).ToArray();
        return (0.2126 * parts[0]) + (0.7152 * parts[1]) + (0.0722 * parts[2]);
    }

    private async Task SaveScreenshotAsync(IPage page, string fileName)
    {
        Directory.CreateDirectory(BuildPaths.ScreenshotFolder);
        var path = Path.Combine(BuildPaths.ScreenshotFolder, fileName);
        await page.ScreenshotAsync(new() { Path = path, FullPage = true });
        output.WriteLine($"Screenshot: {path}");
    }
}
