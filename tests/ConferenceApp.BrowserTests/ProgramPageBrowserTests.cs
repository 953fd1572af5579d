using ConferenceApp.BrowserTests.Support;
using Xunit.Abstractions;

namespace ConferenceApp.BrowserTests;

/// <summary>The public program in Chromium, on a phone-sized and a desktop-sized viewport.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class ProgramPageBrowserTests(BrowserFixture browser, ITestOutputHelper output)
{
    [Theory]
    [InlineData(390)]
    [InlineData(1280)]
    public async Task Program_renders_without_console_errors(int width)
    {
        await using var context = await browser.NewContextAsync(width);
        var page = await context.NewPageAsync();
        var problems = WatchForProblems(page);

        var response = await page.GotoAsync("/wids-tlv-2023/program", new() { WaitUntil = WaitUntilState.NetworkIdle });
        var screenshot = await SaveScreenshotAsync(page, $"program-{width}.png");

        Assert.Equal(200, response?.Status);
        Assert.Equal("WiDS TLV 2023: program", await page.Locator("main h1").InnerTextAsync());
        Assert.Equal(14, await page.Locator("article.item").CountAsync());
        Assert.True(problems.Count == 0, "The page reported problems:" + Environment.NewLine + string.Join(Environment.NewLine, problems));
        Assert.True(new FileInfo(screenshot).Length > 0, $"The screenshot {screenshot} is empty.");
    }

    [Theory]
    [InlineData(390)]
    [InlineData(1280)]
    public async Task Program_fits_the_viewport_width(int width)
    {
        await using var context = await browser.NewContextAsync(width);
        var page = await context.NewPageAsync();

        await page.GotoAsync("/wids-tlv-2023/program", new() { WaitUntil = WaitUntilState.NetworkIdle });
        var scrollWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");

        Assert.True(scrollWidth <= width, $"The page is {scrollWidth} px wide in a {width} px viewport, so it scrolls sideways.");
    }

    [Fact]
    public async Task Program_styles_come_from_Bootstrap()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();

        await page.GotoAsync("/wids-tlv-2023/program", new() { WaitUntil = WaitUntilState.NetworkIdle });

        // Bootstrap 5 sets this custom property on :root; without the stylesheet it is empty.
        var primary = await page.EvaluateAsync<string>("getComputedStyle(document.documentElement).getPropertyValue('--bs-primary').trim()");
        Assert.NotEqual("", primary);
    }

    /// <summary>Collects console errors, uncaught exceptions, failed requests and error responses of a page.</summary>
    private static List<string> WatchForProblems(IPage page)
    {
        var problems = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                problems.Add($"console error: {message.Text}");
            }
        };
        page.PageError += (_, error) => problems.Add($"uncaught exception: {error}");
        page.RequestFailed += (_, request) => problems.Add($"request failed: {request.Url} ({request.Failure})");
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                problems.Add($"HTTP {response.Status}: {response.Url}");
            }
        };
        return problems;
    }

    private async Task<string> SaveScreenshotAsync(IPage page, string fileName)
    {
        Directory.CreateDirectory(BuildPaths.ScreenshotFolder);
        var path = Path.Combine(BuildPaths.ScreenshotFolder, fileName);

        await page.ScreenshotAsync(new() { Path = path, FullPage = true });

        output.WriteLine($"Screenshot: {path}");
        return path;
    }
}
