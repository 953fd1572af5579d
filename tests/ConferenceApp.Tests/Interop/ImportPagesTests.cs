using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Xml.Linq;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using ConferenceApp.Data;
using ConferenceApp.Domain;
using ConferenceApp.Tests.Organize;
using ConferenceApp.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ConferenceApp.Tests.Interop;

public sealed class ImportPagesTests : OrganizerTestBase
{
    private const string Empty = "empty-copy";

    private const string Guid1 = "11111111-1111-4111-8111-111111111111";

    private const string Guid2 = "22222222-2222-4222-8222-222222222222";

    private const string Guid3 = "33333333-3333-4333-8333-333333333333";

    private static string Schedule(string secondTitle = "Second talk", string secondStart = "2023-03-09T11:00:00+02:00", string thirdTitle = "Third talk") => $"""
        <?xml version="1.0" encoding="utf-8"?>
        <schedule>
          <conference><title>Copy</title><time_zone_name>Asia/Jerusalem</time_zone_name></conference>
          <day index="1" date="2023-03-09">
            <room name="Hall A">
              <event id="1" guid="{Guid1}"><date>2023-03-09T10:00:00+02:00</date><start>10:00</start><duration>00:30</duration>
                <room>Hall A</room><title>First talk</title><type>lecture</type><abstract>One.</abstract>
                <persons><person id="7">Ada Lovelace</person></persons></event>
              <event id="2" guid="{Guid2}"><date>{secondStart}</date><start>11:00</start><duration>00:30</duration>
                <room>Hall A</room><title>{secondTitle}</title><type>lecture</type>
                <persons><person id="7">Ada Lovelace</person><person id="8">Grace Hopper</person></persons></event>
              <event id="3" guid="{Guid3}"><date>2023-03-09T12:00:00+02:00</date><start>12:00</start><duration>01:00</duration>
                <room>Hall A</room><title>{thirdTitle}</title><type>lecture</type>
                <persons><person id="8">Grace Hopper</person></persons></event>
            </room>
          </day>
        </schedule>
        """;

    private sealed record Counts(int Rooms, int Slots, int Sessions, int Talks, int Speakers, int Audit);

    private async Task<int> CreateEmptyConferenceAsync()
    {
        await using var scope = App.OpenDb();
        var conference = ConferenceApp.Domain.Conference.Create(new ConferenceDetails(Empty, "Empty copy", null, "Asia/Jerusalem", new DateOnly(2023, 3, 9), new DateOnly(2023, 3, 9)));
        scope.Db.Conferences.Add(conference);
        await scope.Db.SaveChangesAsync();
        return conference.Id;
    }

    private async Task<Counts> CountAsync(int conferenceId)
    {
        await using var scope = App.OpenDb();
        var db = scope.Db;
        return new Counts(
            await db.Rooms.OfConference(conferenceId).CountAsync(),
            await db.TimeSlots.OfConference(conferenceId).CountAsync(),
            await db.Sessions.OfConference(conferenceId).CountAsync(),
            await db.Talks.OfConference(conferenceId).CountAsync(),
            await db.Speakers.OfConference(conferenceId).CountAsync(),
            await db.AuditEntries.CountAsync(a => a.ConferenceId == conferenceId));
    }

    private async Task<HttpResponseMessage> UploadAsync(string conference, string content, string format = "frab-xml", string fileName = "schedule.xml")
    {
        var url = $"/organize/{conference}/import";
        var token = AppFactory.AntiforgeryToken(await Browser.Client.GetStringAsync(new Uri(url, UriKind.Relative)));
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(token), "__RequestVerificationToken");
        form.Add(new StringContent(format), "format");
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(content));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/xml");
        form.Add(file, "file", fileName);
        return await Browser.Client.PostAsync(new Uri(url, UriKind.Relative), form);
    }

    private async Task<(string Url, IHtmlDocument Page)> PreviewAsync(string conference, string content, string format = "frab-xml")
    {
        var response = await UploadAsync(conference, content, format);
        var url = OrganizerBrowser.RedirectTarget(response);
        return (url, await Browser.GetPageAsync(url));
    }

    private static int CountOf(IHtmlDocument page, ImportAction action) =>
        int.Parse(page.QuerySelector($".import-count[data-action=\"{action}\"] dd")!.TextContent.Trim(), System.Globalization.CultureInfo.InvariantCulture);

    private Task<HttpResponseMessage> ConfirmAsync(string url, IHtmlDocument page)
    {
        var form = page.QuerySelector("input[name=fingerprint]")!.ParentElement!;
        var values = new Dictionary<string, string>
        {
            ["fingerprint"] = form.QuerySelector("input[name=fingerprint]")!.GetAttribute("value")!,
            ["__RequestVerificationToken"] = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
        };
        return Browser.PostAsync(url, values);
    }

    [Fact]
    public async Task Preview_writes_nothing_until_confirmed()
    {
        var id = await CreateEmptyConferenceAsync();
        var before = await CountAsync(id);

        var (url, page) = await PreviewAsync(Empty, Schedule());

        Assert.Equal(before, await CountAsync(id));
        Assert.Equal(1 + 3 + 2 + 3 + 3, CountOf(page, ImportAction.Create));
        Assert.Equal(0, CountOf(page, ImportAction.Rejected));

        var confirmed = await ConfirmAsync(url, page);
        var done = await Browser.FollowAsync(confirmed);

        Assert.Contains("Imported schedule.xml", OrganizerBrowser.SuccessMessage(done));
        var after = await CountAsync(id);
        Assert.Equal(new Counts(1, 3, 3, 3, 2, after.Audit), after);
        Assert.True(after.Audit > 0);
    }

    [Fact]
    public async Task Same_file_again_is_unchanged()
    {
        var id = await CreateEmptyConferenceAsync();
        var (url, page) = await PreviewAsync(Empty, Schedule());
        await ConfirmAsync(url, page);
        var imported = await CountAsync(id);

        var (_, again) = await PreviewAsync(Empty, Schedule());

        Assert.Equal(0, CountOf(again, ImportAction.Create));
        Assert.Equal(0, CountOf(again, ImportAction.Update));
        Assert.Equal(12, CountOf(again, ImportAction.Unchanged));
        Assert.NotNull(again.QuerySelector("#import-nothing"));
        Assert.Null(again.QuerySelector("input[name=fingerprint]"));
        Assert.Equal(imported, await CountAsync(id));
    }

    [Fact]
    public async Task Changed_file_updates_in_place()
    {
        var id = await CreateEmptyConferenceAsync();
        var (url, page) = await PreviewAsync(Empty, Schedule());
        await ConfirmAsync(url, page);
        var imported = await CountAsync(id);

        var (changedUrl, changed) = await PreviewAsync(Empty, Schedule(secondTitle: "Second talk, revised", secondStart: "2023-03-09T11:30:00+02:00"));
        Assert.Equal(2, CountOf(changed, ImportAction.Update));
        Assert.Equal(1, CountOf(changed, ImportAction.Create));
        Assert.Contains("Second talk → Second talk, revised", changed.QuerySelector("table[data-kind=Talks]")!.TextContent.Replace("\n", " ", StringComparison.Ordinal).Replace("  ", " ", StringComparison.Ordinal), StringComparison.Ordinal);
        await ConfirmAsync(changedUrl, changed);

        var after = await CountAsync(id);
        Assert.Equal(imported.Talks, after.Talks);
        Assert.Equal(imported.Sessions, after.Sessions);
        Assert.Equal(imported.Speakers, after.Speakers);
        Assert.Equal(imported.Slots + 1, after.Slots);
        await using var scope = App.OpenDb();
        var talk = await scope.Db.Talks.OfConference(id).SingleAsync(t => t.SourceKey == $"frab:{Guid2}");
        Assert.Equal("Second talk, revised", talk.Title);
        var session = await scope.Db.Sessions.OfConference(id).SingleAsync(s => s.Id == talk.SessionId);
        var slot = await scope.Db.TimeSlots.SingleAsync(s => s.Id == session.TimeSlotId);
        Assert.Equal(new DateTime(2023, 3, 9, 11, 30, 0), slot.Start);
    }

    [Fact]
    public async Task Draft_change_shows_new_preview()
    {
        var id = await CreateEmptyConferenceAsync();
        var (url, page) = await PreviewAsync(Empty, Schedule());
        await using (var scope = App.OpenDb())
        {
            scope.Db.Rooms.Add(Room.Create(id, "Hall A", 0));
            await scope.Db.SaveChangesAsync();
        }

        var response = await ConfirmAsync(url, page);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var again = await OrganizerBrowser.ParseAsync(response);
        Assert.Contains("changed since the preview", again.QuerySelector("#import-notice")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, (await CountAsync(id)).Talks);
    }

    [Fact]
    public async Task Failure_halfway_writes_nothing()
    {
        var id = await CreateEmptyConferenceAsync();
        var (url, page) = await PreviewAsync(Empty, Schedule(thirdTitle: "Breaks the database"));
        await using (var scope = App.OpenDb())
        {
            // Rooms, slots, speakers and sessions are saved before the talks, so this fails in the last step.
            foreach (var statement in FailingTalkTrigger())
            {
                await scope.Db.Database.ExecuteSqlRawAsync(statement);
            }
        }

        var before = await CountAsync(id);
        var response = await ConfirmAsync(url, page);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var shown = await OrganizerBrowser.ParseAsync(response);
        Assert.Contains("Nothing was imported", shown.QuerySelector("#import-notice")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(before, await CountAsync(id));
    }

    // A trigger that rejects the insert of a talk titled "Breaks the database", in each provider's dialect.
    private static string[] FailingTalkTrigger() => TestDatabase.IsPostgres
        ?
        [
            """
            CREATE FUNCTION fail_import() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF NEW."Title" = 'Breaks the database' THEN
                    RAISE EXCEPTION 'rejected by test trigger';
                END IF;
                RETURN NEW;
            END $$
            """,
            "CREATE TRIGGER fail_import BEFORE INSERT ON \"Talks\" FOR EACH ROW EXECUTE FUNCTION fail_import()",
        ]
        : ["CREATE TRIGGER FailImport BEFORE INSERT ON Talks WHEN NEW.Title = 'Breaks the database' BEGIN SELECT RAISE(ABORT, 'rejected by test trigger'); END;"];

    [Fact]
    public async Task Unreadable_file_shows_error()
    {
        var response = await UploadAsync(Conference, "<schedule><day>");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await OrganizerBrowser.ParseAsync(response);
        Assert.StartsWith("The file is not valid XML", page.QuerySelector("#file-error")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal("frab-xml", page.QuerySelector<IHtmlSelectElement>("#format")!.Value);
    }

    [Fact]
    public async Task Oversized_file_is_rejected()
    {
        var large = "<schedule>" + new string(' ', (10 * 1024 * 1024) + 10) + "</schedule>";

        var response = await UploadAsync(Conference, large);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var page = await OrganizerBrowser.ParseAsync(response);
        Assert.Contains("more than the limit of 10 MB", page.QuerySelector("#file-error")!.TextContent, StringComparison.Ordinal);
        await using var scope = App.OpenDb();
        Assert.False(await scope.Db.ImportUploads.AnyAsync());
    }

    [Fact]
    public async Task Anonymous_is_refused()
    {
        var client = App.CreateBrowserlessClient();

        var page = await client.GetAsync(new Uri($"/organize/{Conference}/import", UriKind.Relative));
        using var form = new MultipartFormDataContent { { new StringContent("frab-xml"), "format" } };
        var post = await client.PostAsync(new Uri($"/organize/{Conference}/import", UriKind.Relative), form);

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/Identity/Account/Login", page.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.True(post.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.BadRequest, $"POST returned {(int)post.StatusCode}.");
        await using var scope = App.OpenDb();
        Assert.False(await scope.Db.ImportUploads.AnyAsync());
    }

    [Fact]
    public async Task Csv_speaker_matched_by_email()
    {
        var id = await CreateEmptyConferenceAsync();
        const string first = "talk_id,talk_title,speaker_id,speaker_name,speaker_email,date,start,end,room\r\n1,Engines,7,Ada Lovelace,Ada@Example.org,2023-03-09,10:00,10:30,Hall A\r\n";
        const string second = "talk_id,talk_title,speaker_id,speaker_name,speaker_email,date,start,end,room\r\n2,Looms,,Ada Lovelace,ADA@example.ORG,2023-03-09,11:00,11:30,Hall A\r\n";
        var (url, page) = await PreviewAsync(Empty, first, "csv");
        await ConfirmAsync(url, page);

        var (secondUrl, secondPage) = await PreviewAsync(Empty, second, "csv");
        await ConfirmAsync(secondUrl, secondPage);

        await using var scope = App.OpenDb();
        var speaker = await scope.Db.Speakers.OfConference(id).SingleAsync();
        Assert.Equal("ada@example.org", speaker.Email);
        Assert.Equal("csv:email:ada@example.org", speaker.SourceKey);
        Assert.Equal(2, await scope.Db.TalkSpeakers.CountAsync(t => t.SpeakerId == speaker.Id));
    }

    [Fact]
    public async Task Non_organizer_is_refused()
    {
        const string email = "speaker-account@example.org";
        const string password = "a long speaker password";
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
            Assert.True((await users.CreateAsync(new IdentityUser { UserName = email, Email = email, EmailConfirmed = true }, password)).Succeeded);
        }

        var client = App.CreateBrowserlessClient();
        var login = await client.GetStringAsync(new Uri("/Identity/Account/Login", UriKind.Relative));
        await client.PostAsync(new Uri("/Identity/Account/Login", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
            ["__RequestVerificationToken"] = AppFactory.AntiforgeryToken(login),
        }));

        var response = await client.GetAsync(new Uri($"/organize/{Conference}/import", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("AccessDenied", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Round_trip_keeps_events()
    {
        await SetTrackAndLanguageOfFirstTalkAsync(await ConferenceIdAsync());
        await App.PublishAsync();
        var anonymous = App.CreateBrowserlessClient();
        var exported = await anonymous.GetStringAsync(new Uri($"/{Conference}/schedule.xml", UriKind.Relative));
        await CreateEmptyConferenceAsync();

        var (url, page) = await PreviewAsync(Empty, exported);
        Assert.Equal(0, CountOf(page, ImportAction.Rejected));
        await ConfirmAsync(url, page);
        await App.PublishAsync(Empty);
        var again = await anonymous.GetStringAsync(new Uri($"/{Empty}/schedule.xml", UriKind.Relative));

        Assert.Equal(Events(exported), Events(again));
    }

    [Theory]
    [InlineData("schedule.xml", "frab-xml")]
    [InlineData("schedule.json", "frab-json")]
    public async Task Own_export_updates_in_place(string file, string format)
    {
        var id = await ConferenceIdAsync();
        await SetTrackAndLanguageOfFirstTalkAsync(id);
        await App.PublishAsync();
        var before = await CountAsync(id);
        var exported = await App.CreateBrowserlessClient().GetStringAsync(new Uri($"/{Conference}/{file}", UriKind.Relative));
        var title = FirstTalkTitle(exported, format);
        var edited = exported.Replace($">{title}<", $">{title} (revised)<", StringComparison.Ordinal)
            .Replace($"\"title\": \"{title}\"", $"\"title\": \"{title} (revised)\"", StringComparison.Ordinal);

        var (url, page) = await PreviewAsync(Conference, edited, format);

        Assert.True(CountOf(page, ImportAction.Create) == 0, string.Join("\n", page.QuerySelectorAll("tr[data-action=Create], tr[data-action=Update]").Select(r => r.TextContent)));
        Assert.Equal(0, CountOf(page, ImportAction.Rejected));
        Assert.Equal(1, CountOf(page, ImportAction.Update));
        await ConfirmAsync(url, page);
        var after = await CountAsync(id);
        Assert.Equal(before with { Audit = after.Audit }, after);
        await using var scope = App.OpenDb();
        var talk = await scope.Db.Talks.OfConference(id).SingleAsync(t => t.Title == $"{title} (revised)");
        var session = await scope.Db.Sessions.OfConference(id).SingleAsync(s => s.Id == talk.SessionId);
        Assert.Equal("Security", session.Track);
        Assert.Equal("de-CH", session.Language);
    }

    // Gives the session of the first talk a track and a language, which the export and the import must keep.
    private async Task SetTrackAndLanguageOfFirstTalkAsync(int conferenceId)
    {
        await using var scope = App.OpenDb();
        var sessionId = await scope.Db.Talks.OfConference(conferenceId).Where(t => t.SessionId != null).OrderBy(t => t.Id).Select(t => t.SessionId!.Value).FirstAsync();
        var session = await scope.Db.Sessions.SingleAsync(s => s.Id == sessionId);
        session.SetTrackAndLanguage("Security", "de-CH");
        await scope.Db.SaveChangesAsync();
    }

    private static string FirstTalkTitle(string exported, string format) => format == "frab-xml"
        ? XDocument.Parse(exported).Descendants("event").First(e => e.Element("track")!.Value == "Security").Element("title")!.Value
        : System.Text.Json.Nodes.JsonNode.Parse(exported)!["schedule"]!["conference"]!["days"]!.AsArray()
            .SelectMany(d => d!["rooms"]!.AsObject().SelectMany(r => r.Value!.AsArray()))
            .First(e => (string?)e!["track"] == "Security")!["title"]!.GetValue<string>();

    // Each event as the values a client reads, without the ids and URLs that differ between conferences.
    private static List<string> Events(string xml) =>
        [.. XDocument.Parse(xml).Descendants("event")
            .Select(e => string.Join(" | ", e.Element("date")!.Value, e.Element("duration")!.Value, e.Element("room")!.Value, e.Element("title")!.Value,
                e.Element("type")!.Value, e.Element("track")!.Value, e.Element("language")!.Value, e.Element("abstract")!.Value,
                string.Join(", ", e.Descendants("person").Select(p => p.Value))))
            .Order(StringComparer.Ordinal)];
}
