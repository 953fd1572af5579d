using System.Net;
using ConferenceApp.Data;
using ConferenceApp.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace ConferenceApp.Tests.Agenda;

/// <summary>The agenda page of a share link, rendered from the latest release of the demo conference.</summary>
public sealed class AgendaPageTests : IDisposable
{
    private const string Conference = DemoConference.Slug;

    private readonly AppFactory _app = new();
    private readonly HttpClient _client;

    public AgendaPageTests()
    {
        _client = _app.CreateBrowserlessClient();
    }

    public void Dispose()
    {
        _app.Dispose();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task Page_lists_items_in_time_order()
    {
        var talks = await ScheduledTalksAsync();
        var last = talks[^1];
        var first = talks[0];

        var page = await _client.GetPageAsync($"/{Conference}/agenda?items=talk-{last.Id},talk-{first.Id}");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var titles = page.Texts(".agenda-entry h3 a");
        Assert.Equal([first.Title, last.Title], titles);
        Assert.Equal($"talk-{last.Id},talk-{first.Id}", page.Document.QuerySelector(".agenda")!.GetAttribute("data-items"));
        var stars = page.Document.QuerySelectorAll(".agenda-entry button.star-toggle").Select(b => b.GetAttribute("data-item-key")).ToList();
        Assert.Equal([$"talk-{first.Id}", $"talk-{last.Id}"], stars);
    }

    [Fact]
    public async Task Removed_item_is_named_not_error()
    {
        var talk = (await ScheduledTalksAsync())[0];

        var page = await _client.GetPageAsync($"/{Conference}/agenda?items=talk-{talk.Id},talk-999999,session-888888");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(["talk-999999: no longer on the program", "session-888888: no longer on the program"], page.Texts(".agenda-missing li"));
        Assert.Single(page.Texts(".agenda-entry h3 a"));
    }

    [Fact]
    public async Task Invalid_entries_are_counted()
    {
        var talk = (await ScheduledTalksAsync())[0];

        var page = await _client.GetPageAsync($"/{Conference}/agenda?items=talk-{talk.Id},%3Cscript%3E,talk-0");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("2 entries of this link", page.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", page.Html, StringComparison.Ordinal);
        Assert.Single(page.Texts(".agenda-entry h3 a"));
    }

    [Fact]
    public async Task One_invalid_entry_is_singular()
    {
        var page = await _client.GetPageAsync($"/{Conference}/agenda?items=talk-0");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(["1 entry of this link is not an item key or goes beyond the allowed number, and was left out."], page.Texts(".alert-warning"));
    }

    [Fact]
    public async Task Page_without_items_explains()
    {
        var page = await _client.GetPageAsync($"/{Conference}/agenda");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.NotNull(page.Document.QuerySelector(".agenda-empty"));
        Assert.Empty(page.Texts(".agenda-entry"));
    }

    [Fact]
    public async Task Each_list_is_cached_apart()
    {
        var talks = await ScheduledTalksAsync();

        var first = await _client.GetPageAsync($"/{Conference}/agenda?items=talk-{talks[0].Id}");
        var second = await _client.GetPageAsync($"/{Conference}/agenda?items=talk-{talks[1].Id}");

        Assert.Equal([talks[0].Title], first.Texts(".agenda-entry h3 a"));
        Assert.Equal([talks[1].Title], second.Texts(".agenda-entry h3 a"));
    }

    [Fact]
    public async Task Unknown_conference_is_not_found()
    {
        var page = await _client.GetPageAsync("/no-such-conference/agenda?items=talk-1");

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
    }

    [Fact]
    public async Task Program_links_to_agenda()
    {
        var page = await _client.GetPageAsync($"/{Conference}/program");

        Assert.Equal($"/{Conference}/agenda", page.Document.QuerySelector("a.agenda-link")!.GetAttribute("href"));
        Assert.NotEmpty(page.Document.QuerySelectorAll("button.star-toggle[data-item-key][hidden]"));
        Assert.NotNull(page.Document.QuerySelector("script[src^='/js/stars'][defer]"));
    }

    [Fact]
    public async Task Talk_page_has_star()
    {
        var talk = (await ScheduledTalksAsync())[0];

        var page = await _client.GetPageAsync($"/{Conference}/talks/{talk.Slug}");

        var button = page.Document.QuerySelector("article.talk button.star-toggle")!;
        Assert.Equal($"talk-{talk.Id}", button.GetAttribute("data-item-key"));
        Assert.Equal($"Star {talk.Title}", button.GetAttribute("aria-label"));
        Assert.NotNull(page.Document.QuerySelector("script[src^='/js/stars'][defer]"));
    }

    private async Task<List<(int Id, string Slug, string Title)>> ScheduledTalksAsync()
    {
        await using var scope = _app.OpenDb();
        var db = scope.Db;
        var rows = await db.Talks
            .Where(t => t.SessionId != null)
            .Join(db.Sessions.Where(s => s.TimeSlotId != null), t => t.SessionId, s => s.Id, (t, s) => new { t.Id, t.Slug, t.Title, s.TimeSlotId })
            .Join(db.TimeSlots, x => x.TimeSlotId, slot => slot.Id, (x, slot) => new { x.Id, x.Slug, x.Title, slot.Start })
            .ToListAsync();
        return [.. rows.OrderBy(r => r.Start).ThenBy(r => r.Id).Select(r => (r.Id, r.Slug, r.Title))];
    }
}
