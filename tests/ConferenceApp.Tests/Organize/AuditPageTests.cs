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
        Assert.All(entries, entry => Assert.Contains($"Room {Text(roomId)}", entry.TextContent, StringComparison.Ordinal));
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
