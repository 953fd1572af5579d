using System.Net;
using Microsoft.EntityFrameworkCore;

namespace ConferenceApp.Tests.Organize;

public sealed class AuditPageTests : OrganizerTestBase
{
    private const string Url = "/organize/" + Conference + "/audit";

    [Fact]
    public async Task Edit_shows_actor_and_values()
    {
        int roomId;
        await using (var scope = App.OpenDb())
        {
            roomId = await scope.Db.Rooms.Select(r => r.Id).SingleAsync();
        }

        OrganizerBrowser.RedirectTarget(await Browser.SubmitAsync($"/organize/{Conference}/rooms/{Text(roomId)}/edit", Fields(("Name", "Auditorium"))));

        var page = await Browser.GetPageAsync(Url);
        var newest = page.QuerySelector("ol.audit-log > li")!;
        Assert.Contains(Support.AppFactory.OrganizerEmail, newest.TextContent, StringComparison.Ordinal);
        Assert.Contains("Modified", newest.TextContent, StringComparison.Ordinal);
        Assert.Equal("Main hall", newest.QuerySelector("del")!.TextContent);
        Assert.Equal("Auditorium", newest.QuerySelector("ins")!.TextContent);
    }

    [Fact]
    public async Task Item_filter_shows_only_that_item()
    {
        int roomId;
        await using (var scope = App.OpenDb())
        {
            roomId = await scope.Db.Rooms.Select(r => r.Id).SingleAsync();
        }

        var page = await Browser.GetPageAsync($"{Url}?type=Room&id={Text(roomId)}");

        var entries = page.QuerySelectorAll("ol.audit-log > li").ToList();
        Assert.NotEmpty(entries);
        Assert.All(entries, entry => Assert.Contains($"Room #{Text(roomId)} · Main hall", entry.TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task References_show_names_not_ids()
    {
        int sessionId;
        int roomId;
        await using (var scope = App.OpenDb())
        {
            roomId = await scope.Db.Rooms.Select(r => r.Id).SingleAsync();
            sessionId = await scope.Db.Sessions.Where(s => s.Title == "Opening words").Select(s => s.Id).SingleAsync();
            var session = await scope.Db.Sessions.SingleAsync(s => s.Id == sessionId);
            session.PlaceIn(null, null);
            await scope.Db.SaveChangesAsync();
        }

        var page = await Browser.GetPageAsync($"{Url}?type=Session&id={Text(sessionId)}");

        var newest = page.QuerySelector("ol.audit-log > li")!;
        Assert.Contains("Session #" + Text(sessionId) + " · Opening words", newest.TextContent, StringComparison.Ordinal);
        var removed = newest.QuerySelectorAll("del").Select(d => d.TextContent).ToList();
        Assert.Contains("Thu 9 Mar 2023, 09:30–09:50", removed.Single(value => value.Contains("09:30", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Contains($"Main hall (#{Text(roomId)})", removed);
        Assert.Contains(newest.QuerySelectorAll("dt"), term => term.TextContent == "Time slot");
    }

    [Fact]
    public async Task Edit_form_links_to_history()
    {
        int roomId;
        await using (var scope = App.OpenDb())
        {
            roomId = await scope.Db.Rooms.Select(r => r.Id).SingleAsync();
        }

        var form = await Browser.GetPageAsync($"/organize/{Conference}/rooms/{Text(roomId)}/edit");

        var link = form.QuerySelectorAll("a").Single(a => a.TextContent == "History");
        Assert.Equal($"{Url}?type=Room&id={Text(roomId)}", link.GetAttribute("href"));
    }

    [Fact]
    public async Task Long_log_is_paged()
    {
        int roomId;
        await using (var scope = App.OpenDb())
        {
            roomId = await scope.Db.Rooms.Select(r => r.Id).SingleAsync();
        }

        // The demo conference writes fewer entries than a page holds; each rename adds one.
        for (var round = 1; round <= 10; round++)
        {
            OrganizerBrowser.RedirectTarget(await Browser.SubmitAsync($"/organize/{Conference}/rooms/{Text(roomId)}/edit", Fields(("Name", $"Hall {Text(round)}"))));
        }

        var first = await Browser.GetPageAsync(Url);

        Assert.Equal(50, first.QuerySelectorAll("ol.audit-log > li").Length);
        Assert.Contains(first.QuerySelectorAll("nav[aria-label='Pages'] a"), a => a.TextContent == "Older changes");
        var second = await Browser.GetPageAsync($"{Url}?page=2");
        Assert.NotEmpty(second.QuerySelectorAll("ol.audit-log > li"));
    }

    [Fact]
    public async Task Anonymous_is_sent_to_login()
    {
        var response = await App.CreateBrowserlessClient().GetAsync(new Uri(Url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }
}
