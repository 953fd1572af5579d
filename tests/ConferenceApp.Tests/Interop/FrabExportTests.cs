using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Xml.Linq;
using ConferenceApp.Domain;
using ConferenceApp.Features.Interop.Frab;
using ConferenceApp.Tests.Organize;
using ConferenceApp.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace ConferenceApp.Tests.Interop;

/// <summary>The frab XML and JSON exports of the demo conference, over HTTP.</summary>
public sealed class FrabExportTests : OrganizerTestBase
{
    private const string XmlPath = $"/{Conference}/schedule.xml";
    private const string JsonPath = $"/{Conference}/schedule.json";

    [Fact]
    public async Task Xml_of_demo_is_valid()
    {
        using var response = await App.CreateClient().GetAsync(new Uri(XmlPath, UriKind.Relative));
        var body = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/xml", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType.CharSet);
        Assert.Empty(FrabStructure.XmlProblems(body));
        Assert.NotEmpty(FrabStructure.ParseXml(body).Descendants("event"));
    }

    [Fact]
    public async Task Json_of_demo_is_valid()
    {
        using var response = await App.CreateClient().GetAsync(new Uri(JsonPath, UriKind.Relative));
        var body = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType.CharSet);
        Assert.Empty(FrabStructure.JsonProblems(body));
        Assert.Contains("\"date\": \"2023-03-09T08:45:00+02:00\"", System.Text.Encoding.UTF8.GetString(body), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_event_in_one_day_and_room()
    {
        var xml = FrabStructure.ParseXml(await App.CreateClient().GetByteArrayAsync(new Uri(XmlPath, UriKind.Relative)));
        using var json = JsonDocument.Parse(await App.CreateClient().GetByteArrayAsync(new Uri(JsonPath, UriKind.Relative)));

        var xmlEvents = xml.Root!.Elements("day").Elements("room").Elements("event").ToList();
        Assert.Equal(xml.Descendants("event").Count(), xmlEvents.Count);
        Assert.Equal(xmlEvents.Count, xmlEvents.Select(e => e.Attribute("id")!.Value).Distinct().Count());
        Assert.Equal(xmlEvents.Count, xmlEvents.Select(e => e.Attribute("guid")!.Value).Distinct().Count());
        Assert.All(xmlEvents, e => Assert.Equal(e.Parent!.Attribute("name")!.Value, e.Element("room")!.Value));
        Assert.All(xmlEvents, e => Assert.Equal(e.Parent!.Parent!.Attribute("date")!.Value, e.Element("date")!.Value[..10]));

        var jsonEvents = JsonEvents(json).ToList();
        Assert.Equal(
            xmlEvents.Select(e => (e.Attribute("id")!.Value, e.Attribute("guid")!.Value, e.Element("room")!.Value, e.Element("date")!.Value)).Order(),
            jsonEvents.Select(e => (e.GetProperty("id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture),
                e.GetProperty("guid").GetString()!, e.GetProperty("room").GetString()!, e.GetProperty("date").GetString()!)).Order());
        Assert.All(JsonRooms(json), room => Assert.All(room.Value.EnumerateArray(), e => Assert.Equal(room.Name, e.GetProperty("room").GetString())));
    }

    [Fact]
    public async Task Event_dates_match_conference_clock()
    {
        var xml = FrabStructure.ParseXml(await App.CreateClient().GetByteArrayAsync(new Uri(XmlPath, UriKind.Relative)));
        var snapshot = await LatestSnapshotAsync();
        var clock = new ConferenceClock(snapshot.Conference.TimeZoneId);
        var slots = snapshot.Slots.ToDictionary(s => s.Id);
        var events = xml.Descendants("event").ToDictionary(e => long.Parse(e.Attribute("id")!.Value, System.Globalization.CultureInfo.InvariantCulture));

        var checkedCount = 0;
        foreach (var session in snapshot.Sessions.Where(s => s.TimeSlotId is not null))
        {
            var slot = slots[session.TimeSlotId!.Value];
            var first = snapshot.Talks.Where(t => t.SessionId == session.Id).OrderBy(t => t.Position).ThenBy(t => t.Id).FirstOrDefault();
            var id = first is null ? FrabScheduleBuilder.SessionEventId(session.Id) : FrabScheduleBuilder.TalkEventId(first.Id);
            var item = events[id];

            var expected = clock.ToInstant(slot.Start);
            var written = DateTimeOffset.Parse(item.Element("date")!.Value, System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(expected.EqualsExact(written), $"Event {id}: expected {expected:O}, found {written:O}.");
            Assert.Equal(slot.Start.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture), item.Element("start")!.Value);
            if (first is null)
            {
                Assert.Equal(FrabText.Duration(clock.Duration(slot.Start, slot.End)), item.Element("duration")!.Value);
            }

            checkedCount++;
        }

        Assert.True(checkedCount > 5, $"Only {checkedCount} scheduled sessions were checked.");
    }

    [Fact]
    public async Task Guids_stable_across_exports_and_releases()
    {
        var client = App.CreateClient();
        var first = await client.GetByteArrayAsync(new Uri(XmlPath, UriKind.Relative));
        var second = await client.GetByteArrayAsync(new Uri(XmlPath, UriKind.Relative));
        Assert.Equal(first, second);

        await RenameFirstTalkAsync("Renamed for the next release");
        await Browser.PublishAsync(name: "1.1");
        var afterRelease = FrabStructure.ParseXml(await client.GetByteArrayAsync(new Uri(XmlPath, UriKind.Relative)));

        Assert.Equal("1.1", afterRelease.Root!.Element("version")!.Value);
        Assert.Contains(afterRelease.Descendants("title"), t => t.Value == "Renamed for the next release");
        Assert.Equal(Identities(FrabStructure.ParseXml(first)), Identities(afterRelease));
    }

    [Fact]
    public async Task Etag_answers_not_modified()
    {
        var client = App.CreateClient();
        foreach (var path in new[] { XmlPath, JsonPath })
        {
            using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
            var etag = response.Headers.ETag;
            Assert.NotNull(etag);
            Assert.Equal("public, max-age=60", response.Headers.CacheControl!.ToString());

            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.IfNoneMatch.Add(etag);
            using var again = await client.SendAsync(request);

            Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
            Assert.Equal(etag, again.Headers.ETag);
            Assert.Empty(await again.Content.ReadAsByteArrayAsync());

            using var stale = new HttpRequestMessage(HttpMethod.Get, path);
            stale.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"0123\""));
            using var full = await client.SendAsync(stale);
            Assert.Equal(HttpStatusCode.OK, full.StatusCode);
        }
    }

    [Fact]
    public async Task Etag_changes_with_release_and_format()
    {
        var client = App.CreateClient();
        using var xmlBefore = await client.GetAsync(new Uri(XmlPath, UriKind.Relative));
        using var jsonBefore = await client.GetAsync(new Uri(JsonPath, UriKind.Relative));

        await RenameFirstTalkAsync("Renamed again");
        await Browser.PublishAsync(name: "1.1");
        using var xmlAfter = await client.GetAsync(new Uri(XmlPath, UriKind.Relative));

        Assert.NotEqual(xmlBefore.Headers.ETag, jsonBefore.Headers.ETag);
        Assert.NotEqual(xmlBefore.Headers.ETag, xmlAfter.Headers.ETag);
    }

    [Fact]
    public async Task Head_answers_without_body()
    {
        var client = App.CreateClient();
        foreach (var (path, mediaType) in new[] { (XmlPath, "application/xml"), (JsonPath, "application/json") })
        {
            using var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, path));

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(mediaType, response.Content.Headers.ContentType!.MediaType);
            Assert.NotNull(response.Headers.ETag);
            Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        }
    }

    [Fact]
    public async Task Unknown_conference_is_404()
    {
        var client = App.CreateClient();

        foreach (var path in new[] { "/no-such-conference/schedule.xml", "/no-such-conference/schedule.json" })
        {
            var response = await client.GetAsync(new Uri(path, UriKind.Relative));

            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal("No conference \"no-such-conference\" exists.", await response.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task Program_page_links_exports()
    {
        var page = await App.CreateClient().GetPageAsync($"/{Conference}/program");

        var links = page.Document.QuerySelectorAll(".exports a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains(XmlPath, links);
        Assert.Contains(JsonPath, links);
    }

    [Fact]
    public async Task Base_url_uses_public_address()
    {
        using var app = new AppFactory { Settings = { ["Site:PublicUrl"] = "https://program.example.org/events" } };

        var xml = FrabStructure.ParseXml(await app.CreateClient().GetByteArrayAsync(new Uri(XmlPath, UriKind.Relative)));

        Assert.Equal($"https://program.example.org/events/{Conference}/", xml.Root!.Element("conference")!.Element("base_url")!.Value);
        Assert.All(xml.Descendants("url"), url => Assert.StartsWith($"https://program.example.org/events/{Conference}/", url.Value, StringComparison.Ordinal));
    }

    private async Task<ProgramSnapshot> LatestSnapshotAsync()
    {
        await using var scope = App.OpenDb();
        var id = await ConferenceIdAsync();
        var json = await scope.Db.Releases.Where(r => r.ConferenceId == id).OrderByDescending(r => r.Id).Select(r => r.Snapshot).FirstAsync();
        return ProgramSnapshot.FromJson(json);
    }

    private async Task RenameFirstTalkAsync(string title)
    {
        await using var scope = App.OpenDb();
        var id = await ConferenceIdAsync();
        var talk = await scope.Db.Talks.Where(t => t.ConferenceId == id && t.SessionId != null).OrderBy(t => t.Id).FirstAsync();
        talk.Update(talk.Slug, title, talk.Abstract);
        await scope.Db.SaveChangesAsync();
    }

    private static List<(string Id, string Guid)> Identities(XDocument xml) =>
        [.. xml.Descendants("event").Select(e => (e.Attribute("id")!.Value, e.Attribute("guid")!.Value)).Order()];

    private static IEnumerable<JsonProperty> JsonRooms(JsonDocument json) =>
        json.RootElement.GetProperty("schedule").GetProperty("conference").GetProperty("days").EnumerateArray()
            .SelectMany(day => day.GetProperty("rooms").EnumerateObject());

    private static IEnumerable<JsonElement> JsonEvents(JsonDocument json) =>
        JsonRooms(json).SelectMany(room => room.Value.EnumerateArray());
}
