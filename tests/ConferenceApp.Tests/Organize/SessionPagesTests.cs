using System.Net;
using ConferenceApp.Data;
using ConferenceApp.Domain;
using ConferenceApp.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace ConferenceApp.Tests.Organize;

public sealed class SessionPagesTests : OrganizerTestBase
{
    private const string Base = "/organize/" + Conference + "/sessions";

    [Fact]
    public async Task List_links_each_session_by_display_title()
    {
        var page = await Browser.GetPageAsync(Base);

        var opening = await SessionIdAsync("Opening words");
        var link = page.QuerySelectorAll("a").Single(a => a.TextContent == "Opening words");
        Assert.Equal($"{Base}/{opening}/edit", link.GetAttribute("href"));

        // A single-talk session without a title of its own is listed under its talk's title.
        await using var scope = App.OpenDb();
        var untitled = scope.Db.Sessions.Where(s => s.Title == null).Select(s => (int?)s.Id);
        var talkTitles = await scope.Db.Talks.Where(t => untitled.Contains(t.SessionId)).Select(t => t.Title).ToListAsync();
        Assert.NotEmpty(talkTitles);
        foreach (var title in talkTitles)
        {
            Assert.Contains(page.QuerySelectorAll("a"), a => a.TextContent == title);
        }
    }

    [Fact]
    public async Task Edit_title_saves_and_shows_on_program()
    {
        var id = await SessionIdAsync("Opening words");

        var response = await Browser.SubmitAsync($"{Base}/{id}/edit", new Dictionary<string, string> { ["Title"] = "Welcome" });

        var list = await Browser.FollowAsync(response);
        Assert.Contains("Welcome", OrganizerBrowser.SuccessMessage(list));
        Assert.Contains("Opening words", await Browser.Client.GetStringAsync($"/{DemoConference.Slug}/program"));

        await Browser.PublishAsync();
        var program = await Browser.Client.GetStringAsync($"/{DemoConference.Slug}/program");
        Assert.Contains("Welcome", program);
        Assert.DoesNotContain("Opening words", program);
    }

    [Fact]
    public async Task Edit_form_has_title_input_and_save_button()
    {
        var id = await SessionIdAsync("Opening words");

        var page = await Browser.GetPageAsync($"{Base}/{id}/edit");

        Assert.NotNull(page.QuerySelector("input[type=text][name=Title], input:not([type])[name=Title]"));
        Assert.Contains(page.QuerySelectorAll("button[type=submit]"), b => b.TextContent.Trim() == "Save");
    }

    [Fact]
    public async Task Edit_people_changes_order_and_roles()
    {
        var id = await SessionIdAsync("Opening words");
        var (first, second) = await OpeningPeopleAsync(id);

        var response = await Browser.SubmitAsync($"{Base}/{id}/edit", new Dictionary<string, string>
        {
            ["People[0].SpeakerId"] = Text(second),
            ["People[0].Role"] = "Host",
            ["People[0].Order"] = "1",
            ["People[1].SpeakerId"] = Text(first),
            ["People[1].Role"] = "",
            ["People[1].Order"] = "2",
        });
        OrganizerBrowser.RedirectTarget(response);

        await using var scope = App.OpenDb();
        var people = await scope.Db.SessionPeople.Where(p => p.SessionId == id).OrderBy(p => p.Position).ToListAsync();
        Assert.Equal([second, first], people.Select(p => p.SpeakerId));
        Assert.Equal("Host", people[0].Role);
        Assert.Null(people[1].Role);
    }

    [Fact]
    public async Task Create_places_session_with_people()
    {
        var (slotId, roomId, speakerId) = await PlacesAsync();

        var response = await Browser.SubmitAsync($"{Base}/new", Fields(
            ("Title", "Closing words"), ("Kind", "6"), ("TimeSlotId", Text(slotId)), ("RoomId", Text(roomId)),
            ("People[0].SpeakerId", Text(speakerId)), ("People[0].Role", "Host")));

        var list = await Browser.FollowAsync(response);
        Assert.Contains("Closing words", OrganizerBrowser.SuccessMessage(list), StringComparison.Ordinal);
        Assert.Contains(list.QuerySelectorAll("a"), a => a.TextContent == "Closing words");
        await Browser.PublishAsync();
        var program = await Browser.Client.GetStringAsync(new Uri($"/{Conference}/program", UriKind.Relative));
        Assert.Contains("Closing words", program, StringComparison.Ordinal);
        await using var scope = App.OpenDb();
        var session = await scope.Db.Sessions.Include(s => s.People).SingleAsync(s => s.Title == "Closing words");
        Assert.Equal(SessionKind.Closing, session.Kind);
        Assert.Equal(slotId, session.TimeSlotId);
        Assert.Equal(roomId, session.RoomId);
        Assert.Equal("Host", Assert.Single(session.People).Role);
        Assert.Contains(await AuditOfAsync("Session"), a => a.Action == "Added" && a.Changes.Contains("Closing words", StringComparison.Ordinal));
        Assert.Contains(await AuditOfAsync("SessionPerson"), a => a.Action == "Added");
    }

    [Fact]
    public async Task Empty_room_spans_all_rooms()
    {
        var id = await SessionIdAsync("Opening words");

        OrganizerBrowser.RedirectTarget(await Browser.SubmitAsync($"{Base}/{Text(id)}/edit", Fields(("RoomId", ""))));

        await using var scope = App.OpenDb();
        Assert.Null(await scope.Db.Sessions.Where(s => s.Id == id).Select(s => s.RoomId).SingleAsync());
        var list = await Browser.GetPageAsync(Base);
        var row = list.QuerySelectorAll("li").Single(li => li.QuerySelector("a")?.TextContent == "Opening words");
        Assert.Contains("all rooms", row.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_ids_are_field_errors()
    {
        var id = await SessionIdAsync("Opening words");
        var before = (await AuditOfAsync("Session")).Count;

        var response = await Browser.SubmitAsync($"{Base}/{Text(id)}/edit", Fields(
            ("Title", "Changed"), ("People[0].SpeakerId", "999999"), ("TimeSlotId", "888888"), ("RoomId", "777777")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await OrganizerBrowser.ParseAsync(response);
        Assert.Contains("999999 does not exist", OrganizerBrowser.ErrorFor(page, "People[0].SpeakerId"), StringComparison.Ordinal);
        Assert.Contains("888888 does not exist", OrganizerBrowser.ErrorFor(page, "TimeSlotId"), StringComparison.Ordinal);
        Assert.Contains("777777 does not exist", OrganizerBrowser.ErrorFor(page, "RoomId"), StringComparison.Ordinal);
        Assert.Equal(before, (await AuditOfAsync("Session")).Count);
        await using var scope = App.OpenDb();
        Assert.Equal("Opening words", await scope.Db.Sessions.Where(s => s.Id == id).Select(s => s.Title).SingleAsync());
    }

    [Fact]
    public async Task Row_error_stays_on_its_row()
    {
        var id = await SessionIdAsync("Opening words");

        // Row 2 is left blank and row 3 names an unknown speaker.
        var response = await Browser.SubmitAsync($"{Base}/{Text(id)}/edit", Fields(("People[3].SpeakerId", "999999")));

        var page = await OrganizerBrowser.ParseAsync(response);
        Assert.Contains("999999 does not exist", OrganizerBrowser.ErrorFor(page, "People[3].SpeakerId"), StringComparison.Ordinal);
        Assert.Equal("999999", OrganizerBrowser.FormValues(page)["People[3].SpeakerId"]);
        Assert.Equal("", OrganizerBrowser.FormValues(page)["People[2].SpeakerId"]);
    }

    [Fact]
    public async Task Duplicate_person_is_rejected()
    {
        var id = await SessionIdAsync("Opening words");
        var (first, _) = await OpeningPeopleAsync(id);

        var response = await Browser.SubmitAsync($"{Base}/{Text(id)}/edit", Fields(("People[1].SpeakerId", Text(first))));

        var page = await OrganizerBrowser.ParseAsync(response);
        Assert.Contains("more than once", OrganizerBrowser.ErrorFor(page, "People"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stale_edit_keeps_other_change()
    {
        var id = await SessionIdAsync("Opening words");
        var url = $"{Base}/{Text(id)}/edit";
        var stale = OrganizerBrowser.FormValues(await Browser.GetPageAsync(url));
        OrganizerBrowser.RedirectTarget(await Browser.SubmitAsync(url, Fields(("Title", "Their title"))));

        stale["Title"] = "My title";
        var response = await Browser.PostAsync(url, stale);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await OrganizerBrowser.ParseAsync(response);
        Assert.Equal(
            "Someone else changed this session while you were editing it. Their version is shown below; reapply your change and save again.",
            OrganizerBrowser.FormError(page));
        var refreshed = OrganizerBrowser.FormValues(page);
        Assert.Equal("Their title", refreshed["Title"]);
        await using var scope = App.OpenDb();
        var stored = await scope.Db.Sessions.SingleAsync(s => s.Id == id);
        Assert.Equal("Their title", stored.Title);
        Assert.Equal(stored.Version.ToString(), refreshed["Version"]);

        // Saving again from the refreshed form goes through.
        refreshed["Title"] = "My title";
        OrganizerBrowser.RedirectTarget(await Browser.PostAsync(url, refreshed));
    }

    [Fact]
    public async Task Stale_people_only_edit_is_rejected()
    {
        var id = await SessionIdAsync("Opening words");
        var url = $"{Base}/{Text(id)}/edit";
        var stale = OrganizerBrowser.FormValues(await Browser.GetPageAsync(url));
        OrganizerBrowser.RedirectTarget(await Browser.SubmitAsync(url, Fields(("People[0].Role", "Their role"))));

        stale["People[1].Role"] = "My role";
        var response = await Browser.PostAsync(url, stale);

        var page = await OrganizerBrowser.ParseAsync(response);
        Assert.Contains("Someone else changed this session", OrganizerBrowser.FormError(page), StringComparison.Ordinal);
        await using var scope = App.OpenDb();
        var roles = await scope.Db.SessionPeople.Where(p => p.SessionId == id).OrderBy(p => p.Position).Select(p => p.Role).ToListAsync();
        Assert.Equal("Their role", roles[0]);
        Assert.NotEqual("My role", roles[1]);
    }

    [Fact]
    public async Task Edit_of_deleted_session_says_so()
    {
        var id = await SessionIdAsync("Opening words");
        var url = $"{Base}/{Text(id)}/edit";
        var stale = OrganizerBrowser.FormValues(await Browser.GetPageAsync(url));
        OrganizerBrowser.RedirectTarget(await Browser.SubmitAsync($"{Base}/{Text(id)}/delete"));

        var response = await Browser.PostAsync(url, stale);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var page = await OrganizerBrowser.ParseAsync(response);
        Assert.Contains("Someone else deleted this session", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Delete_leaves_talks_unscheduled()
    {
        var id = await SessionIdAsync("Lightning talks");
        await using (var scope = App.OpenDb())
        {
            Assert.True(await scope.Db.Talks.AnyAsync(t => t.SessionId == id));
        }

        var response = await Browser.SubmitAsync($"{Base}/{Text(id)}/delete");

        OrganizerBrowser.RedirectTarget(response);
        await using (var scope = App.OpenDb())
        {
            Assert.False(await scope.Db.Sessions.AnyAsync(s => s.Id == id));
            Assert.True(await scope.Db.Talks.AnyAsync());
            Assert.Contains(await AuditOfAsync("Session"), a => a.Action == "Deleted" && a.EntityId == Text(id));
        }

        await Browser.PublishAsync();
        var program = await Browser.Client.GetStringAsync(new Uri($"/{Conference}/program", UriKind.Relative));
        Assert.DoesNotContain("Lightning talks", program, StringComparison.Ordinal);
    }

    private async Task<int> SessionIdAsync(string title)
    {
        await using var scope = App.OpenDb();
        return await scope.Db.Sessions.Where(s => s.Title == title).Select(s => s.Id).SingleAsync();
    }

    private async Task<(int Slot, int Room, int Speaker)> PlacesAsync()
    {
        await using var scope = App.OpenDb();
        return (
            await scope.Db.TimeSlots.OrderByDescending(s => s.Start).Select(s => s.Id).FirstAsync(),
            await scope.Db.Rooms.Select(r => r.Id).FirstAsync(),
            await scope.Db.Speakers.OrderBy(s => s.Id).Select(s => s.Id).FirstAsync());
    }

    private async Task<(int First, int Second)> OpeningPeopleAsync(int sessionId)
    {
        await using var scope = App.OpenDb();
        var ids = await scope.Db.SessionPeople.Where(p => p.SessionId == sessionId).OrderBy(p => p.Position).Select(p => p.SpeakerId).ToListAsync();
        return (ids[0], ids[1]);
    }

    [Fact]
    public async Task Track_and_language_save_with_audit()
    {
        var id = await SessionIdAsync("Opening words");

        var response = await Browser.SubmitAsync($"{Base}/{Text(id)}/edit", Fields(("Track", " Community "), ("Language", "de_ch")));

        var list = await Browser.FollowAsync(response);
        Assert.Contains("Track: Community", list.QuerySelector(".organize-list")!.TextContent, StringComparison.Ordinal);
        var audit = (await AuditOfAsync("Session")).Last();
        Assert.Contains("Community", audit.Changes, StringComparison.Ordinal);
        Assert.Contains("de-CH", audit.Changes, StringComparison.Ordinal);
        var form = await Browser.GetPageAsync($"{Base}/{Text(id)}/edit");
        Assert.Equal("de-CH", form.QuerySelector("input[name=Language]")!.GetAttribute("value"));
        Assert.Contains(form.QuerySelectorAll("datalist#track-suggestions option"), o => o.GetAttribute("value") == "Community");
    }

    [Fact]
    public async Task Invalid_language_is_a_field_error()
    {
        var id = await SessionIdAsync("Opening words");
        var before = (await AuditOfAsync("Session")).Count;

        var response = await Browser.SubmitAsync($"{Base}/{Text(id)}/edit", Fields(("Track", "Community"), ("Language", "Deutsch (Schweiz)")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await OrganizerBrowser.ParseAsync(response);
        Assert.Contains("not a valid BCP 47 language tag", OrganizerBrowser.ErrorFor(page, "Language"), StringComparison.Ordinal);
        Assert.Equal("Deutsch (Schweiz)", page.QuerySelector("input[name=Language]")!.GetAttribute("value"));
        Assert.Equal("Community", page.QuerySelector("input[name=Track]")!.GetAttribute("value"));
        Assert.Equal(before, (await AuditOfAsync("Session")).Count);
    }
}
