using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using ConferenceApp.Domain;
using ConferenceApp.Features.Accounts;
using ConferenceApp.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ConferenceApp.Tests.Organize;

public sealed class ScheduleEditorTests : OrganizerTestBase
{
    private const string Editor = "/organize/" + Conference + "/schedule";

    [Fact]
    public async Task Grid_shows_rooms_blocks_and_zone()
    {
        await AddRoomAsync("Hall B");

        var page = await Browser.GetPageAsync(Editor);

        Assert.Equal("Schedule", page.QuerySelector(".organize-sections a")!.TextContent.Trim());
        Assert.Contains("Asia/Jerusalem", page.QuerySelector(".schedule-corner")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(["All rooms", "Main hall", "Hall B"], page.QuerySelectorAll(".schedule-room").Select(r => r.TextContent.Trim()));

        var reception = Block(page, "Reception");
        Assert.Contains("all-rooms", reception.ClassList);
        Assert.Contains("grid-column: 2 / 5", reception.GetAttribute("style"), StringComparison.Ordinal);
        Assert.Contains("08:45–09:30", reception.TextContent, StringComparison.Ordinal);

        var opening = Block(page, "Opening words");
        Assert.Contains("grid-column: 3 / 4", opening.GetAttribute("style"), StringComparison.Ordinal);
        Assert.Contains("Nitzan Gado", opening.TextContent, StringComparison.Ordinal);
        Assert.NotNull(opening.QuerySelector($"a[href='{Editor}/sessions/{opening.GetAttribute("data-session-id")}/place?snap=15']"));

        var lightning = Block(page, "Lightning talks");
        Assert.Contains("Talk block", lightning.TextContent, StringComparison.Ordinal);
        Assert.Equal(["Knowledge is a Region in Weight Space for Fine-tuned Language Models"],
            lightning.QuerySelectorAll(".talk-title").Select(t => t.TextContent.Trim()));
    }

    [Fact]
    public async Task Conflicts_show_on_blocks()
    {
        var opening = await SessionAsync("Opening words");
        var lightning = await SessionAsync("Lightning talks");

        var response = await MoveSessionAsync(opening.Id, opening.Version, Text(lightning.RoomId!.Value), "2023-03-09T11:00", "2023-03-09T11:20");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var page = await Browser.GetPageAsync(Editor);
        foreach (var title in new[] { "Opening words", "Lightning talks" })
        {
            var block = Block(page, title);
            Assert.Contains("has-conflict", block.ClassList);
            // The wording belongs to the conflict rules; the block must show the message naming both items.
            var conflicts = block.QuerySelector(".block-conflicts")!.TextContent;
            Assert.Contains("Opening words", conflicts, StringComparison.Ordinal);
            Assert.Contains("Lightning talks", conflicts, StringComparison.Ordinal);
            Assert.NotNull(block.QuerySelector($"a[href='/organize/{Conference}/conflicts']"));
        }

        Assert.Contains("1 conflict", page.QuerySelector("#schedule-conflicts")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Snap_sets_row_size()
    {
        var quarter = await Browser.GetPageAsync(Editor);
        var tenMinutes = await Browser.GetPageAsync(Editor + "?snap=10");
        var invalid = await Browser.GetPageAsync(Editor + "?snap=7");

        Assert.Equal("15", quarter.QuerySelector("#schedule-region")!.GetAttribute("data-snap"));
        Assert.Equal("10", tenMinutes.QuerySelector("#schedule-region")!.GetAttribute("data-snap"));
        Assert.Equal("15", invalid.QuerySelector("#schedule-region")!.GetAttribute("data-snap"));
        Assert.Equal(
            tenMinutes.QuerySelectorAll(".drop-cell").Length * 10,
            quarter.QuerySelectorAll(".drop-cell").Length * 15);
    }

    [Fact]
    public async Task Move_to_new_time_creates_slot()
    {
        var hallB = await AddRoomAsync("Hall B");
        var opening = await SessionAsync("Opening words");
        var slotsBefore = await SlotCountAsync();

        var response = await MoveSessionAsync(opening.Id, opening.Version, Text(hallB), "2023-03-09T16:00", "2023-03-09T16:20");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var moved = await SessionAsync("Opening words");
        Assert.Equal(hallB, moved.RoomId);
        Assert.Equal(new DateTime(2023, 3, 9, 16, 0, 0), moved.Start);
        Assert.Equal(new DateTime(2023, 3, 9, 16, 20, 0), moved.End);
        Assert.Equal(moved.Version, (await ReplyAsync(response)).GetProperty("version").GetGuid());
        Assert.Equal(slotsBefore + 1, await SlotCountAsync());

        // The old slot stays, empty, for the organizers to delete on the time slot pages.
        await using var scope = App.OpenDb();
        Assert.True(await scope.Db.TimeSlots.AnyAsync(s => s.Id == opening.SlotId));
    }

    [Fact]
    public async Task Move_to_existing_slot_reuses_it()
    {
        var hallB = await AddRoomAsync("Hall B");
        var opening = await SessionAsync("Opening words");
        var lightning = await SessionAsync("Lightning talks");
        var slotsBefore = await SlotCountAsync();

        var response = await MoveSessionAsync(opening.Id, opening.Version, Text(hallB), "2023-03-09T11:00", "2023-03-09T12:20");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(lightning.SlotId, (await SessionAsync("Opening words")).SlotId);
        Assert.Equal(slotsBefore, await SlotCountAsync());
    }

    [Fact]
    public async Task Move_to_all_rooms_clears_room()
    {
        var opening = await SessionAsync("Opening words");

        var response = await MoveSessionAsync(opening.Id, opening.Version, "all", "2023-03-09T09:30", "2023-03-09T09:50");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var moved = await SessionAsync("Opening words");
        Assert.Null(moved.RoomId);
        Assert.Equal(opening.SlotId, moved.SlotId);
        var page = await Browser.GetPageAsync(Editor);
        Assert.Contains("all-rooms", Block(page, "Opening words").ClassList);
    }

    [Fact]
    public async Task Move_across_midnight_shows_next_day_mark()
    {
        var opening = await SessionAsync("Opening words");

        var response = await MoveSessionAsync(opening.Id, opening.Version, "all", "2023-03-09T23:30", "2023-03-10T00:30");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var moved = await SessionAsync("Opening words");
        Assert.Equal(new DateTime(2023, 3, 10, 0, 30, 0), moved.End);

        var page = await Browser.GetPageAsync(Editor);
        Assert.Contains("23:30–00:30 +1", Block(page, "Opening words").TextContent, StringComparison.Ordinal);
        Assert.Contains(page.QuerySelectorAll(".schedule-time"), label => label.TextContent.Trim() == "00:30 +1");
        Assert.Equal("2023-03-09 2023-03-10 2023-03-11", page.QuerySelector("#schedule-region")!.GetAttribute("data-days"));
    }

    [Fact]
    public async Task Skipped_local_time_is_rejected()
    {
        // Israel moved its clocks from 02:00 to 03:00 on 24 March 2023.
        await ExtendConferenceAsync(new DateOnly(2023, 3, 24));
        var opening = await SessionAsync("Opening words");

        var response = await MoveSessionAsync(opening.Id, opening.Version, "all", "2023-03-24T02:30", "2023-03-24T03:30");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var message = (await ReplyAsync(response)).GetProperty("message").GetString();
        Assert.Contains("2023-03-24 02:30 does not exist in Asia/Jerusalem", message, StringComparison.Ordinal);
        Assert.Equal(opening.SlotId, (await SessionAsync("Opening words")).SlotId);
    }

    [Theory]
    [InlineData("2023-03-10T09:00", "2023-03-10T10:00", "not one of the conference's days")]
    [InlineData("2023-03-09T10:00", "2023-03-09T09:00", "must be after the start")]
    [InlineData("2023-03-09 10:00", "2023-03-09T11:00", "yyyy-MM-ddTHH:mm")]
    public async Task Invalid_times_are_rejected(string start, string end, string expected)
    {
        var opening = await SessionAsync("Opening words");
        var slotsBefore = await SlotCountAsync();

        var response = await MoveSessionAsync(opening.Id, opening.Version, "all", start, end);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(expected, (await ReplyAsync(response)).GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(slotsBefore, await SlotCountAsync());
    }

    [Fact]
    public async Task Stale_version_returns_conflict_with_current_place()
    {
        var hallB = await AddRoomAsync("Hall B");
        var opening = await SessionAsync("Opening words");
        var first = await MoveSessionAsync(opening.Id, opening.Version, Text(hallB), "2023-03-09T10:00", "2023-03-09T10:45");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var slotsBefore = await SlotCountAsync();

        var stale = await MoveSessionAsync(opening.Id, opening.Version, "all", "2023-03-09T16:00", "2023-03-09T16:30");

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var message = (await ReplyAsync(stale)).GetProperty("message").GetString();
        Assert.Contains("Someone else changed “Opening words”", message, StringComparison.Ordinal);
        Assert.Contains("It is now Thu 9 Mar 2023, 10:00–10:45 in Hall B.", message, StringComparison.Ordinal);

        // The slot the stale move would have created was rolled back with it.
        Assert.Equal(slotsBefore, await SlotCountAsync());
        Assert.Equal(hallB, (await SessionAsync("Opening words")).RoomId);
    }

    [Fact]
    public async Task Move_is_audited()
    {
        var opening = await SessionAsync("Opening words");
        var before = (await AuditOfAsync(nameof(Session))).Count;

        var response = await MoveSessionAsync(opening.Id, opening.Version, "all", "2023-03-09T16:00", "2023-03-09T16:20");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(before + 1, (await AuditOfAsync(nameof(Session))).Count);
        Assert.NotEmpty(await AuditOfAsync(nameof(TimeSlot)));
    }

    [Fact]
    public async Task Talk_moves_renumber_both_sessions()
    {
        var lightning = await SessionAsync("Lightning talks");
        var knowledge = await TalkAsync("Knowledge is a Region");
        var data = await TalkAsync("Data Challenges");
        var accounting = await TalkAsync("Accounting Automation");
        var accountingSession = accounting.SessionId!.Value;

        Assert.Equal(HttpStatusCode.OK, (await MoveTalkAsync(data.Id, data.Version, lightning.Id, 0)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await MoveTalkAsync(accounting.Id, accounting.Version, lightning.Id, 1)).StatusCode);
        Assert.Equal([(data.Id, 0), (accounting.Id, 1), (knowledge.Id, 2)], await TalkOrderAsync(lightning.Id));

        // Down within the same session: the talk lands at the place asked for, the others close up.
        data = await TalkAsync("Data Challenges");
        Assert.Equal(HttpStatusCode.OK, (await MoveTalkAsync(data.Id, data.Version, lightning.Id, 2)).StatusCode);
        Assert.Equal([(accounting.Id, 0), (knowledge.Id, 1), (data.Id, 2)], await TalkOrderAsync(lightning.Id));

        // Out of the session: the talks left behind are renumbered from 0.
        accounting = await TalkAsync("Accounting Automation");
        Assert.Equal(HttpStatusCode.OK, (await MoveTalkAsync(accounting.Id, accounting.Version, accountingSession, null)).StatusCode);
        Assert.Equal([(knowledge.Id, 0), (data.Id, 1)], await TalkOrderAsync(lightning.Id));
        Assert.Equal([(accounting.Id, 0)], await TalkOrderAsync(accountingSession));
    }

    [Fact]
    public async Task Stale_talk_move_returns_conflict()
    {
        var lightning = await SessionAsync("Lightning talks");
        var data = await TalkAsync("Data Challenges");
        Assert.Equal(HttpStatusCode.OK, (await MoveTalkAsync(data.Id, data.Version, lightning.Id, 0)).StatusCode);

        var stale = await MoveTalkAsync(data.Id, data.Version, data.SessionId!.Value, 0);

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var message = (await ReplyAsync(stale)).GetProperty("message").GetString();
        Assert.Contains("It is now talk 1 of 2 in “Lightning talks”", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Talk_down_button_reorders_and_returns_to_day()
    {
        var lightning = await SessionAsync("Lightning talks");
        var data = await TalkAsync("Data Challenges");
        Assert.Equal(HttpStatusCode.OK, (await MoveTalkAsync(data.Id, data.Version, lightning.Id, 0)).StatusCode);
        var knowledge = await TalkAsync("Knowledge is a Region");

        var page = await Browser.GetPageAsync(Editor + "?snap=30");
        var down = page.QuerySelectorAll("button").Single(b => b.GetAttribute("aria-label") == $"Move “{data.Title}” down");
        var response = await Browser.PostAsync(((IHtmlFormElement)down.Closest("form")!).Action, FormFields(down.Closest("form")!));

        Assert.Equal($"{Editor}?day=2023-03-09&snap=30", OrganizerBrowser.RedirectTarget(response));
        Assert.Equal([(knowledge.Id, 0), (data.Id, 1)], await TalkOrderAsync(lightning.Id));
    }

    [Fact]
    public async Task Talk_button_on_stale_grid_shows_conflict()
    {
        var lightning = await SessionAsync("Lightning talks");
        var data = await TalkAsync("Data Challenges");
        var knowledge = await TalkAsync("Knowledge is a Region");
        var page = await Browser.GetPageAsync(Editor);
        Assert.Equal(HttpStatusCode.OK, (await MoveTalkAsync(data.Id, data.Version, lightning.Id, 0)).StatusCode);

        var select = page.QuerySelector($"#talk-session-{Text(data.Id)}")!;
        var values = FormFields(select.Closest("form")!);
        values["SessionId"] = Text(lightning.Id);
        var response = await Browser.PostAsync($"{Editor}/talks/{Text(data.Id)}/order", values);

        var shown = await Browser.FollowAsync(response);
        Assert.Contains("Someone else changed “Data Challenges", shown.QuerySelector("#schedule-alert")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("It is now talk 1 of 2 in “Lightning talks”", shown.QuerySelector("#schedule-alert")!.TextContent, StringComparison.Ordinal);
        Assert.Equal([(data.Id, 0), (knowledge.Id, 1)], await TalkOrderAsync(lightning.Id));
    }

    [Fact]
    public async Task Overlapping_blocks_share_column()
    {
        var opening = await SessionAsync("Opening words");
        var lightning = await SessionAsync("Lightning talks");
        Assert.Equal(HttpStatusCode.OK, (await MoveSessionAsync(opening.Id, opening.Version, Text(lightning.RoomId!.Value), "2023-03-09T11:30", "2023-03-09T12:00")).StatusCode);

        var page = await Browser.GetPageAsync(Editor);

        Assert.Contains("--lane: 0; --lanes: 2;", Block(page, "Lightning talks").GetAttribute("style"), StringComparison.Ordinal);
        Assert.Contains("--lane: 1; --lanes: 2;", Block(page, "Opening words").GetAttribute("style"), StringComparison.Ordinal);
        Assert.Contains("--lane: 0; --lanes: 1;", Block(page, "Roundtable closure").GetAttribute("style"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Overlapping_all_rooms_blocks_share_lane()
    {
        var closing = await SessionAsync("Closing remarks");
        Assert.Equal(HttpStatusCode.OK, (await MoveSessionAsync(closing.Id, closing.Version, "all", "2023-03-09T09:00", "2023-03-09T09:15")).StatusCode);

        var page = await Browser.GetPageAsync(Editor);

        Assert.Contains("--lane: 0; --lanes: 2;", Block(page, "Reception").GetAttribute("style"), StringComparison.Ordinal);
        Assert.Contains("--lane: 1; --lanes: 2;", Block(page, "Closing remarks").GetAttribute("style"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Short_blocks_are_compact_with_links()
    {
        var page = await Browser.GetPageAsync(Editor);

        var closing = Block(page, "Closing remarks");
        Assert.Contains("compact", closing.ClassList);
        Assert.NotNull(closing.QuerySelector(".block-links a[aria-label='Move “Closing remarks”…']"));
        Assert.DoesNotContain("compact", Block(page, "Lightning talks").ClassList);
    }

    [Fact]
    public async Task Short_block_leaves_talk_select_to_place_page()
    {
        var lightning = await SessionAsync("Lightning talks");
        var data = await TalkAsync("Data Challenges");
        var accounting = await TalkAsync("Accounting Automation");
        Assert.Equal(HttpStatusCode.OK, (await MoveTalkAsync(data.Id, data.Version, lightning.Id, null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await MoveTalkAsync(accounting.Id, accounting.Version, lightning.Id, null)).StatusCode);
        lightning = await SessionAsync("Lightning talks");
        Assert.Equal(HttpStatusCode.OK, (await MoveSessionAsync(lightning.Id, lightning.Version, Text(lightning.RoomId!.Value), "2023-03-09T11:00", "2023-03-09T11:30")).StatusCode);

        var grid = await Browser.GetPageAsync(Editor);
        Assert.Null(grid.QuerySelector($"#talk-session-{Text(data.Id)}"));
        Assert.NotNull(Block(grid, "Lightning talks").QuerySelector($"li[data-talk-id='{Text(data.Id)}']"));

        var placeUrl = $"{Editor}/sessions/{Text(lightning.Id)}/place?snap=15";
        var place = await Browser.GetPageAsync(placeUrl);
        var select = place.QuerySelector($"#place-talk-session-{Text(data.Id)}")!;
        var values = FormFields(select.Closest("form")!);
        values["SessionId"] = Text(accounting.SessionId!.Value);
        var response = await Browser.PostAsync($"{Editor}/talks/{Text(data.Id)}/order", values);

        Assert.Equal(placeUrl, OrganizerBrowser.RedirectTarget(response));
        Assert.Equal(accounting.SessionId, (await TalkAsync("Data Challenges")).SessionId);
        var up = place.QuerySelectorAll("button").Single(b => b.GetAttribute("aria-label") == $"Move “{accounting.Title}” up");
        Assert.Equal(Text(accounting.Id), up.Closest("form")!.GetAttribute("action")!.Split('/')[^2]);
    }

    [Theory]
    [InlineData("24:00", "12:00", "StartTime", "Enter the start time as hh:mm, from 00:00 to 23:59.")]
    [InlineData("25:61", "12:00", "StartTime", "Enter the start time as hh:mm, from 00:00 to 23:59.")]
    [InlineData("99999", "12:00", "StartTime", "Enter the start time as hh:mm, from 00:00 to 23:59.")]
    [InlineData("11:00 AM", "12:00", "StartTime", "Enter the start time as hh:mm, from 00:00 to 23:59.")]
    [InlineData("11:00", "abc", "EndTime", "Enter the end time as hh:mm, from 00:00 to 23:59.")]
    [InlineData("11:00", "", "EndTime", "Enter the end time as hh:mm, from 00:00 to 23:59.")]
    public async Task Place_form_explains_bad_time(string start, string end, string field, string expected)
    {
        var opening = await SessionAsync("Opening words");

        var response = await Browser.SubmitAsync($"{Editor}/sessions/{Text(opening.Id)}/place", new Dictionary<string, string>
        {
            ["StartTime"] = start,
            ["EndTime"] = end,
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await OrganizerBrowser.ParseAsync(response);
        Assert.Equal(expected, OrganizerBrowser.ErrorFor(page, field).Trim());
        Assert.Equal(start, page.QuerySelector<IHtmlInputElement>("input[name=StartTime]")!.Value);
        Assert.Equal(end, page.QuerySelector<IHtmlInputElement>("input[name=EndTime]")!.Value);
        Assert.Equal(opening.SlotId, (await SessionAsync("Opening words")).SlotId);
    }

    [Fact]
    public async Task Place_form_times_are_text_fields()
    {
        var opening = await SessionAsync("Opening words");

        var page = await Browser.GetPageAsync($"{Editor}/sessions/{Text(opening.Id)}/place");

        var start = page.QuerySelector<IHtmlInputElement>("input[name=StartTime]")!;
        Assert.Equal("text", start.GetAttribute("type"));
        Assert.Equal("numeric", start.GetAttribute("inputmode"));
        Assert.Equal("hh:mm", start.GetAttribute("placeholder"));
        Assert.Equal("09:30", start.Value);
        Assert.Equal("09:50", page.QuerySelector<IHtmlInputElement>("input[name=EndTime]")!.Value);
    }

    [Fact]
    public async Task Place_form_reports_new_conflicts()
    {
        var opening = await SessionAsync("Opening words");
        var lightning = await SessionAsync("Lightning talks");

        var response = await Browser.SubmitAsync($"{Editor}/sessions/{Text(opening.Id)}/place", new Dictionary<string, string>
        {
            ["StartTime"] = "11:00",
            ["EndTime"] = "11:20",
            ["RoomId"] = Text(lightning.RoomId!.Value),
        });

        var grid = await Browser.FollowAsync(response);
        var notice = grid.QuerySelector(".new-conflicts")!;
        Assert.Contains("The change was saved and created 1 new conflict.", notice.TextContent, StringComparison.Ordinal);
        Assert.NotNull(notice.QuerySelector($"a[href='/organize/{Conference}/conflicts']"));
    }

    [Fact]
    public async Task Move_reply_counts_new_conflicts()
    {
        var opening = await SessionAsync("Opening words");
        var lightning = await SessionAsync("Lightning talks");

        var response = await MoveSessionAsync(opening.Id, opening.Version, Text(lightning.RoomId!.Value), "2023-03-09T11:00", "2023-03-09T11:20");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = await ReplyAsync(response);
        Assert.Equal("The change was saved and created 1 new conflict.", reply.GetProperty("message").GetString());
        Assert.Equal(1, reply.GetProperty("newConflicts").GetInt32());
        Assert.Equal($"/organize/{Conference}/conflicts", reply.GetProperty("conflictsUrl").GetString());

        var closing = await SessionAsync("Closing remarks");
        var quiet = await MoveSessionAsync(closing.Id, closing.Version, Text(closing.RoomId!.Value), "2023-03-09T15:40", "2023-03-09T15:50");
        var quietReply = await ReplyAsync(quiet);
        Assert.Equal("Moved the session.", quietReply.GetProperty("message").GetString());
        Assert.Equal(0, quietReply.GetProperty("newConflicts").GetInt32());
    }

    [Fact]
    public async Task Rejected_move_cuts_long_value()
    {
        var opening = await SessionAsync("Opening words");
        var longStart = new string('9', 100_000);

        var response = await MoveSessionAsync(opening.Id, opening.Version, "all", longStart, "2023-03-09T11:00");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var message = (await ReplyAsync(response)).GetProperty("message").GetString()!;
        Assert.Contains($"\"{new string('9', 40)}…\"", message, StringComparison.Ordinal);
        Assert.True(message.Length < 200, message);
    }

    [Fact]
    public async Task Stale_message_keeps_title_quotes()
    {
        var data = await TalkAsync("Data Challenges");
        await using (var scope = App.OpenDb())
        {
            var talk = await scope.Db.Talks.SingleAsync(t => t.Id == data.Id);
            talk.Update(talk.Slug, "“Every Breath You Take” and data", talk.Abstract);
            await scope.Db.SaveChangesAsync();
        }

        var stale = await MoveTalkAsync(data.Id, data.Version, data.SessionId!.Value, 0);

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var message = (await ReplyAsync(stale)).GetProperty("message").GetString();
        Assert.Contains("Someone else changed “Every Breath You Take” and data after", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Place_form_moves_across_midnight()
    {
        var opening = await SessionAsync("Opening words");
        var url = $"{Editor}/sessions/{Text(opening.Id)}/place?snap=30";

        var response = await Browser.SubmitAsync(url, new Dictionary<string, string>
        {
            ["Day"] = "2023-03-09",
            ["StartTime"] = "23:30",
            ["EndTime"] = "00:15",
            ["EndsNextDay"] = "true",
            ["RoomId"] = "",
        });

        var grid = await Browser.FollowAsync(response);
        Assert.Contains("Placed “Opening words”", OrganizerBrowser.SuccessMessage(grid), StringComparison.Ordinal);
        Assert.Equal("30", grid.QuerySelector("#schedule-region")!.GetAttribute("data-snap"));
        var moved = await SessionAsync("Opening words");
        Assert.Equal(new DateTime(2023, 3, 9, 23, 30, 0), moved.Start);
        Assert.Equal(new DateTime(2023, 3, 10, 0, 15, 0), moved.End);
        Assert.Null(moved.RoomId);
    }

    [Fact]
    public async Task Place_form_explains_midnight_box()
    {
        var opening = await SessionAsync("Opening words");

        var response = await Browser.SubmitAsync($"{Editor}/sessions/{Text(opening.Id)}/place", new Dictionary<string, string>
        {
            ["StartTime"] = "23:30",
            ["EndTime"] = "00:15",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await OrganizerBrowser.ParseAsync(response);
        Assert.True(OrganizerBrowser.ErrorFor(page, "EndTime").Contains("tick “Ends the next day”", StringComparison.Ordinal), page.QuerySelector("form.organize-form")!.OuterHtml);
        Assert.Equal("23:30", page.QuerySelector<IHtmlInputElement>("input[name=StartTime]")!.Value);
    }

    [Fact]
    public async Task Place_form_rejects_skipped_time()
    {
        await ExtendConferenceAsync(new DateOnly(2023, 3, 24));
        var opening = await SessionAsync("Opening words");

        var response = await Browser.SubmitAsync($"{Editor}/sessions/{Text(opening.Id)}/place", new Dictionary<string, string>
        {
            ["Day"] = "2023-03-24",
            ["StartTime"] = "02:15",
            ["EndTime"] = "03:30",
        });

        var page = await OrganizerBrowser.ParseAsync(response);
        Assert.Contains("does not exist in Asia/Jerusalem", OrganizerBrowser.ErrorFor(page, "StartTime"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Place_form_on_stale_version_shows_current_values()
    {
        var opening = await SessionAsync("Opening words");
        var url = $"{Editor}/sessions/{Text(opening.Id)}/place";
        var values = OrganizerBrowser.FormValues(await Browser.GetPageAsync(url));
        Assert.Equal(HttpStatusCode.OK, (await MoveSessionAsync(opening.Id, opening.Version, "all", "2023-03-09T16:00", "2023-03-09T16:20")).StatusCode);

        values["StartTime"] = "17:00";
        values["EndTime"] = "17:30";
        var response = await Browser.PostAsync(url, values);

        var page = await OrganizerBrowser.ParseAsync(response);
        Assert.True(OrganizerBrowser.FormError(page).Contains("Someone else changed this session", StringComparison.Ordinal), page.Body!.TextContent);
        Assert.Equal("16:00", page.QuerySelector<IHtmlInputElement>("input[name=StartTime]")!.Value);
        Assert.Equal(new DateTime(2023, 3, 9, 16, 0, 0), (await SessionAsync("Opening words")).Start);
    }

    [Fact]
    public async Task Other_conference_ids_are_not_found()
    {
        var opening = await SessionAsync("Opening words");
        var data = await TalkAsync("Data Challenges");
        var other = await Browser.SubmitAsync("/organize/conferences/new", Fields(
            ("Name", "Other conference"), ("TimeZoneId", "Europe/Berlin"), ("StartDate", "2023-03-09"), ("EndDate", "2023-03-10")));
        OrganizerBrowser.RedirectTarget(other);
        const string otherEditor = "/organize/other-conference/schedule";

        var session = await PostJsonAsync($"{otherEditor}/sessions/{Text(opening.Id)}/move",
            new { version = opening.Version, room = "all", start = "2023-03-09T16:00", end = "2023-03-09T16:20" });
        var talk = await PostJsonAsync($"{otherEditor}/talks/{Text(data.Id)}/move", new { version = data.Version, sessionId = opening.Id, position = 0 });
        var place = await Browser.Client.GetAsync(new Uri($"{otherEditor}/sessions/{Text(opening.Id)}/place", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, session.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, talk.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, place.StatusCode);
        Assert.Equal(opening.SlotId, (await SessionAsync("Opening words")).SlotId);
    }

    [Fact]
    public async Task Room_of_other_conference_is_rejected()
    {
        var other = await Browser.SubmitAsync("/organize/conferences/new", Fields(
            ("Name", "Other conference"), ("TimeZoneId", "Europe/Berlin"), ("StartDate", "2023-03-09"), ("EndDate", "2023-03-10")));
        OrganizerBrowser.RedirectTarget(other);
        int foreignRoom;
        await using (var scope = App.OpenDb())
        {
            var otherId = await scope.Db.Conferences.Where(c => c.Slug == "other-conference").Select(c => c.Id).SingleAsync();
            var room = Room.Create(otherId, "Foreign hall", 0);
            scope.Db.Rooms.Add(room);
            await scope.Db.SaveChangesAsync();
            foreignRoom = room.Id;
        }

        var opening = await SessionAsync("Opening words");

        var response = await MoveSessionAsync(opening.Id, opening.Version, Text(foreignRoom), "2023-03-09T16:00", "2023-03-09T16:20");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"room with id {Text(foreignRoom)} does not exist", (await ReplyAsync(response)).GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Anonymous_and_speaker_are_refused()
    {
        var opening = await SessionAsync("Opening words");
        var speakerClient = await SpeakerClientAsync();
        var anonymous = App.CreateBrowserlessClient();
        var body = new { version = opening.Version, room = "all", start = "2023-03-09T16:00", end = "2023-03-09T16:20" };

        foreach (var client in new[] { anonymous, speakerClient })
        {
            var page = await client.GetAsync(new Uri(Editor, UriKind.Relative));
            var move = await client.PostAsJsonAsync(new Uri($"{Editor}/sessions/{Text(opening.Id)}/move", UriKind.Relative), body);

            Assert.NotEqual(HttpStatusCode.OK, page.StatusCode);
            Assert.True(move.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.BadRequest,
                $"The move returned {(int)move.StatusCode}.");
        }

        Assert.Equal(opening.SlotId, (await SessionAsync("Opening words")).SlotId);
    }

    [Fact]
    public async Task Move_without_antiforgery_header_is_rejected()
    {
        var opening = await SessionAsync("Opening words");

        var response = await Browser.Client.PostAsJsonAsync(new Uri($"{Editor}/sessions/{Text(opening.Id)}/move", UriKind.Relative),
            new { version = opening.Version, room = "all", start = "2023-03-09T16:00", end = "2023-03-09T16:20" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(opening.SlotId, (await SessionAsync("Opening words")).SlotId);
    }

    private static IHtmlElement Block(IHtmlDocument page, string title) =>
        page.QuerySelectorAll<IHtmlElement>(".schedule-block").Single(b => b.GetAttribute("data-title") == title);

    private static Dictionary<string, string> FormFields(IElement form)
    {
        var values = form.QuerySelectorAll<IHtmlInputElement>("input[name]").ToDictionary(i => i.Name!, i => i.Value);
        foreach (var select in form.QuerySelectorAll<IHtmlSelectElement>("select[name]"))
        {
            values[select.Name!] = select.Value ?? "";
        }

        return values;
    }

    private Task<HttpResponseMessage> MoveSessionAsync(int id, Guid version, string room, string start, string end) =>
        PostJsonAsync($"{Editor}/sessions/{Text(id)}/move", new { version, room, start, end });

    private Task<HttpResponseMessage> MoveTalkAsync(int id, Guid version, int sessionId, int? position) =>
        PostJsonAsync($"{Editor}/talks/{Text(id)}/move", new { version, sessionId, position });

    private async Task<HttpResponseMessage> PostJsonAsync(string url, object body)
    {
        var page = await Browser.GetPageAsync(Editor);
        var token = page.QuerySelector<IHtmlInputElement>(".schedule-editor input[name=__RequestVerificationToken]")!.Value;
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(url, UriKind.Relative)) { Content = JsonContent.Create(body) };
        request.Headers.Add("RequestVerificationToken", token);
        return await Browser.Client.SendAsync(request);
    }

    private static async Task<JsonElement> ReplyAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    private async Task<int> AddRoomAsync(string name)
    {
        await using var scope = App.OpenDb();
        var room = Room.Create(await ConferenceIdAsync(), name, 1);
        scope.Db.Rooms.Add(room);
        await scope.Db.SaveChangesAsync();
        return room.Id;
    }

    private async Task ExtendConferenceAsync(DateOnly endDate)
    {
        await using var scope = App.OpenDb();
        var conference = await scope.Db.Conferences.SingleAsync(c => c.Slug == Conference);
        conference.Update(new ConferenceDetails(conference.Slug, conference.Name, conference.Venue, conference.TimeZoneId, conference.StartDate, endDate, conference.SampleNote));
        await scope.Db.SaveChangesAsync();
    }

    private async Task<int> SlotCountAsync()
    {
        await using var scope = App.OpenDb();
        return await scope.Db.TimeSlots.CountAsync();
    }

    private sealed record PlacedSession(int Id, Guid Version, int? SlotId, int? RoomId, DateTime? Start, DateTime? End);

    private async Task<PlacedSession> SessionAsync(string title)
    {
        await using var scope = App.OpenDb();
        var session = await scope.Db.Sessions.AsNoTracking().SingleAsync(s => s.Title == title);
        var slot = await scope.Db.TimeSlots.AsNoTracking().SingleOrDefaultAsync(s => s.Id == session.TimeSlotId);
        return new PlacedSession(session.Id, session.Version, session.TimeSlotId, session.RoomId, slot?.Start, slot?.End);
    }

    private sealed record StoredTalk(int Id, Guid Version, string Title, int? SessionId);

    private async Task<StoredTalk> TalkAsync(string titleStart)
    {
        await using var scope = App.OpenDb();
        var talks = await scope.Db.Talks.AsNoTracking().ToListAsync();
        var talk = talks.Single(t => t.Title.StartsWith(titleStart, StringComparison.Ordinal));
        return new StoredTalk(talk.Id, talk.Version, talk.Title, talk.SessionId);
    }

    private async Task<List<(int Id, int Position)>> TalkOrderAsync(int sessionId)
    {
        await using var scope = App.OpenDb();
        var talks = await scope.Db.Talks.AsNoTracking().Where(t => t.SessionId == sessionId).OrderBy(t => t.Position).Select(t => new { t.Id, t.Position }).ToListAsync();
        return [.. talks.Select(t => (t.Id, t.Position))];
    }

    private async Task<HttpClient> SpeakerClientAsync()
    {
        const string email = "speaker.only@example.org";
        const string password = "a long speaker password";
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
            var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
            if (!await roles.RoleExistsAsync(Roles.Speaker))
            {
                Assert.True((await roles.CreateAsync(new IdentityRole(Roles.Speaker))).Succeeded);
            }

            var user = new IdentityUser { UserName = email, Email = email, EmailConfirmed = true };
            Assert.True((await users.CreateAsync(user, password)).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, Roles.Speaker)).Succeeded);
        }

        var client = App.CreateBrowserlessClient();
        var login = await client.GetStringAsync(new Uri("/Identity/Account/Login", UriKind.Relative));
        var signIn = await client.PostAsync(new Uri("/Identity/Account/Login", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
            ["__RequestVerificationToken"] = AppFactory.AntiforgeryToken(login),
        }));
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        return client;
    }
}
