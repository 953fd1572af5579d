using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using AngleSharp.Html.Dom;
using ConferenceApp.Data;
using ConferenceApp.Domain;
using ConferenceApp.Testing;
using ConferenceApp.Tests.Organize;
using ConferenceApp.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace ConferenceApp.Tests.Interop;

/// <summary>
/// Imports the generated large conference (2 days, 30 rooms, 800 events, 1,000 speakers) through the
/// upload form, the preview and the confirmation, as an organizer does. The elapsed times go to the
/// test output and are not asserted, because a shared machine makes them vary.
/// </summary>
public sealed class LargeImportTests(ITestOutputHelper output) : OrganizerTestBase
{
    private const string Large = "large";

    [Fact]
    public async Task Large_program_imports_completely()
    {
        var generated = new LargeConferenceGenerator().Generate(LargeConferenceSize.Standard);
        var id = await CreateConferenceAsync(generated);

        var total = Stopwatch.StartNew();
        var (url, page, uploadTime) = await PreviewAsync(generated);
        var confirmTime = Stopwatch.StartNew();
        var confirmed = await ConfirmAsync(url, page);
        confirmTime.Stop();
        total.Stop();
        output.WriteLine($"Upload and plan: {Seconds(uploadTime)}; confirm (plan and apply): {Seconds(confirmTime.Elapsed)}; "
            + $"import in total: {Seconds(total.Elapsed)} for {generated.Xml.Length} bytes.");

        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal(0, CountOf(page, ImportAction.Rejected));
        await AssertImportedAsync(id, generated);
    }

    [Fact]
    public async Task Large_program_again_is_unchanged()
    {
        var generated = new LargeConferenceGenerator().Generate(LargeConferenceSize.Standard);
        var id = await CreateConferenceAsync(generated);
        var (url, page, _) = await PreviewAsync(generated);
        await ConfirmAsync(url, page);
        var audit = await AuditCountAsync(id);

        var (_, again, againTime) = await PreviewAsync(generated);
        output.WriteLine($"Second upload and plan: {Seconds(againTime)}.");

        var expectedRows = generated.RoomNames.Count + generated.TimeSlotCount + generated.SpeakerIds.Count
            + generated.TalkGuids.Count + generated.BreakGuids.Count + generated.TalkGuids.Count;
        Assert.Equal(expectedRows, CountOf(again, ImportAction.Unchanged));
        Assert.Equal(0, CountOf(again, ImportAction.Create));
        Assert.Equal(0, CountOf(again, ImportAction.Update));
        Assert.Equal(0, CountOf(again, ImportAction.Rejected));
        Assert.NotNull(again.QuerySelector("#import-nothing"));
        Assert.Equal(audit, await AuditCountAsync(id));
    }

    private async Task<int> CreateConferenceAsync(GeneratedConference generated)
    {
        await using var scope = App.OpenDb();
        var conference = ConferenceApp.Domain.Conference.Create(new ConferenceDetails(
            Large, "Large conference", null, generated.TimeZoneId, generated.StartDate, generated.EndDate));
        scope.Db.Conferences.Add(conference);
        await scope.Db.SaveChangesAsync();
        return conference.Id;
    }

    // Uploads the file and opens the preview it redirects to. The elapsed time covers both requests.
    private async Task<(string Url, IHtmlDocument Page, TimeSpan Elapsed)> PreviewAsync(GeneratedConference generated)
    {
        var formUrl = new Uri($"/organize/{Large}/import", UriKind.Relative);
        var token = AppFactory.AntiforgeryToken(await Browser.Client.GetStringAsync(formUrl));
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(token), "__RequestVerificationToken");
        form.Add(new StringContent("frab-xml"), "format");
        var file = new ByteArrayContent(generated.Xml);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/xml");
        form.Add(file, "file", "large.xml");

        var watch = Stopwatch.StartNew();
        var response = await Browser.Client.PostAsync(formUrl, form);
        var url = OrganizerBrowser.RedirectTarget(response);
        var page = await Browser.GetPageAsync(url);
        return (url, page, watch.Elapsed);
    }

    private Task<HttpResponseMessage> ConfirmAsync(string url, IHtmlDocument page)
    {
        var form = page.QuerySelector("input[name=fingerprint]")!.ParentElement!;
        return Browser.PostAsync(url, new Dictionary<string, string>
        {
            ["fingerprint"] = form.QuerySelector("input[name=fingerprint]")!.GetAttribute("value")!,
            ["__RequestVerificationToken"] = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
        });
    }

    private async Task AssertImportedAsync(int conferenceId, GeneratedConference generated)
    {
        await using var scope = App.OpenDb();
        var db = scope.Db;

        var rooms = await db.Rooms.OfConference(conferenceId).Select(r => r.Name).ToListAsync();
        Assert.Equal(generated.RoomNames.Order(StringComparer.Ordinal), rooms.Order(StringComparer.Ordinal));

        Assert.Equal(generated.TimeSlotCount, await db.TimeSlots.OfConference(conferenceId).CountAsync());

        var sessionKeys = await db.Sessions.OfConference(conferenceId).Select(s => s.SourceKey).ToListAsync();
        var eventKeys = generated.TalkGuids.Concat(generated.BreakGuids).Select(SourceKey);
        Assert.Equal(eventKeys.Order(StringComparer.Ordinal), sessionKeys.Order(StringComparer.Ordinal));

        var talkKeys = await db.Talks.OfConference(conferenceId).Select(t => t.SourceKey).ToListAsync();
        Assert.Equal(generated.TalkGuids.Select(SourceKey).Order(StringComparer.Ordinal), talkKeys.Order(StringComparer.Ordinal));

        var speakerKeys = await db.Speakers.OfConference(conferenceId).Select(s => s.SourceKey).ToListAsync();
        var expectedSpeakers = generated.SpeakerIds.Select(speaker => string.Create(CultureInfo.InvariantCulture, $"frab:person:{speaker}"));
        Assert.Equal(expectedSpeakers.Order(StringComparer.Ordinal), speakerKeys.Order(StringComparer.Ordinal));

        var links = await db.TalkSpeakers.CountAsync(l => db.Talks.OfConference(conferenceId).Any(t => t.Id == l.TalkId));
        Assert.Equal(generated.SpeakerAssignmentCount, links);

        var unplaced = await db.Sessions.OfConference(conferenceId).CountAsync(s => s.TimeSlotId == null);
        Assert.Equal(0, unplaced);
    }

    private async Task<int> AuditCountAsync(int conferenceId)
    {
        await using var scope = App.OpenDb();
        return await scope.Db.AuditEntries.CountAsync(a => a.ConferenceId == conferenceId);
    }

    private static int CountOf(IHtmlDocument page, ImportAction action) =>
        int.Parse(page.QuerySelector($".import-count[data-action=\"{action}\"] dd")!.TextContent.Trim(), CultureInfo.InvariantCulture);

    private static string SourceKey(Guid guid) => $"frab:{guid:D}";

    private static string Seconds(TimeSpan elapsed) => string.Create(CultureInfo.InvariantCulture, $"{elapsed.TotalSeconds:0.00} s");
}
