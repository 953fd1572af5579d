using System.Data.Common;
using System.Net;
using AngleSharp.Html.Dom;
using ConferenceApp.Data;
using ConferenceApp.Domain;
using ConferenceApp.Features.Organize.Conflicts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace ConferenceApp.Tests.Organize;

/// <summary>Availability and talk lengths on the organizer forms, and the conflicts they cause on the pages of the items involved.</summary>
public sealed class AvailabilityPagesTests : OrganizerTestBase
{
    private const string Base = "/organize/" + Conference;

    [Fact]
    public async Task Room_availability_is_stored_merged()
    {
        var (_, roomId, _) = await OpeningAsync();

        var response = await Browser.SubmitAsync(RoomUrl(roomId), Fields(("Availability", "2023-03-09 11:00 – 13:00\r\n\r\n2023-03-09 08:00-12:00")));

        OrganizerBrowser.RedirectTarget(response);
        var page = await Browser.GetPageAsync(RoomUrl(roomId));
        Assert.Equal("2023-03-09 08:00-13:00", TextArea(page).Value);
        await using var scope = App.OpenDb();
        var room = await scope.Db.Rooms.SingleAsync(r => r.Id == roomId);
        Assert.Equal(new LocalInterval(new DateTime(2023, 3, 9, 8, 0, 0), new DateTime(2023, 3, 9, 13, 0, 0)), Assert.Single(room.Availability.Intervals));
    }

    [Fact]
    public async Task Room_availability_errors_keep_text()
    {
        var (_, roomId, _) = await OpeningAsync();
        const string typed = "2023-03-09 9-17\n2023-02-30 09:00-10:00\n2023-03-09 10:00-11:00";

        var response = await Browser.SubmitAsync(RoomUrl(roomId), Fields(("Availability", typed)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await OrganizerBrowser.ParseAsync(response);
        Assert.Equal(typed, TextArea(page).Value);
        var errors = page.QuerySelectorAll("[data-valmsg-for='Availability'] li").Select(li => li.TextContent).ToList();
        Assert.Equal(2, errors.Count);
        Assert.StartsWith("Line 1, “2023-03-09 9-17”: write the interval as", errors[0], StringComparison.Ordinal);
        Assert.Equal("Line 2, “2023-02-30 09:00-10:00”: 2023-02-30 is not a date in the calendar.", errors[1]);
        await using var scope = App.OpenDb();
        Assert.True((await scope.Db.Rooms.SingleAsync(r => r.Id == roomId)).Availability.IsAlways);
    }

    [Fact]
    public async Task Room_conflicts_show_on_room_page()
    {
        var (_, roomId, _) = await OpeningAsync();

        var response = await Browser.SubmitAsync(RoomUrl(roomId), Fields(("Availability", "2023-03-09 00:00-00:30")));

        var list = await Browser.FollowAsync(response);
        Assert.Contains("Saved the room", OrganizerBrowser.SuccessMessage(list), StringComparison.Ordinal);
        var notice = list.QuerySelector(".new-conflicts")!;
        Assert.Matches(@"The change was saved and created \d+ new conflicts?\.", notice.TextContent);
        Assert.Equal($"{Base}/conflicts", notice.QuerySelector("a")!.GetAttribute("href"));

        var page = await Browser.GetPageAsync(RoomUrl(roomId));
        var panel = page.QuerySelector(".conflict-panel")!.TextContent;
        Assert.Contains("Room availability", panel, StringComparison.Ordinal);
        Assert.Contains("“Opening words” (2023-03-09 ", panel, StringComparison.Ordinal);
        Assert.Contains("but not entirely inside one of the room's available times", panel, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Speaker_conflicts_show_on_pages()
    {
        var (sessionId, _, speakerId) = await OpeningAsync();

        var response = await Browser.SubmitAsync(SpeakerUrl(speakerId), Fields(("Availability", "2023-03-09 00:00-01:00")));

        var list = await Browser.FollowAsync(response);
        Assert.Contains("created 1 new conflict.", list.QuerySelector(".new-conflicts")!.TextContent, StringComparison.Ordinal);
        var expected = "Nitzan Gado is in “Opening words” (";

        var speakerPage = await Browser.GetPageAsync(SpeakerUrl(speakerId));
        Assert.Equal("2023-03-09 00:00-01:00", TextArea(speakerPage).Value);
        Assert.Contains(expected, speakerPage.QuerySelector(".conflict-panel")!.TextContent, StringComparison.Ordinal);

        var sessionPage = await Browser.GetPageAsync($"{Base}/sessions/{Text(sessionId)}/edit");
        var panel = sessionPage.QuerySelector(".conflict-panel")!;
        Assert.Contains(expected, panel.TextContent, StringComparison.Ordinal);
        Assert.True(panel.CompareDocumentPosition(sessionPage.QuerySelector("form.organize-form")!).HasFlag(AngleSharp.Dom.DocumentPositions.Following));

        var sessions = await Browser.GetPageAsync($"{Base}/sessions");
        var row = sessions.QuerySelectorAll("li.list-group-item").Single(li => li.QuerySelector("a")!.TextContent == "Opening words");
        Assert.Equal("1 conflict", row.QuerySelector(".badge")!.TextContent);
        Assert.Single(sessions.QuerySelectorAll("li.list-group-item .badge"));
    }

    [Fact]
    public async Task Speaker_availability_errors_keep_text()
    {
        var (_, _, speakerId) = await OpeningAsync();
        const string typed = "2023-03-09 18:00-02:00";

        var response = await Browser.SubmitAsync(SpeakerUrl(speakerId), Fields(("Availability", typed), ("Headline", "Changed headline")));

        var page = await OrganizerBrowser.ParseAsync(response);
        Assert.Equal(typed, TextArea(page).Value);
        Assert.Contains("For an interval that crosses midnight write both dates", page.QuerySelector("[data-valmsg-for='Availability']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Changed headline", ((IHtmlInputElement)page.QuerySelector("input[name='Headline']")!).Value);
    }

    [Fact]
    public async Task Talk_length_conflict_shows_on_talk_pages()
    {
        int talkId;
        await using (var scope = App.OpenDb())
        {
            talkId = await scope.Db.Talks.Where(t => t.SessionId != null).OrderBy(t => t.Id).Select(t => t.Id).FirstAsync();
        }

        var response = await Browser.SubmitAsync(TalkUrl(talkId), Fields(("DurationMinutes", "600")));

        var list = await Browser.FollowAsync(response);
        Assert.Contains("created 1 new conflict.", list.QuerySelector(".new-conflicts")!.TextContent, StringComparison.Ordinal);
        var page = await Browser.GetPageAsync(TalkUrl(talkId));
        Assert.Equal("600", ((IHtmlInputElement)page.QuerySelector("input[name='DurationMinutes']")!).Value);
        var panel = page.QuerySelector(".conflict-panel")!.TextContent;
        Assert.Contains("Length", panel, StringComparison.Ordinal);
        Assert.Contains("lasts 600 minutes", panel, StringComparison.Ordinal);

        var talks = await Browser.GetPageAsync($"{Base}/talks");
        var row = talks.QuerySelectorAll("li.list-group-item").Single(li => li.QuerySelector($"a[href='{TalkUrl(talkId)}']") is not null);
        Assert.Equal("1 conflict", row.QuerySelector(".badge")!.TextContent);
        Assert.Contains("600 min", row.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("1441")]
    [InlineData("99999")]
    [InlineData("99999999999999")]
    [InlineData("abc")]
    [InlineData("1.5")]
    public async Task Talk_length_out_of_range_is_rejected(string minutes)
    {
        int talkId;
        await using (var scope = App.OpenDb())
        {
            talkId = await scope.Db.Talks.OrderBy(t => t.Id).Select(t => t.Id).FirstAsync();
        }

        var response = await Browser.SubmitAsync(TalkUrl(talkId), Fields(("DurationMinutes", minutes)));

        var page = await OrganizerBrowser.ParseAsync(response);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Enter the length as a whole number of minutes from 1 to 1440", OrganizerBrowser.ErrorFor(page, "DurationMinutes"), StringComparison.Ordinal);
        Assert.Equal(minutes, ((IHtmlInputElement)page.QuerySelector("input[name='DurationMinutes']")!).Value);
    }

    [Fact]
    public async Task Save_without_new_conflict_has_no_notice()
    {
        var (_, roomId, _) = await OpeningAsync();

        var response = await Browser.SubmitAsync(RoomUrl(roomId), Fields(("Availability", "2023-03-08 08:00 - 2023-03-10 00:00")));

        var list = await Browser.FollowAsync(response);
        Assert.Null(list.QuerySelector(".new-conflicts"));
    }

    [Fact]
    public async Task Conflict_queries_keep_command_count()
    {
        var small = await CountCommandsAsync();
        await using (var scope = App.OpenDb())
        {
            // Ten more sessions, each with a talk and a person, all in conflict with the opening.
            var opening = await scope.Db.Sessions.SingleAsync(s => s.Title == "Opening words");
            var slot = await scope.Db.TimeSlots.SingleAsync(t => t.Id == opening.TimeSlotId);
            var nitzan = await scope.Db.Speakers.SingleAsync(s => s.Slug == "nitzan-gado");
            for (var index = 0; index < 10; index++)
            {
                var session = Session.Create(opening.ConferenceId, $"Extra {index}", SessionKind.Other, null);
                session.PlaceIn(slot, null);
                session.SetPeople([new PersonAssignment(nitzan, null)]);
                scope.Db.Sessions.Add(session);
            }

            await scope.Db.SaveChangesAsync();
        }

        var large = await CountCommandsAsync();

        Assert.Equal(6, small);
        Assert.Equal(small, large);
    }

    /// <summary>Returns the number of SQL commands one run of the conflict rules sends.</summary>
    private async Task<int> CountCommandsAsync()
    {
        await using var scope = App.OpenDb();
        var counter = new CommandCounter();
        var options = new DbContextOptionsBuilder<ConferenceDbContext>(scope.Db.GetService<IDbContextOptions>() as DbContextOptions<ConferenceDbContext>
                ?? throw new InvalidOperationException("The context has no typed options."))
            .AddInterceptors(counter)
            .Options;
        await using var db = new ConferenceDbContext(options, scope.Db.GetService<IAuditActor>());
        var id = await ConferenceIdAsync();

        var conflicts = await new ConflictQueries(db).FindAsync(id, CancellationToken.None);

        Assert.NotNull(conflicts);
        return counter.Count;
    }

    /// <summary>Counts the SQL commands that read rows.</summary>
    private sealed class CommandCounter : DbCommandInterceptor
    {
        public int Count { get; private set; }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Count++;
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }
    }

    /// <summary>Returns the "Opening words" session, its room and Nitzan Gado, who leads it.</summary>
    private async Task<(int SessionId, int RoomId, int SpeakerId)> OpeningAsync()
    {
        await using var scope = App.OpenDb();
        var opening = await scope.Db.Sessions.SingleAsync(s => s.Title == "Opening words");
        var nitzan = await scope.Db.Speakers.SingleAsync(s => s.Slug == "nitzan-gado");
        return (opening.Id, opening.RoomId!.Value, nitzan.Id);
    }

    private static IHtmlTextAreaElement TextArea(IHtmlDocument page) => (IHtmlTextAreaElement)page.QuerySelector("textarea[name='Availability']")!;

    private static string RoomUrl(int id) => $"{Base}/rooms/{Text(id)}/edit";

    private static string SpeakerUrl(int id) => $"{Base}/speakers/{Text(id)}/edit";

    private static string TalkUrl(int id) => $"{Base}/talks/{Text(id)}/edit";
}
