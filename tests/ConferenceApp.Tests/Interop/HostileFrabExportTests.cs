using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using ConferenceApp.Domain;
using ConferenceApp.Features.Interop.Frab;
using ConferenceApp.Tests.Support;

namespace ConferenceApp.Tests.Interop;

/// <summary>
/// The frab exports of a conference built to break them. Its titles contain markup, CDATA ends,
/// RTL text, emoji and control characters that XML 1.0 forbids. It has an item across midnight
/// and a block on the night Berlin's clocks go back (25 October 2026, 03:00 CEST becomes 02:00 CET).
/// </summary>
public sealed class HostileFrabExportTests : IAsyncLifetime, IDisposable
{
    private const string Slug = "hostile-2026";
    private const string DraftSlug = "draft-2026";
    private const string ConferenceTitle = "Hostile <conf> & ]]> \u05DB\u05E0\u05E1 \U0001F389";
    private const string NightTitle = "Night <talk> & ]]> \u0007 \uFFFE end";
    private const string RtlTitle = "\u05E9\u05DC\u05D5\u05DD \u05E2\u05D5\u05DC\u05DD \U0001F389";
    private const string OpeningTitle = "Opening <&> \u0002 \"quoted\"";
    private const string SpeakerName = "Zo\u00EB \U0001F984 \u0001";

    private readonly AppFactory _app = new() { LoadDemoData = false };

    public async Task InitializeAsync()
    {
        await using (var scope = _app.OpenDb())
        {
            var db = scope.Db;
            var conference = Conference.Create(new ConferenceDetails(Slug, ConferenceTitle, null, "Europe/Berlin",
                new DateOnly(2026, 10, 24), new DateOnly(2026, 10, 25)));
            db.Conferences.Add(conference);
            db.Conferences.Add(Conference.Create(new ConferenceDetails(DraftSlug, "Draft", null, "Europe/Berlin",
                new DateOnly(2026, 10, 24), new DateOnly(2026, 10, 24))));
            await db.SaveChangesAsync();

            var hall = Room.Create(conference.Id, "Hall <A> & ]]>", 0);
            var rtlRoom = Room.Create(conference.Id, "\u05D0\u05D5\u05DC\u05DD \u05D1", 1);
            var morning = TimeSlot.Create(conference, new DateTime(2026, 10, 24, 9, 0, 0), new DateTime(2026, 10, 24, 9, 30, 0));
            var evening = TimeSlot.Create(conference, new DateTime(2026, 10, 24, 23, 0, 0), new DateTime(2026, 10, 25, 1, 0, 0));
            var dstNight = TimeSlot.Create(conference, new DateTime(2026, 10, 25, 1, 30, 0), new DateTime(2026, 10, 25, 3, 30, 0));
            var speaker = Speaker.Create(conference.Id, new SpeakerDetails("zoe", SpeakerName, null, null));
            db.AddRange(hall, rtlRoom, morning, evening, dstNight, speaker);
            await db.SaveChangesAsync();

            var opening = Session.Create(conference.Id, OpeningTitle, SessionKind.Opening, "Welcome \u0003 ]]> <b>");
            opening.PlaceIn(morning, null);
            var night = Session.Create(conference.Id, null, SessionKind.Talk, null);
            night.PlaceIn(evening, hall);
            var block = Session.Create(conference.Id, "Block ]]>", SessionKind.TalkBlock, null);
            block.PlaceIn(dstNight, rtlRoom);
            block.SetTrackAndLanguage("Track ]]> <b>\u0003 &amp;", "de-CH");
            db.AddRange(opening, night, block);
            await db.SaveChangesAsync();

            var nightTalk = Talk.Create(conference.Id, "night-talk", NightTitle, "Abstract \u0008 <b>bold</b>");
            nightTalk.PlaceIn(night, 0);
            nightTalk.SetSpeakers([new PersonAssignment(speaker, null)]);
            var firstInBlock = Talk.Create(conference.Id, "dst-one", RtlTitle, null);
            firstInBlock.PlaceIn(block, 0);
            firstInBlock.SetDuration(60);
            var secondInBlock = Talk.Create(conference.Id, "dst-two", "Second", null);
            secondInBlock.PlaceIn(block, 1);
            db.AddRange(nightTalk, firstInBlock, secondInBlock);
            await db.SaveChangesAsync();
        }

        await _app.PublishAsync(Slug);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Hostile_xml_is_valid()
    {
        var body = await _app.CreateClient().GetByteArrayAsync(new Uri($"/{Slug}/schedule.xml", UriKind.Relative));

        Assert.Empty(FrabStructure.XmlProblems(body));
    }

    [Fact]
    public async Task Hostile_json_is_valid()
    {
        var body = await _app.CreateClient().GetByteArrayAsync(new Uri($"/{Slug}/schedule.json", UriKind.Relative));

        Assert.Empty(FrabStructure.JsonProblems(body));
    }

    [Fact]
    public async Task Texts_lose_only_forbidden_characters()
    {
        var xml = await XmlAsync();
        using var json = await JsonAsync();

        Assert.Equal(ConferenceTitle, xml.Root!.Element("conference")!.Element("title")!.Value);
        Assert.Equal(ConferenceTitle, json.RootElement.GetProperty("schedule").GetProperty("conference").GetProperty("title").GetString());

        var night = Event(xml, "night-talk");
        Assert.Equal("Night <talk> & ]]>   end", night.Element("title")!.Value);
        Assert.Equal("Abstract  <b>bold</b>", night.Element("abstract")!.Value);
        Assert.Equal("Zo\u00EB \U0001F984", night.Element("persons")!.Element("person")!.Value);
        Assert.Equal(RtlTitle, Event(xml, "dst-one").Element("title")!.Value);
        Assert.Equal("Opening <&>  \"quoted\"", xml.Descendants("event").Single(e => e.Element("type")!.Value == "opening").Element("title")!.Value);
        Assert.Equal("Hall <A> & ]]>", night.Element("room")!.Value);

        var jsonNight = JsonEvents(json).Single(e => e.GetProperty("slug").GetString()!.EndsWith("night-talk", StringComparison.Ordinal));
        Assert.Equal("Night <talk> & ]]>   end", jsonNight.GetProperty("title").GetString());
        Assert.Equal("Zo\u00EB \U0001F984", jsonNight.GetProperty("persons")[0].GetProperty("public_name").GetString());
    }

    [Fact]
    public async Task Midnight_item_stays_on_start_day()
    {
        var xml = await XmlAsync();

        var night = Event(xml, "night-talk");
        Assert.Equal("2026-10-24", night.Parent!.Parent!.Attribute("date")!.Value);
        Assert.Equal("2026-10-24T23:00:00+02:00", night.Element("date")!.Value);
        Assert.Equal("23:00", night.Element("start")!.Value);
        Assert.Equal("02:00", night.Element("duration")!.Value);
        Assert.Equal("2026-10-25T01:00:00+02:00", night.Parent!.Parent!.Attribute("end")!.Value);
    }

    [Fact]
    public async Task Dst_night_uses_real_instants()
    {
        var xml = await XmlAsync();
        var clock = new ConferenceClock("Europe/Berlin");

        // The slot runs from 01:30 CEST to 03:30 CET, three real hours. The first talk has 60 minutes, and the second takes the rest.
        var first = Event(xml, "dst-one");
        Assert.Equal("2026-10-25T01:30:00+02:00", first.Element("date")!.Value);
        Assert.Equal("01:00", first.Element("duration")!.Value);

        var second = Event(xml, "dst-two");
        Assert.Equal("2026-10-25T02:30:00+02:00", second.Element("date")!.Value);
        Assert.Equal("02:30", second.Element("start")!.Value);
        Assert.Equal("02:00", second.Element("duration")!.Value);

        var secondEnd = DateTimeOffset.Parse(second.Element("date")!.Value, System.Globalization.CultureInfo.InvariantCulture) + TimeSpan.FromHours(2);
        Assert.Equal(clock.ToInstant(new DateTime(2026, 10, 25, 3, 30, 0)), secondEnd);
        Assert.Equal("2026-10-25T03:30:00+01:00", second.Parent!.Parent!.Attribute("end")!.Value);
    }

    [Fact]
    public async Task Plenary_item_in_all_rooms()
    {
        var xml = await XmlAsync();

        var opening = xml.Descendants("event").Single(e => e.Element("type")!.Value == "opening");
        Assert.Equal(FrabScheduleBuilder.AllRoomsName, opening.Element("room")!.Value);
        Assert.Equal(FrabScheduleBuilder.AllRoomsName, opening.Parent!.Attribute("name")!.Value);
        Assert.Equal("Welcome  ]]> <b>", opening.Element("abstract")!.Value);
    }

    [Fact]
    public async Task Unpublished_conference_is_404_with_message()
    {
        var client = _app.CreateClient();
        foreach (var path in new[] { $"/{DraftSlug}/schedule.xml", $"/{DraftSlug}/schedule.json" })
        {
            using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("text/plain", response.Content.Headers.ContentType!.MediaType);
            Assert.Equal(Features.Interop.Frab.FrabController.NotPublishedMessage, await response.Content.ReadAsStringAsync());

            using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, path));
            Assert.Equal(HttpStatusCode.NotFound, head.StatusCode);
        }
    }

    private async Task<XDocument> XmlAsync() =>
        FrabStructure.ParseXml(await _app.CreateClient().GetByteArrayAsync(new Uri($"/{Slug}/schedule.xml", UriKind.Relative)));

    private async Task<JsonDocument> JsonAsync() =>
        JsonDocument.Parse(await _app.CreateClient().GetByteArrayAsync(new Uri($"/{Slug}/schedule.json", UriKind.Relative)));

    private static XElement Event(XDocument xml, string talkSlug) =>
        xml.Descendants("event").Single(e => e.Element("slug")!.Value.EndsWith($"-{talkSlug}", StringComparison.Ordinal));

    private static IEnumerable<JsonElement> JsonEvents(JsonDocument json) =>
        json.RootElement.GetProperty("schedule").GetProperty("conference").GetProperty("days").EnumerateArray()
            .SelectMany(day => day.GetProperty("rooms").EnumerateObject())
            .SelectMany(room => room.Value.EnumerateArray());
}
