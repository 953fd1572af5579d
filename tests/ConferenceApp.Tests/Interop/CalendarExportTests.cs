using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using ConferenceApp.Data;
using ConferenceApp.Domain;
using ConferenceApp.Features.Interop.Calendar;
using ConferenceApp.Infrastructure.Calendar;
using ConferenceApp.Tests.Organize;
using ConferenceApp.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ConferenceApp.Tests.Interop;

/// <summary>The calendar files of the demo conference (Asia/Jerusalem) as the app serves them.</summary>
[Collection(IcalNetResolverGroup.Name)]
public sealed class CalendarExportTests : IAsyncLifetime, IDisposable
{
    private const string Conference = DemoConference.Slug;
    // Without Site:PublicUrl, links use the request's host and UIDs the fallback host.
    private const string Host = "localhost";
    private const string TalkSlug = "accounting-automation";
    private const string SpeakerSlug = "juan-liu";

    private readonly MovableTimeProvider _clock = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));

    public CalendarExportTests()
    {
        App = new AppFactory
        {
            TestServices = services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(_clock)),
        };
    }

    private AppFactory App { get; }

    private HttpClient Client { get; set; } = null!;

    public Task InitializeAsync()
    {
        Client = App.CreateClient();
        return Task.CompletedTask;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        App.Dispose();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task Schedule_times_match_clock()
    {
        var ics = await Client.GetStringAsync($"/{Conference}/schedule.ics");
        var expected = await ExpectedTimesAsync();

        var fromVTimeZone = IcalNetReader.TimesFromVTimeZone(ics);
        var fromTzdb = IcalNetReader.TimesFromTzdb(ics);

        Assert.True(expected.Count > 10, $"The demo program has only {expected.Count} items.");
        Assert.Equal(expected.Keys.Order(), fromVTimeZone.Keys.Order());
        foreach (var (uid, times) in expected)
        {
            Assert.Equal(times, fromVTimeZone[uid]);
            Assert.Equal(times, fromTzdb[uid]);
        }
    }

    [Fact]
    public async Task Schedule_is_valid_icalendar()
    {
        var lines = IcsReader.ReadChecked(await Client.GetStringAsync($"/{Conference}/schedule.ics"));

        Assert.Equal("Asia/Jerusalem", IcsReader.Value(lines, "X-WR-TIMEZONE"));
        Assert.Equal("WiDS TLV 2023", IcsReader.Value(lines, "X-WR-CALNAME"));
        Assert.Equal("Asia/Jerusalem", IcsReader.Value(Assert.Single(IcsReader.Components(lines, "VTIMEZONE")), "TZID"));
        var events = IcsReader.Components(lines, "VEVENT");
        var uids = events.Select(e => IcsReader.Value(e, "UID")).ToList();
        Assert.Equal(uids.Count, uids.Distinct().Count());
        foreach (var calendarEvent in events)
        {
            foreach (var required in new[] { "UID", "DTSTAMP", "SEQUENCE", "SUMMARY", "DESCRIPTION", "LOCATION", "URL", "CATEGORIES" })
            {
                Assert.True(IcsReader.Value(calendarEvent, required) is not null, $"{IcsReader.Value(calendarEvent, "UID")} has no {required}.");
            }

            Assert.StartsWith("DTSTART;TZID=Asia/Jerusalem:", calendarEvent.Single(l => l.StartsWith("DTSTART", StringComparison.Ordinal)), StringComparison.Ordinal);
            Assert.StartsWith($"http://{Host}/{Conference}/", IcsReader.Value(calendarEvent, "URL"), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Public_address_sets_links_and_uids()
    {
        using var app = new AppFactory { Settings = new() { ["Site:PublicUrl"] = "https://program.example.org" } };
        var talkId = await TalkIdAsync(TalkSlug);

        var lines = IcsReader.ReadChecked(await app.CreateClient().GetStringAsync($"/{Conference}/talks/{TalkSlug}.ics"));

        var calendarEvent = Assert.Single(IcsReader.Components(lines, "VEVENT"));
        Assert.Equal($"talk-{talkId}@program.example.org", IcsReader.Value(calendarEvent, "UID"));
        Assert.Equal($"https://program.example.org/{Conference}/talks/{TalkSlug}", IcsReader.Value(calendarEvent, "URL"));
    }

    [Theory]
    [InlineData($"/{Conference}/schedule.ics", null)]
    [InlineData($"/{Conference}/talks/{TalkSlug}.ics", $"{TalkSlug}.ics")]
    [InlineData($"/{Conference}/speakers/{SpeakerSlug}.ics", $"{SpeakerSlug}.ics")]
    public async Task Export_sends_calendar_headers(string path, string? fileName)
    {
        using var response = await Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(CalendarController.ContentType, response.Content.Headers.ContentType!.ToString());
        Assert.Equal("public, max-age=60", response.Headers.CacheControl!.ToString());
        Assert.NotNull(response.Headers.ETag);
        Assert.True(response.Headers.ETag!.IsWeak);
        Assert.Equal(fileName, response.Content.Headers.ContentDisposition?.FileName);
        if (fileName is not null)
        {
            Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        }
    }

    [Fact]
    public async Task Talk_export_has_talk_event()
    {
        var talkId = await TalkIdAsync(TalkSlug);

        var calendar = IcalNetReader.Load(await Client.GetStringAsync($"/{Conference}/talks/{TalkSlug}.ics"));

        var only = Assert.Single(calendar.Events);
        Assert.Equal($"talk-{talkId}@{Host}", only.Uid);
        Assert.Equal(new Uri($"http://{Host}/{Conference}/talks/{TalkSlug}"), only.Url);
        Assert.Contains("Juan Liu", only.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Speaker_export_has_speaker_talks()
    {
        var talkId = await TalkIdAsync(TalkSlug);

        var calendar = IcalNetReader.Load(await Client.GetStringAsync($"/{Conference}/speakers/{SpeakerSlug}.ics"));

        Assert.Contains(calendar.Events, e => e.Uid == $"talk-{talkId}@{Host}");
        Assert.All(calendar.Events, e => Assert.Contains("Juan Liu", e.Description, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Head_sends_headers_only()
    {
        using var get = await Client.GetAsync($"/{Conference}/schedule.ics");
        using var head = await Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, $"/{Conference}/schedule.ics"));

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(get.Headers.ETag, head.Headers.ETag);
        Assert.Equal(CalendarController.ContentType, head.Content.Headers.ContentType!.ToString());
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData($"/{Conference}/schedule.ics")]
    [InlineData($"/{Conference}/talks/{TalkSlug}.ics")]
    [InlineData($"/{Conference}/speakers/{SpeakerSlug}.ics")]
    public async Task Matching_etag_gets_304(string path)
    {
        using var first = await Client.GetAsync(path);

        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"other\""));
        request.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        using var second = await Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Equal(first.Headers.ETag, second.Headers.ETag);
        Assert.Empty(await second.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Other_etag_gets_calendar()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"/{Conference}/schedule.ics");
        request.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"other\""));

        using var response = await Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Files_of_one_release_have_distinct_etags()
    {
        using var schedule = await Client.GetAsync($"/{Conference}/schedule.ics");
        using var talk = await Client.GetAsync($"/{Conference}/talks/{TalkSlug}.ics");

        Assert.NotEqual(schedule.Headers.ETag, talk.Headers.ETag);
    }

    [Fact]
    public async Task New_release_keeps_uids_and_raises_sequence()
    {
        using var before = await Client.GetAsync($"/{Conference}/schedule.ics");
        var firstLines = IcsReader.ReadChecked(await before.Content.ReadAsStringAsync());

        _clock.Advance(TimeSpan.FromMinutes(2));
        await App.PublishAsync(name: "2.0");

        var request = new HttpRequestMessage(HttpMethod.Get, $"/{Conference}/schedule.ics");
        request.Headers.IfNoneMatch.Add(before.Headers.ETag!);
        using var after = await Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.NotEqual(before.Headers.ETag, after.Headers.ETag);

        var secondLines = IcsReader.ReadChecked(await after.Content.ReadAsStringAsync());
        var first = Events(firstLines);
        var second = Events(secondLines);
        Assert.Equal(first.Keys.Order(), second.Keys.Order());
        foreach (var (uid, calendarEvent) in second)
        {
            var sequence = long.Parse(IcsReader.Value(calendarEvent, "SEQUENCE")!, CultureInfo.InvariantCulture);
            var earlier = long.Parse(IcsReader.Value(first[uid], "SEQUENCE")!, CultureInfo.InvariantCulture);
            Assert.True(sequence > earlier, $"{uid} has SEQUENCE {sequence} after {earlier}.");
            Assert.Equal(IcsEventIdentity.Sequence(_clock.GetUtcNow()), sequence);
            Assert.Equal(IcsWriter.FormatUtc(_clock.GetUtcNow()), IcsReader.Value(calendarEvent, "DTSTAMP"));
        }
    }

    [Theory]
    [InlineData("/no-such-conference/schedule.ics", "No conference \"no-such-conference\" exists.")]
    [InlineData($"/{Conference}/talks/no-such-talk.ics", "No talk \"no-such-talk\" is in the published program.")]
    [InlineData($"/{Conference}/speakers/no-such-speaker.ics", "No speaker \"no-such-speaker\" is in the published program.")]
    public async Task Unknown_item_is_404(string path, string message)
    {
        using var response = await Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/plain; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.Equal(message, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Unscheduled_talk_is_404()
    {
        await using (var scope = App.OpenDb())
        {
            var conferenceId = await scope.Db.Conferences.Where(c => c.Slug == Conference).Select(c => c.Id).SingleAsync();
            scope.Db.Talks.Add(Talk.Create(conferenceId, "later-talk", "A talk for later", null));
            await scope.Db.SaveChangesAsync();
        }

        _clock.Advance(TimeSpan.FromMinutes(1));
        await App.PublishAsync(name: "1.1");

        using var response = await Client.GetAsync($"/{Conference}/talks/later-talk.ics");
        var page = await Client.GetPageAsync($"/{Conference}/talks/later-talk");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("The talk \"later-talk\" is not scheduled yet.", await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Null(page.Document.QuerySelector(".calendar-link"));
    }

    [Fact]
    public async Task Unpublished_conference_is_404()
    {
        await using (var scope = App.OpenDb())
        {
            scope.Db.Conferences.Add(global::ConferenceApp.Domain.Conference.Create(
                new ConferenceDetails("draft-days-2027", "Draft Days 2027", null, "UTC", new DateOnly(2027, 5, 3), new DateOnly(2027, 5, 4))));
            await scope.Db.SaveChangesAsync();
        }

        foreach (var path in new[] { "/draft-days-2027/schedule.ics", "/draft-days-2027/talks/any.ics", "/draft-days-2027/speakers/any.ics" })
        {
            using var response = await Client.GetAsync(path);

            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("The program of this conference has not been published yet.", await response.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task Pages_link_calendar_files()
    {
        var program = await Client.GetPageAsync($"/{Conference}/program");
        var talk = await Client.GetPageAsync($"/{Conference}/talks/{TalkSlug}");
        var speaker = await Client.GetPageAsync($"/{Conference}/speakers/{SpeakerSlug}");

        Assert.Contains(program.Document.QuerySelectorAll(".exports a"), a => a.GetAttribute("href") == $"/{Conference}/schedule.ics");
        Assert.Contains(talk.Document.QuerySelectorAll("main a"), a => a.GetAttribute("href") == $"/{Conference}/talks/{TalkSlug}.ics");
        Assert.Contains(speaker.Document.QuerySelectorAll("main a"), a => a.GetAttribute("href") == $"/{Conference}/speakers/{SpeakerSlug}.ics");
    }

    private static Dictionary<string, List<string>> Events(List<string> lines) =>
        IcsReader.Components(lines, "VEVENT").ToDictionary(e => IcsReader.Value(e, "UID")!);

    /// <summary>Returns the start and end of each item of the latest release as <see cref="ConferenceClock"/> computes them, by UID.</summary>
    private async Task<Dictionary<string, UtcTimes>> ExpectedTimesAsync()
    {
        await using var scope = App.OpenDb();
        var conference = await scope.Db.Conferences.SingleAsync(c => c.Slug == Conference);
        var json = await scope.Db.Releases.Where(r => r.ConferenceId == conference.Id).OrderByDescending(r => r.Id).Select(r => r.Snapshot).FirstAsync();
        var clock = new ConferenceClock(conference.TimeZoneId);

        return ProgramSnapshot.FromJson(json).ToReleasedItems().ToDictionary(
            item => $"{item.Key.Replace(':', '-')}@{Host}",
            item => new UtcTimes(clock.ToInstant(item.Placement!.Start).UtcDateTime, clock.ToInstant(item.Placement.End).UtcDateTime));
    }

    private async Task<int> TalkIdAsync(string slug)
    {
        await using var scope = App.OpenDb();
        return await scope.Db.Talks.Where(t => t.Slug == slug).Select(t => t.Id).SingleAsync();
    }
}
