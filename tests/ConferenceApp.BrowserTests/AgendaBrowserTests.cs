using ConferenceApp.BrowserTests.Support;
using Xunit.Abstractions;

namespace ConferenceApp.BrowserTests;

/// <summary>Stars, the agenda page, its share link and the private calendar feed in Chromium.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class AgendaBrowserTests(BrowserFixture browser, ITestOutputHelper output)
{
    private const string Program = "/wids-tlv-2023/program";

    [Theory]
    [InlineData(390)]
    [InlineData(1280)]
    public async Task Star_survives_reload(int width)
    {
        await using var context = await browser.NewContextAsync(width);
        var page = await context.NewPageAsync();
        await page.GotoAsync(Program, new() { WaitUntil = WaitUntilState.NetworkIdle });
        var star = page.Locator("article.item button.star-toggle").First;
        var key = await star.GetAttributeAsync("data-item-key");

        await Assertions.Expect(star).ToBeVisibleAsync();
        await Assertions.Expect(star).ToHaveAttributeAsync("aria-pressed", "false");
        await star.ClickAsync();
        await page.ReloadAsync(new() { WaitUntil = WaitUntilState.NetworkIdle });

        await Assertions.Expect(page.Locator($"button.star-toggle[data-item-key='{key}']")).ToHaveAttributeAsync("aria-pressed", "true");
        await Assertions.Expect(page.Locator($"button.star-toggle[aria-pressed='true']")).ToHaveCountAsync(1);
        await SaveScreenshotAsync(page, $"agenda-program-starred-{width}.png");
    }

    [Fact]
    public async Task Keyboard_toggles_star()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(Program, new() { WaitUntil = WaitUntilState.NetworkIdle });
        var star = page.Locator("article.item button.star-toggle").First;
        var title = await star.GetAttributeAsync("data-item-title");

        await star.FocusAsync();
        await page.Keyboard.PressAsync("Space");

        await Assertions.Expect(star).ToHaveAttributeAsync("aria-pressed", "true");
        await Assertions.Expect(page.Locator("[role=status][aria-live=polite]").Last).ToHaveTextAsync($"Starred: {title}");
        Assert.Equal($"Star {title}", await star.GetAttributeAsync("aria-label"));

        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(star).ToHaveAttributeAsync("aria-pressed", "false");
        await Assertions.Expect(page.Locator("[role=status][aria-live=polite]").Last).ToHaveTextAsync($"Star removed: {title}");
    }

    [Fact]
    public async Task Talk_page_star_shows_on_program()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(Program, new() { WaitUntil = WaitUntilState.NetworkIdle });
        var talkLink = page.Locator("article.item h3.item-title a").First;
        var key = await page.Locator("article.item .item-head:has(h3.item-title a) button.star-toggle").First.GetAttributeAsync("data-item-key");

        await talkLink.ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await page.Locator("article.talk button.star-toggle").ClickAsync();
        await SaveScreenshotAsync(page, "agenda-talk-starred.png");
        await page.GotoAsync(Program, new() { WaitUntil = WaitUntilState.NetworkIdle });

        await Assertions.Expect(page.Locator($"button.star-toggle[data-item-key='{key}']")).ToHaveAttributeAsync("aria-pressed", "true");
    }

    [Fact]
    public async Task Share_link_adds_stars()
    {
        await using var owner = await browser.NewContextAsync();
        var ownerPage = await owner.NewPageAsync();
        var keys = await StarAsync(ownerPage, 2);
        await ownerPage.Locator("a.agenda-link").ClickAsync();
        await ownerPage.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var shareUrl = await ownerPage.Locator("#agenda-share-url").InputValueAsync();

        await using var friend = await browser.NewContextAsync(390);
        var friendPage = await friend.NewPageAsync();
        await friendPage.GotoAsync(shareUrl, new() { WaitUntil = WaitUntilState.NetworkIdle });

        await Assertions.Expect(friendPage.Locator(".agenda-entry")).ToHaveCountAsync(2);
        await Assertions.Expect(friendPage.Locator(".agenda-shared")).ToBeVisibleAsync();
        await Assertions.Expect(friendPage.Locator(".agenda-tools")).ToBeHiddenAsync();
        await SaveScreenshotAsync(friendPage, "agenda-shared-390.png");
        await friendPage.Locator(".agenda-add").ClickAsync();
        await Assertions.Expect(friendPage.Locator(".agenda-shared")).ToBeHiddenAsync();
        await friendPage.GotoAsync(Program, new() { WaitUntil = WaitUntilState.NetworkIdle });

        foreach (var key in keys)
        {
            await Assertions.Expect(friendPage.Locator($"button.star-toggle[data-item-key='{key}']")).ToHaveAttributeAsync("aria-pressed", "true");
        }
    }

    [Fact]
    public async Task Feed_follows_stars()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var keys = await StarAsync(page, 2);
        await page.Locator("a.agenda-link").ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        await page.Locator(".feed-create").ClickAsync();
        await Assertions.Expect(page.Locator(".feed-active")).ToBeVisibleAsync();
        var feedUrl = await page.Locator("#agenda-feed-url").InputValueAsync();
        await SaveScreenshotAsync(page, "agenda-subscribed-1280.png");

        var first = await context.APIRequest.GetAsync(feedUrl);
        var firstIcs = await first.TextAsync();
        Assert.Equal(200, first.Status);
        foreach (var key in keys)
        {
            Assert.Contains($"UID:{key}@", firstIcs, StringComparison.Ordinal);
        }

        Assert.StartsWith("webcal://", await page.Locator(".feed-webcal").GetAttributeAsync("href"), StringComparison.Ordinal);

        var update = page.WaitForResponseAsync(response => response.Request.Method == "PUT");
        await page.Locator($".agenda-entry button.star-toggle[data-item-key='{keys[0]}']").ClickAsync();
        Assert.Equal(204, (await update).Status);

        var second = await (await context.APIRequest.GetAsync(feedUrl)).TextAsync();
        Assert.DoesNotContain($"UID:{keys[0]}@", second, StringComparison.Ordinal);
        Assert.Contains($"UID:{keys[1]}@", second, StringComparison.Ordinal);

        var stop = page.WaitForResponseAsync(response => response.Request.Method == "DELETE");
        await page.Locator(".feed-stop").ClickAsync();
        Assert.Equal(204, (await stop).Status);
        await Assertions.Expect(page.Locator(".feed-create")).ToBeVisibleAsync();
        Assert.Equal(404, (await context.APIRequest.GetAsync(feedUrl)).Status);
    }

    [Theory]
    [InlineData(2, 3, "Added 2 items to your stars.")]
    [InlineData(0, 2, "Added 1 item to your stars.")]
    public async Task Adding_shared_items_opens_own_agenda(int friendStarIndex, int mergedCount, string message)
    {
        await using var owner = await browser.NewContextAsync();
        var ownerPage = await owner.NewPageAsync();
        var ownerKeys = await StarAsync(ownerPage, 2);
        var shareUrl = $"/wids-tlv-2023/agenda?items={string.Join(',', ownerKeys)}";

        await using var friend = await browser.NewContextAsync(390);
        var friendPage = await friend.NewPageAsync();
        await friendPage.GotoAsync(Program, new() { WaitUntil = WaitUntilState.NetworkIdle });
        var friendStar = friendPage.Locator("article.item .item-head:has(h3.item-title a) button.star-toggle").Nth(friendStarIndex);
        var friendKey = (await friendStar.GetAttributeAsync("data-item-key"))!;
        await friendStar.ClickAsync();
        await friendPage.GotoAsync(shareUrl, new() { WaitUntil = WaitUntilState.NetworkIdle });
        await Assertions.Expect(friendPage.Locator(".agenda-shared")).ToBeVisibleAsync();

        await friendPage.Locator(".agenda-add").ClickAsync();
        await friendPage.WaitForLoadStateAsync(LoadState.NetworkIdle);

        var merged = ownerKeys.Append(friendKey).Distinct().ToList();
        await Assertions.Expect(friendPage.Locator(".agenda-message[role=status]")).ToHaveTextAsync(message);
        await Assertions.Expect(friendPage.Locator(".agenda-entry")).ToHaveCountAsync(mergedCount);
        await Assertions.Expect(friendPage.Locator(".agenda-shared")).ToBeHiddenAsync();
        await Assertions.Expect(friendPage.Locator(".agenda-tools")).ToBeVisibleAsync();
        await Assertions.Expect(friendPage.Locator("h1")).ToHaveTextAsync("My agenda");
        await SaveScreenshotAsync(friendPage, $"agenda-added-{mergedCount}-390.png");
        var itemsInAddress = new Uri(friendPage.Url).Query.Replace("?items=", "", StringComparison.Ordinal).Split(',');
        Assert.Equal(merged.Order(StringComparer.Ordinal), itemsInAddress.Order(StringComparer.Ordinal));
        foreach (var key in merged)
        {
            await Assertions.Expect(friendPage.Locator($".agenda-entry[data-item-key='{key}']")).ToHaveCountAsync(1);
        }
    }

    [Fact]
    public async Task Feed_gets_star_set_before_leaving()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var feedUrl = await SubscribeAsync(page);
        await page.GotoAsync(Program, new() { WaitUntil = WaitUntilState.NetworkIdle });
        var star = page.Locator("article.item .item-head:has(h3.item-title a) button.star-toggle").Nth(1);
        var key = (await star.GetAttributeAsync("data-item-key"))!;

        await star.ClickAsync();
        await page.GotoAsync("/wids-tlv-2023/agenda", new() { WaitUntil = WaitUntilState.NetworkIdle });

        Assert.True(await FeedContainsAsync(context, feedUrl, key), $"The feed has no event of {key}, starred just before the page was left.");
    }

    // NOTE: Under Playwright 1.64 with Chromium 156, requests that a page sends during pagehide
    // never reach the server, while plain headless Chromium sends them. So this test fires the
    // event itself, with the page's timers stopped so that the debounced update cannot stand in.
    [Fact]
    public async Task Pagehide_sends_waiting_update()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var feedUrl = await SubscribeAsync(page);
        await page.Clock.InstallAsync();
        await page.GotoAsync(Program, new() { WaitUntil = WaitUntilState.NetworkIdle });
        var star = page.Locator("article.item .item-head:has(h3.item-title a) button.star-toggle").Nth(1);
        var key = (await star.GetAttributeAsync("data-item-key"))!;
        var pageTime = await page.EvaluateAsync<long>("() => Date.now()");
        await page.Clock.PauseAtAsync(DateTimeOffset.FromUnixTimeMilliseconds(pageTime + 1000).UtcDateTime);
        await star.ClickAsync();
        Assert.False(await FeedContainsAsync(context, feedUrl, key, TimeSpan.FromSeconds(1)), $"The feed has {key} while the page's timers are stopped.");

        var update = page.WaitForResponseAsync(response => response.Request.Method == "PUT");
        await page.EvaluateAsync("() => window.dispatchEvent(new PageTransitionEvent('pagehide'))");

        Assert.Equal(204, (await update).Status);
        Assert.True(await FeedContainsAsync(context, feedUrl, key), $"The feed has no event of {key} after pagehide.");
    }

    [Fact]
    public async Task Feed_catches_up_on_load()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var feedUrl = await SubscribeAsync(page);
        await page.GotoAsync(Program, new() { WaitUntil = WaitUntilState.NetworkIdle });
        var star = page.Locator("article.item .item-head:has(h3.item-title a) button.star-toggle").Nth(1);
        var key = (await star.GetAttributeAsync("data-item-key"))!;

        // The update of this star fails as it would without a network.
        await page.RouteAsync("**/agenda/feeds/*", route => route.AbortAsync());
        var failed = new TaskCompletionSource();
        page.RequestFailed += (_, request) => failed.TrySetResult();
        await star.ClickAsync();
        await failed.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await page.UnrouteAllAsync();
        Assert.False(await FeedContainsAsync(context, feedUrl, key, TimeSpan.Zero), $"The feed has {key} although its update failed.");

        var update = page.WaitForResponseAsync(response => response.Request.Method == "PUT");
        await page.GotoAsync(Program, new() { WaitUntil = WaitUntilState.NetworkIdle });

        Assert.Equal(204, (await update).Status);
        Assert.True(await FeedContainsAsync(context, feedUrl, key), $"The feed has no event of {key} after a page load.");

        var puts = 0;
        page.Request += (_, request) => puts += request.Method == "PUT" ? 1 : 0;
        await page.ReloadAsync(new() { WaitUntil = WaitUntilState.NetworkIdle });
        Assert.Equal(0, puts);
    }

    // Below the md breakpoint the time is above every title, short or wrapped. From md on it is beside it.
    [Theory]
    [InlineData(390, true)]
    [InlineData(1280, false)]
    public async Task Time_sits_alike_in_every_row(int width, bool timeAbove)
    {
        await using var context = await browser.NewContextAsync(width);
        var page = await context.NewPageAsync();
        await page.GotoAsync(Program, new() { WaitUntil = WaitUntilState.NetworkIdle });
        var keys = await page.Locator("article.item button.star-toggle").EvaluateAllAsync<string[]>(
            "buttons => [...new Set(buttons.map(b => b.dataset.itemKey))].slice(0, 8)");

        await page.GotoAsync($"/wids-tlv-2023/agenda?items={string.Join(',', keys)}", new() { WaitUntil = WaitUntilState.NetworkIdle });
        await SaveScreenshotAsync(page, $"agenda-rows-{width}.png");
        var rows = page.Locator(".agenda-entry:has(.agenda-time)");
        var count = await rows.CountAsync();

        Assert.True(count >= 5, $"The agenda lists only {count} scheduled items.");
        for (var i = 0; i < count; i++)
        {
            var time = (await rows.Nth(i).Locator(".agenda-time").BoundingBoxAsync())!;
            var title = (await rows.Nth(i).Locator("h3").BoundingBoxAsync())!;
            var titleText = (await rows.Nth(i).Locator("h3").InnerTextAsync()).Trim();
            if (timeAbove)
            {
                Assert.True(time.Y + time.Height <= title.Y + 1, $"The time of \"{titleText}\" is not above its title at {width} px.");
            }
            else
            {
                Assert.True(time.X + time.Width <= title.X + 1, $"The time of \"{titleText}\" is not beside its title at {width} px.");
                Assert.True(time.Y < title.Y + title.Height, $"The time of \"{titleText}\" is below its title at {width} px.");
                Assert.True(title.Y < time.Y + time.Height, $"The time of \"{titleText}\" is above its title at {width} px.");
            }
        }
    }

    // Stars the first talk, opens the agenda, subscribes, and returns the feed's address.
    private static async Task<string> SubscribeAsync(IPage page)
    {
        await StarAsync(page, 1);
        await page.Locator("a.agenda-link").ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await page.Locator(".feed-create").ClickAsync();
        await Assertions.Expect(page.Locator(".feed-active")).ToBeVisibleAsync();
        return await page.Locator("#agenda-feed-url").InputValueAsync();
    }

    // Reads the feed until it has an event of the key or 5 seconds (or the given wait) have passed,
    // because an update sent while a page is left may still be on its way.
    private static async Task<bool> FeedContainsAsync(IBrowserContext context, string feedUrl, string key, TimeSpan? wait = null)
    {
        var deadline = DateTime.UtcNow + (wait ?? TimeSpan.FromSeconds(5));
        while (true)
        {
            var ics = await (await context.APIRequest.GetAsync(feedUrl)).TextAsync();
            if (ics.Contains($"UID:{key}@", StringComparison.Ordinal))
            {
                return true;
            }

            if (DateTime.UtcNow >= deadline)
            {
                return false;
            }

            await Task.Delay(100);
        }
    }

    [Fact]
    public async Task Starred_share_link_leads_to_own_agenda()
    {
        await using var context = await browser.NewContextAsync(390);
        var page = await context.NewPageAsync();
        var keys = await StarAsync(page, 2);

        await page.GotoAsync($"/wids-tlv-2023/agenda?items={keys[0]}", new() { WaitUntil = WaitUntilState.NetworkIdle });

        await Assertions.Expect(page.Locator(".agenda-shared-starred")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".agenda-shared-new")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator(".agenda-add")).ToBeHiddenAsync();
        await page.Locator(".agenda-own-link").ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await Assertions.Expect(page.Locator(".agenda-entry")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator(".agenda-tools")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Unknown_shared_keys_are_not_starred()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(Program, new() { WaitUntil = WaitUntilState.NetworkIdle });
        var key = (await page.Locator("article.item .item-head:has(h3.item-title a) button.star-toggle").First.GetAttributeAsync("data-item-key"))!;

        await page.GotoAsync($"/wids-tlv-2023/agenda?items=talk-999999,{key}", new() { WaitUntil = WaitUntilState.NetworkIdle });
        await page.Locator(".agenda-add").ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        var stars = await page.EvaluateAsync<string[]>("() => JSON.parse(localStorage.getItem('conferenceapp:stars:wids-tlv-2023'))");
        Assert.Equal([key], stars);
        await Assertions.Expect(page.Locator(".agenda-message[role=status]")).ToHaveTextAsync("Added 1 item to your stars.");
    }

    // Stars the first talks on the program whose star is in a title with a talk link, and returns their keys.
    private static async Task<List<string>> StarAsync(IPage page, int count)
    {
        await page.GotoAsync(Program, new() { WaitUntil = WaitUntilState.NetworkIdle });
        var stars = page.Locator("article.item .item-head:has(h3.item-title a) button.star-toggle");
        var keys = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var star = stars.Nth(i);
            keys.Add((await star.GetAttributeAsync("data-item-key"))!);
            await star.ClickAsync();
            await Assertions.Expect(star).ToHaveAttributeAsync("aria-pressed", "true");
        }

        return keys;
    }

    private async Task SaveScreenshotAsync(IPage page, string fileName)
    {
        Directory.CreateDirectory(BuildPaths.ScreenshotFolder);
        var path = Path.Combine(BuildPaths.ScreenshotFolder, fileName);
        await page.ScreenshotAsync(new() { Path = path, FullPage = true });
        output.WriteLine($"Screenshot: {path}");
    }
}
