using System.Net;
using ConferenceApp.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace ConferenceApp.Tests.Organize;

public sealed class RoomPagesTests : OrganizerTestBase
{
    private const string Base = "/organize/" + Conference + "/rooms";

    [Fact]
    public async Task Create_edit_delete_round_trip()
    {
        var created = await Browser.SubmitAsync($"{Base}/new", Fields(("Name", "Side room"), ("Position", "1")));
        Assert.Contains("Side room", OrganizerBrowser.SuccessMessage(await Browser.FollowAsync(created)), StringComparison.Ordinal);
        var id = await RoomIdAsync("Side room");

        var sessionId = await PlaceFirstTalkSessionInAsync(id);
        Assert.DoesNotContain("Side room", await Browser.Client.GetStringAsync(new Uri($"/{Conference}/program", UriKind.Relative)), StringComparison.Ordinal);
        await Browser.PublishAsync();
        Assert.Contains("Side room", await Browser.Client.GetStringAsync(new Uri($"/{Conference}/program", UriKind.Relative)), StringComparison.Ordinal);

        var edited = await Browser.SubmitAsync($"{Base}/{Text(id)}/edit", Fields(("Name", "Hall B")));
        OrganizerBrowser.RedirectTarget(edited);
        await Browser.PublishAsync();
        var program = await Browser.Client.GetStringAsync(new Uri($"/{Conference}/program", UriKind.Relative));
        Assert.Contains("Hall B", program, StringComparison.Ordinal);

        var deleted = await Browser.SubmitAsync($"{Base}/{Text(id)}/delete");
        OrganizerBrowser.RedirectTarget(deleted);
        await using var scope = App.OpenDb();
        Assert.False(await scope.Db.Rooms.AnyAsync(r => r.Id == id));
        var session = await scope.Db.Sessions.SingleAsync(s => s.Id == sessionId);
        Assert.Null(session.RoomId);
        Assert.NotNull(session.TimeSlotId);
        Assert.Equal(["Added", "Modified", "Deleted"], (await AuditOfAsync("Room")).Where(a => a.EntityId == Text(id) || a.EntityId == "new").Select(a => a.Action).TakeLast(3));
    }

    [Fact]
    public async Task Create_rejects_missing_and_duplicate_name()
    {
        var missing = await OrganizerBrowser.ParseAsync(await Browser.SubmitAsync($"{Base}/new", Fields(("Name", "  "))));
        Assert.Equal("Name is required.", OrganizerBrowser.ErrorFor(missing, "Name"));

        var duplicate = await OrganizerBrowser.ParseAsync(await Browser.SubmitAsync($"{Base}/new", Fields(("Name", "Main hall"))));
        Assert.Contains("already exists", OrganizerBrowser.ErrorFor(duplicate, "Name"), StringComparison.Ordinal);

        var position = await OrganizerBrowser.ParseAsync(await Browser.SubmitAsync($"{Base}/new", Fields(("Name", "Far room"), ("Position", "-3"))));
        Assert.Contains("between 0 and 10000", OrganizerBrowser.ErrorFor(position, "Position"), StringComparison.Ordinal);

        await using var scope = App.OpenDb();
        Assert.Equal(1, await scope.Db.Rooms.CountAsync());
    }

    [Fact]
    public async Task Stale_delete_is_rejected()
    {
        var id = await RoomIdAsync("Main hall");
        var url = $"{Base}/{Text(id)}/delete";
        var stale = OrganizerBrowser.FormValues(await Browser.GetPageAsync(url));
        OrganizerBrowser.RedirectTarget(await Browser.SubmitAsync($"{Base}/{Text(id)}/edit", Fields(("Name", "Great hall"))));

        var response = await Browser.PostAsync(url, stale);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await OrganizerBrowser.ParseAsync(response);
        Assert.Contains("Someone else changed this room", OrganizerBrowser.FormError(page), StringComparison.Ordinal);
        Assert.Contains("Great hall", page.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        await using var scope = App.OpenDb();
        Assert.True(await scope.Db.Rooms.AnyAsync(r => r.Id == id));
    }

    [Fact]
    public async Task Stale_edit_keeps_other_change()
    {
        var id = await RoomIdAsync("Main hall");
        var url = $"{Base}/{Text(id)}/edit";
        var stale = OrganizerBrowser.FormValues(await Browser.GetPageAsync(url));
        OrganizerBrowser.RedirectTarget(await Browser.SubmitAsync(url, Fields(("Name", "Great hall"))));

        stale["Name"] = "Small hall";
        var response = await Browser.PostAsync(url, stale);

        var page = await OrganizerBrowser.ParseAsync(response);
        Assert.Contains("Someone else changed this room", OrganizerBrowser.FormError(page), StringComparison.Ordinal);
        Assert.Equal("Great hall", OrganizerBrowser.FormValues(page)["Name"]);
        await using var scope = App.OpenDb();
        Assert.Equal("Great hall", await scope.Db.Rooms.Where(r => r.Id == id).Select(r => r.Name).SingleAsync());
        var logged = Assert.Single(App.Logs.Records, r => r.Category.EndsWith("ChangeSaver", StringComparison.Ordinal));
        Assert.Equal("Room", logged.Values["EntityType"]);
        Assert.Equal(id, logged.Values["EntityKey"]);
        Assert.Equal("changed", logged.Values["What"]);
        Assert.True(logged.ScopeValues.ContainsKey("RequestId"), "The stale-save entry has no request id in its scope.");
    }

    private async Task<int> RoomIdAsync(string name)
    {
        await using var scope = App.OpenDb();
        return await scope.Db.Rooms.Where(r => r.Name == name).Select(r => r.Id).SingleAsync();
    }

    // Moves the first placed single-talk session into the room through its form, and returns its id.
    private async Task<int> PlaceFirstTalkSessionInAsync(int roomId)
    {
        int sessionId;
        await using (var scope = App.OpenDb())
        {
            sessionId = await scope.Db.Sessions.Where(s => s.Title == null && s.TimeSlotId != null).OrderBy(s => s.Id).Select(s => s.Id).FirstAsync();
        }

        var response = await Browser.SubmitAsync($"/organize/{Conference}/sessions/{Text(sessionId)}/edit", Fields(("RoomId", Text(roomId))));
        OrganizerBrowser.RedirectTarget(response);
        return sessionId;
    }
}
