using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using ConferenceApp.BrowserTests.Support;

namespace ConferenceApp.BrowserTests;

/// <summary>
/// The program page's filters, search, day switcher, now/next marks and time zones in Chromium.
/// The demo conference has one day; the day switcher is tested on a two-day conference that an
/// organizer imports from frab XML.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed partial class ProgramViewsBrowserTests(BrowserFixture browser)
{
    private const string Demo = "/wids-tlv-2023/program";

    [Fact]
    public async Task Filter_form_narrows_program()
    {
        await using var context = await browser.NewContextAsync(390);
        var page = await context.NewPageAsync();
        await page.GotoAsync(Demo);

        await page.Locator("details.program-facets summary").ClickAsync();
        await page.GetByLabel("Talk", new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();

        await page.WaitForURLAsync(new Regex("kind=talk"));
        Assert.Equal(5, await page.Locator("article.item").CountAsync());
        await Assertions.Expect(page.Locator(".program-count")).ToContainTextAsync("5 of 14 items match.");

        await page.GetByRole(AriaRole.Link, new() { Name = "Clear filters and search" }).First.ClickAsync();
        await page.WaitForURLAsync(new Regex("/program$"));
        Assert.Equal(14, await page.Locator("article.item").CountAsync());
    }

    [Fact]
    public async Task Search_marks_matches_and_recovers()
    {
        await using var context = await browser.NewContextAsync(390);
        var page = await context.NewPageAsync();
        await page.GotoAsync(Demo);

        await page.GetByRole(AriaRole.Searchbox).FillAsync("smartwatches");
        await page.GetByRole(AriaRole.Searchbox).PressAsync("Enter");

        await page.WaitForURLAsync(new Regex("q=smartwatches"));
        Assert.Equal(1, await page.Locator("article.item").CountAsync());
        await Assertions.Expect(page.Locator("article.item mark").First).ToHaveTextAsync("Smartwatches");

        await page.GetByRole(AriaRole.Searchbox).FillAsync("no such words anywhere");
        await page.GetByRole(AriaRole.Searchbox).PressAsync("Enter");
        await Assertions.Expect(page.Locator(".no-match")).ToBeVisibleAsync();
        await page.Locator(".no-match a").ClickAsync();
        Assert.Equal(14, await page.Locator("article.item").CountAsync());
    }

    [Fact]
    public async Task Now_and_next_follow_clock()
    {
        await using var context = await browser.NewContextAsync(390);
        var page = await context.NewPageAsync();
        await page.Clock.InstallAsync(new() { TimeString = "2023-03-09T10:00:00+02:00" });

        await page.GotoAsync(Demo);

        var current = page.Locator("article.item.is-now");
        var next = page.Locator("article.item.is-next");
        await Assertions.Expect(current).ToHaveCountAsync(1);
        await Assertions.Expect(current.Locator("h3")).ToHaveTextAsync("Data Challenges in Recommender Systems Research: Insights from Bundle Recommendation");
        await Assertions.Expect(next.Locator("h3")).ToHaveTextAsync("Accounting Automation: Making Accounting Easier So That People Can Forget About It");
        await Assertions.Expect(current.Locator(".now-mark")).ToHaveTextAsync("Now");
        Assert.True(await page.EvaluateAsync<double>("window.scrollY") > 0, "The page did not scroll to the current item.");
    }

    [Fact]
    public async Task Touching_items_mark_later_one()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.Clock.InstallAsync(new() { TimeString = "2023-03-09T10:20:00+02:00" });

        await page.GotoAsync(Demo + "#session-1");

        await Assertions.Expect(page.Locator("article.item.is-now h3")).ToHaveTextAsync("Accounting Automation: Making Accounting Easier So That People Can Forget About It");
        await Assertions.Expect(page.Locator("article.item.is-next h3")).ToHaveTextAsync("Break");
    }

    [Fact]
    public async Task Nothing_marked_before_conference()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.Clock.InstallAsync(new() { TimeString = "2023-03-08T12:00:00+02:00" });

        await page.GotoAsync(Demo);

        Assert.Equal(0, await page.Locator(".is-now, .is-next").CountAsync());
        Assert.Equal(0, await page.EvaluateAsync<double>("window.scrollY"));
    }

    [Fact]
    public async Task Nothing_marked_when_last_item_ends()
    {
        await using var context = await browser.NewContextAsync();
        // Other tests of the collection move demo items and publish, so the end is read from the page.
        var end = await LastSlotEndAsync(context);
        var page = await context.NewPageAsync();
        await page.Clock.InstallAsync(new() { TimeString = end.ToString("o", CultureInfo.InvariantCulture) });

        await page.GotoAsync(Demo);

        Assert.Equal(0, await page.Locator(".is-now, .is-next").CountAsync());
        Assert.Equal(0, await page.EvaluateAsync<double>("window.scrollY"));
    }

    [Fact]
    public async Task Now_rules_module_classifies_entries()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(Demo);

        // Two rooms: 10:00-11:00 and 10:00-10:30, then 10:30-11:00 and an all-rooms item at 11:00.
        var result = await page.EvaluateAsync<string>("""
            () => {
              const m = 60 * 1000;
              const entries = [{ start: 0, end: 60 * m }, { start: 0, end: 30 * m }, { start: 30 * m, end: 60 * m }, { start: 60 * m, end: 90 * m }];
              const at = now => { const r = ProgramNow.classify(entries, now); return r.current.join(',') + '|' + r.next.join(',') + '|' + r.focus; };
              return [at(10 * m), at(30 * m), at(60 * m), at(90 * m), at(-13 * 60 * m)].join(' ');
            }
            """);

        Assert.Equal("0,1|2|0 0,2|3|0 3||3 ||-1 ||-1", result);
    }

    [Fact]
    public async Task Viewer_zone_shifts_times()
    {
        await using var context = await browser.NewContextAsync(390, timezoneId: "America/New_York");
        var page = await context.NewPageAsync();
        await page.GotoAsync(Demo);

        var toggle = page.Locator("#program-zone .zone-toggle");
        await Assertions.Expect(toggle).ToHaveTextAsync("Show my time zone (America/New_York)");
        await Assertions.Expect(page.Locator(".slot-time time").First).ToHaveTextAsync("08:45");

        await toggle.ClickAsync();

        await Assertions.Expect(toggle).ToHaveAttributeAsync("aria-pressed", "true");
        await Assertions.Expect(page.Locator("#program-zone .zone-label")).ToHaveTextAsync("Times in your time zone (America/New_York)");
        // 08:45 in Jerusalem (UTC+2) is 01:45 in New York (UTC-5), on the same date.
        await Assertions.Expect(page.Locator(".slot-time time").First).ToHaveTextAsync("01:45");

        await page.ReloadAsync();
        await Assertions.Expect(page.Locator(".slot-time time").First).ToHaveTextAsync("01:45");

        await page.Locator("#program-zone .zone-toggle").ClickAsync();
        await Assertions.Expect(page.Locator(".slot-time time").First).ToHaveTextAsync("08:45");
        await Assertions.Expect(toggle).ToHaveAttributeAsync("aria-pressed", "false");
        await Assertions.Expect(page.Locator("#program-zone .zone-label")).ToHaveTextAsync("Times in Asia/Jerusalem (UTC+02:00)");
    }

    [Fact]
    public async Task Viewer_zone_marks_other_date()
    {
        await using var context = await browser.NewContextAsync(timezoneId: "Pacific/Auckland");
        var page = await context.NewPageAsync();
        await page.GotoAsync(Demo);

        var lastTime = page.Locator(".slot-time time").Last;
        var end = DateTimeOffset.Parse((await lastTime.GetAttributeAsync("datetime"))!, CultureInfo.InvariantCulture);
        await page.Locator("#program-zone .zone-toggle").ClickAsync();

        // The demo's day ends in the afternoon in Jerusalem, which is after midnight of 10 March in Auckland (UTC+13).
        var inAuckland = TimeZoneInfo.ConvertTime(end, TimeZoneInfo.FindSystemTimeZoneById("Pacific/Auckland"));
        Assert.Equal(10, inAuckland.Day);
        var expected = $"^{inAuckland:HH\\:mm} \\(.*10.*\\)$";
        await Assertions.Expect(lastTime).ToHaveTextAsync(new Regex(expected));
    }

    [Fact]
    public async Task Day_switcher_shows_one_day()
    {
        await ImportTwoDaysAsync();
        await using var context = await browser.NewContextAsync(390);
        var page = await context.NewPageAsync();
        await page.Clock.InstallAsync(new() { TimeString = "2024-01-01T12:00:00+02:00" });
        await page.GotoAsync("/two-days/program");

        var days = page.Locator("section.program-day:visible");
        await Assertions.Expect(days).ToHaveCountAsync(1);
        await Assertions.Expect(days.Locator("h2")).ToHaveTextAsync("Tuesday, 10 September 2030");

        await page.GetByRole(AriaRole.Link, new() { Name = "Wed 11 Sep" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        await page.WaitForURLAsync(new Regex("day=2030-09-11"));
        await Assertions.Expect(days.Locator("h2")).ToHaveTextAsync("Wednesday, 11 September 2030");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Wed 11 Sep" })).ToHaveAttributeAsync("aria-current", "page");

        await page.GetByRole(AriaRole.Link, new() { Name = "All days" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("day=all"));
        await Assertions.Expect(days).ToHaveCountAsync(2);

        await page.GoBackAsync();
        await Assertions.Expect(days).ToHaveCountAsync(1);
        await Assertions.Expect(days.Locator("h2")).ToHaveTextAsync("Wednesday, 11 September 2030");

        await page.ReloadAsync();
        await Assertions.Expect(days.Locator("h2")).ToHaveTextAsync("Wednesday, 11 September 2030");
    }

    [Fact]
    public async Task Running_conference_opens_on_today()
    {
        await ImportTwoDaysAsync();
        await using var context = await browser.NewContextAsync(1280);
        var page = await context.NewPageAsync();
        await page.Clock.InstallAsync(new() { TimeString = "2030-09-11T09:15:00+03:00" });

        await page.GotoAsync("/two-days/program");

        var days = page.Locator("section.program-day:visible");
        await Assertions.Expect(days).ToHaveCountAsync(1);
        await Assertions.Expect(days.Locator("h2")).ToHaveTextAsync("Wednesday, 11 September 2030");
        await Assertions.Expect(page.Locator("article.item.is-now h3")).ToHaveTextAsync("Second day keynote");
    }

    [Fact]
    public async Task Grid_places_rooms_side_by_side()
    {
        await ImportTwoDaysAsync();
        await using var context = await browser.NewContextAsync(1280);
        var page = await context.NewPageAsync();

        await page.GotoAsync("/two-days/program?view=grid");

        var left = await page.GetByText("Talk in Hall A", new() { Exact = true }).BoundingBoxAsync();
        var right = await page.GetByText("Talk in Hall B", new() { Exact = true }).BoundingBoxAsync();
        Assert.NotNull(left);
        Assert.NotNull(right);
        Assert.True(Math.Abs(left.Y - right.Y) < 2, $"The two rooms' talks are at y={left.Y} and y={right.Y}.");
        Assert.True(right.X > left.X + 100, $"Hall B's talk is at x={right.X}, not right of Hall A's at x={left.X}.");
    }

    private static readonly SemaphoreSlim ImportLock = new(1, 1);
    private static bool _imported;

    // Creates and publishes, once per test run, the two-day conference "two-days" with two rooms.
    private async Task ImportTwoDaysAsync()
    {
        await ImportLock.WaitAsync();
        try
        {
            if (_imported)
            {
                return;
            }

            await using var context = await browser.NewContextAsync();
            var page = await context.NewPageAsync();
            await OrganizerSteps.LogInAsync(page, AppServer.OrganizerEmail);
            await page.GotoAsync("/organize/conferences/new");
            await page.Locator("input[name='Name']").FillAsync("Two days");
            await page.Locator("input[name='TimeZoneId']").FillAsync("Europe/Helsinki");
            await page.Locator("input[name='StartDate']").FillAsync("2030-09-10");
            await page.Locator("input[name='EndDate']").FillAsync("2030-09-11");
            await page.GetByRole(AriaRole.Button, new() { Name = "Create", Exact = true }).ClickAsync();
            await page.WaitForURLAsync(new Regex("/organize/two-days$"));

            await page.GotoAsync("/organize/two-days/import");
            await page.Locator("#format").SelectOptionAsync("frab-xml");
            await page.Locator("#file").SetInputFilesAsync(new FilePayload { Name = "two-days.xml", MimeType = "application/xml", Buffer = Encoding.UTF8.GetBytes(TwoDaysXml) });
            await page.GetByRole(AriaRole.Button, new() { Name = "Show the preview", Exact = true }).ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Import these changes", Exact = true }).ClickAsync();
            await page.WaitForURLAsync(new Regex("/organize/two-days/import$"));

            await OrganizerSteps.PublishAsync(page, "two-days");
            _imported = true;
        }
        finally
        {
            ImportLock.Release();
        }
    }

    private const string TwoDaysXml = """
        <?xml version="1.0" encoding="utf-8"?>
        <schedule>
          <conference>
            <title>Two days</title>
            <start>2030-09-10</start>
            <end>2030-09-11</end>
            <days>2</days>
            <time_zone_name>Europe/Helsinki</time_zone_name>
          </conference>
          <day index="1" date="2030-09-10">
            <room name="Hall A">
              <event id="1"><date>2030-09-10T10:00:00+03:00</date><start>10:00</start><duration>00:45</duration><room>Hall A</room><slug>a1</slug><title>Talk in Hall A</title><type>talk</type><persons /></event>
            </room>
            <room name="Hall B">
              <event id="2"><date>2030-09-10T10:00:00+03:00</date><start>10:00</start><duration>00:45</duration><room>Hall B</room><slug>b1</slug><title>Talk in Hall B</title><type>talk</type><persons /></event>
            </room>
          </day>
          <day index="2" date="2030-09-11">
            <room name="Hall A">
              <event id="3"><date>2030-09-11T09:00:00+03:00</date><start>09:00</start><duration>01:00</duration><room>Hall A</room><slug>a2</slug><title>Second day keynote</title><type>talk</type><persons /></event>
            </room>
            <room name="Hall B">
              <event id="4"><date>2030-09-11T11:00:00+03:00</date><start>11:00</start><duration>00:30</duration><room>Hall B</room><slug>b2</slug><title>Closing panel</title><type>talk</type><persons /></event>
            </room>
          </day>
        </schedule>
        """;

    // The end of the demo's last slot as the published program shows it.
    private static async Task<DateTimeOffset> LastSlotEndAsync(IBrowserContext context)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync(Demo);
        var ends = await page.Locator(".slot-time time").EvaluateAllAsync<string[]>("times => times.map(t => t.getAttribute('datetime'))");
        await page.CloseAsync();
        return ends.Select(value => DateTimeOffset.Parse(value, CultureInfo.InvariantCulture)).Max();
    }
}
