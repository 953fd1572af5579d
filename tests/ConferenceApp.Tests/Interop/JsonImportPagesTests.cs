using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using AngleSharp.Html.Dom;
using ConferenceApp.Data;
using ConferenceApp.Domain;
using ConferenceApp.Tests.Organize;
using ConferenceApp.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace ConferenceApp.Tests.Interop;

/// <summary>The Sessionize and pretalx JSON imports through the upload, preview and confirmation pages.</summary>
public sealed class JsonImportPagesTests : OrganizerTestBase
{
    private const string Copy = "json-copy";

    private sealed record Counts(int Rooms, int Slots, int Sessions, int Talks, int Speakers);

    private async Task<int> CreateConferenceAsync()
    {
        await using var scope = App.OpenDb();
        var conference = ConferenceApp.Domain.Conference.Create(new ConferenceDetails(Copy, "JSON copy", null, "Europe/Berlin", new DateOnly(2026, 10, 24), new DateOnly(2026, 10, 25)));
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
            await db.Speakers.OfConference(conferenceId).CountAsync());
    }

    private async Task<(string Url, IHtmlDocument Page)> PreviewAsync(string content, string format)
    {
        var url = $"/organize/{Copy}/import";
        var token = AppFactory.AntiforgeryToken(await Browser.Client.GetStringAsync(new Uri(url, UriKind.Relative)));
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(token), "__RequestVerificationToken");
        form.Add(new StringContent(format), "format");
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(content));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        form.Add(file, "file", $"{format}.json");
        var response = await Browser.Client.PostAsync(new Uri(url, UriKind.Relative), form);

        var previewUrl = OrganizerBrowser.RedirectTarget(response);
        return (previewUrl, await Browser.GetPageAsync(previewUrl));
    }

    private static int CountOf(IHtmlDocument page, ImportAction action) =>
        int.Parse(page.QuerySelector($".import-count[data-action=\"{action}\"] dd")!.TextContent.Trim(), CultureInfo.InvariantCulture);

    private async Task ConfirmAsync(string url, IHtmlDocument page)
    {
        var form = page.QuerySelector("input[name=fingerprint]")!.ParentElement!;
        var response = await Browser.PostAsync(url, new Dictionary<string, string>
        {
            ["fingerprint"] = form.QuerySelector("input[name=fingerprint]")!.GetAttribute("value")!,
            ["__RequestVerificationToken"] = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
        });
        var done = await Browser.FollowAsync(response);
        Assert.Contains("Imported", OrganizerBrowser.SuccessMessage(done), StringComparison.Ordinal);
    }

    private static string Squeeze(string text) => string.Join(' ', text.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries));

    [Fact]
    public async Task Sessionize_import_round()
    {
        var id = await CreateConferenceAsync();
        var file = SessionizeParserTests.Fixture("sessionize-all.json");

        var (url, page) = await PreviewAsync(file, "sessionize");
        Assert.Equal(new Counts(0, 0, 0, 0, 0), await CountAsync(id));
        Assert.Equal(2 + 5 + 3 + 5 + 4, CountOf(page, ImportAction.Create));
        Assert.Equal(6, CountOf(page, ImportAction.Rejected));
        Assert.Contains(page.QuerySelectorAll(".import-note"), n => n.TextContent.Contains("local times in the conference's time zone, Europe/Berlin", StringComparison.Ordinal));
        var text = Squeeze(page.Body!.TextContent);
        Assert.Contains("Session 1007 (In a room nobody listed): its roomId 999 is not one of the rooms in the file.", text, StringComparison.Ordinal);
        Assert.Contains("not scheduled in Sessionize yet", text, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", page.Body.InnerHtml, StringComparison.Ordinal);

        await ConfirmAsync(url, page);
        var imported = await CountAsync(id);
        Assert.Equal(new Counts(2, 5, 5, 4, 3), imported);
        await using (var scope = App.OpenDb())
        {
            var talk = await scope.Db.Talks.OfConference(id).SingleAsync(t => t.SourceKey == "sessionize:session:1001");
            Assert.Equal("Engines — “the analytical” ✓ «ünïcode»", talk.Title);
            Assert.Equal("<p>An <em>HTML</em> abstract.</p><script>alert(1)</script>", talk.Abstract);
            var ada = await scope.Db.Speakers.OfConference(id).SingleAsync(s => s.SourceKey == "sessionize:speaker:6b1f8a2e-0000-4000-8000-000000000001");
            Assert.Equal("<b>Writes</b> notes.\nSecond line.", ada.Bio);
            Assert.Equal("Analyst ‒ “engines”", ada.Headline);
            var keynote = await scope.Db.Sessions.OfConference(id).SingleAsync(s => s.SourceKey == "sessionize:session:1002");
            Assert.Null(keynote.RoomId);
            var night = await scope.Db.Sessions.OfConference(id).SingleAsync(s => s.SourceKey == "sessionize:session:1005");
            var nightSlot = await scope.Db.TimeSlots.SingleAsync(s => s.Id == night.TimeSlotId);
            Assert.Equal((new DateTime(2026, 10, 25, 1, 30, 0), new DateTime(2026, 10, 25, 3, 30, 0)), (nightSlot.Start, nightSlot.End));
        }

        var (_, again) = await PreviewAsync(file, "sessionize");
        Assert.Equal(0, CountOf(again, ImportAction.Create));
        Assert.Equal(0, CountOf(again, ImportAction.Update));
        Assert.Equal(19, CountOf(again, ImportAction.Unchanged));
        Assert.NotNull(again.QuerySelector("#import-nothing"));

        var changedFile = file
            .Replace("Engines — “the analytical” ✓ «ünïcode»", "Engines, revised ✓", StringComparison.Ordinal)
            .Replace("\"startsAt\": \"2026-10-24T09:00:00\"", "\"startsAt\": \"2026-10-24T09:15:00\"", StringComparison.Ordinal)
            .Replace("\"endsAt\": \"2026-10-24T09:45:00\"", "\"endsAt\": \"2026-10-24T10:00:00\"", StringComparison.Ordinal);
        var (changedUrl, changed) = await PreviewAsync(changedFile, "sessionize");
        Assert.Equal(1, CountOf(changed, ImportAction.Create));
        Assert.Equal(2, CountOf(changed, ImportAction.Update));
        Assert.Contains("Engines — “the analytical” ✓ «ünïcode» → Engines, revised ✓", Squeeze(changed.QuerySelector("table[data-kind=Talks]")!.TextContent), StringComparison.Ordinal);
        await ConfirmAsync(changedUrl, changed);

        var after = await CountAsync(id);
        Assert.Equal(imported with { Slots = imported.Slots + 1 }, after);
        await using var check = App.OpenDb();
        var revised = await check.Db.Talks.OfConference(id).SingleAsync(t => t.SourceKey == "sessionize:session:1001");
        Assert.Equal("Engines, revised ✓", revised.Title);
        var session = await check.Db.Sessions.OfConference(id).SingleAsync(s => s.Id == revised.SessionId);
        var slot = await check.Db.TimeSlots.SingleAsync(s => s.Id == session.TimeSlotId);
        Assert.Equal(new DateTime(2026, 10, 24, 9, 15, 0), slot.Start);
    }

    [Fact]
    public async Task Pretalx_import_round()
    {
        var id = await CreateConferenceAsync();
        var file = SessionizeParserTests.Fixture("pretalx-widget.json");

        var (url, page) = await PreviewAsync(file, "pretalx-widget");
        Assert.Equal(new Counts(0, 0, 0, 0, 0), await CountAsync(id));
        Assert.Equal(2 + 5 + 3 + 5 + 3, CountOf(page, ImportAction.Create));
        Assert.Equal(5, CountOf(page, ImportAction.Rejected));
        var text = Squeeze(page.Body!.TextContent);
        Assert.Contains("Talk JKL012 (In a room nobody listed): its room 99 is not one of the rooms in the file.", text, StringComparison.Ordinal);
        Assert.Contains("its state is withdrawn", text, StringComparison.Ordinal);

        await ConfirmAsync(url, page);
        var imported = await CountAsync(id);
        Assert.Equal(new Counts(2, 5, 5, 3, 3), imported);
        await using (var scope = App.OpenDb())
        {
            var talk = await scope.Db.Talks.OfConference(id).SingleAsync(t => t.SourceKey == "pretalx:talk:ABC123");
            Assert.Equal("Ünïcode — “quotes” ✓", talk.Title);
            Assert.Equal("Some **Markdown** and <img src=x onerror=alert(1)>", talk.Abstract);
            var ada = await scope.Db.Speakers.OfConference(id).SingleAsync(s => s.SourceKey == "pretalx:speaker:SPK1");
            Assert.Equal("Line one\n<script>alert(1)</script>", ada.Bio);
            var coffee = await scope.Db.Sessions.OfConference(id).SingleAsync(s => s.SourceKey == "pretalx:break:11:2026-10-24:1");
            Assert.Equal(("Coffee break", SessionKind.Break), (coffee.Title, coffee.Kind));
        }

        var (_, again) = await PreviewAsync(file, "pretalx-widget");
        Assert.Equal(0, CountOf(again, ImportAction.Create));
        Assert.Equal(0, CountOf(again, ImportAction.Update));
        Assert.Equal(18, CountOf(again, ImportAction.Unchanged));
        Assert.NotNull(again.QuerySelector("#import-nothing"));

        var changedFile = file
            .Replace("Ünïcode — “quotes” ✓", "Ünïcode, revised", StringComparison.Ordinal)
            .Replace("\"start\": \"2026-10-24T09:00:00+02:00\"", "\"start\": \"2026-10-24T09:15:00+02:00\"", StringComparison.Ordinal)
            .Replace("\"end\": \"2026-10-24T09:30:00+02:00\"", "\"end\": \"2026-10-24T09:45:00+02:00\"", StringComparison.Ordinal)
            .Replace("\"start\": \"2026-10-24T08:00:00Z\"", "\"start\": \"2026-10-24T08:15:00Z\"", StringComparison.Ordinal)
            .Replace("\"end\": \"2026-10-24T10:30:00+02:00\"", "\"end\": \"2026-10-24T10:45:00+02:00\"", StringComparison.Ordinal);
        var (changedUrl, changed) = await PreviewAsync(changedFile, "pretalx-widget");
        Assert.Equal(2, CountOf(changed, ImportAction.Create));
        Assert.Equal(3, CountOf(changed, ImportAction.Update));
        await ConfirmAsync(changedUrl, changed);

        Assert.Equal(imported with { Slots = imported.Slots + 2 }, await CountAsync(id));
        await using var check = App.OpenDb();
        Assert.Equal("Ünïcode, revised", (await check.Db.Talks.OfConference(id).SingleAsync(t => t.SourceKey == "pretalx:talk:ABC123")).Title);
        var moved = await check.Db.Sessions.OfConference(id).SingleAsync(s => s.SourceKey == "pretalx:break:11:2026-10-24:1");
        var slot = await check.Db.TimeSlots.SingleAsync(s => s.Id == moved.TimeSlotId);
        Assert.Equal(new DateTime(2026, 10, 24, 10, 15, 0), slot.Start);
    }
}
