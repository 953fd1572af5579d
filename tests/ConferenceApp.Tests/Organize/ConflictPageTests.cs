using System.Net;
using ConferenceApp.Domain;
using Microsoft.EntityFrameworkCore;

namespace ConferenceApp.Tests.Organize;

public sealed class ConflictPageTests : OrganizerTestBase
{
    private const string Url = "/organize/" + Conference + "/conflicts";

    [Fact]
    public async Task Demo_program_has_no_conflicts()
    {
        var page = await Browser.GetPageAsync(Url);

        Assert.Contains("No conflicts.", page.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Double_booking_is_listed()
    {
        await using (var scope = App.OpenDb())
        {
            var opening = await scope.Db.Sessions.Include(s => s.People).SingleAsync(s => s.Title == "Opening words");
            var nitzan = await scope.Db.Speakers.SingleAsync(s => s.Slug == "nitzan-gado");
            var slot = await scope.Db.TimeSlots.SingleAsync(t => t.Id == opening.TimeSlotId);
            var hall = await scope.Db.Rooms.SingleAsync(r => r.Id == opening.RoomId);
            var clash = Session.Create(opening.ConferenceId, "Press briefing", SessionKind.Other, null);
            clash.PlaceIn(slot, hall);
            scope.Db.Sessions.Add(clash);
            await scope.Db.SaveChangesAsync();
            clash.SetPeople([new PersonAssignment(nitzan, null)]);
            await scope.Db.SaveChangesAsync();
        }

        var page = await Browser.GetPageAsync(Url);

        var items = page.QuerySelectorAll("ul.conflict-list > li").Select(li => li.TextContent).ToList();
        Assert.Equal(2, items.Count);
        Assert.Contains(items, text => text.Contains("\"Opening words\" and \"Press briefing\" overlap", StringComparison.Ordinal));
        Assert.Contains(items, text => text.Contains("Nitzan Gado is in both", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Anonymous_is_sent_to_login()
    {
        var response = await App.CreateBrowserlessClient().GetAsync(new Uri(Url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Identity/Account/Login", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }
}
