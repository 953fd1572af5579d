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

    private async Task<int> SessionIdAsync(string title)
    {
        await using var scope = App.OpenDb();
        return await scope.Db.Sessions.Where(s => s.Title == title).Select(s => s.Id).SingleAsync();
    }

    private async Task<(int First, int Second)> OpeningPeopleAsync(int sessionId)
    {
        await using var scope = App.OpenDb();
        var ids = await scope.Db.SessionPeople.Where(p => p.SessionId == sessionId).OrderBy(p => p.Position).Select(p => p.SpeakerId).ToListAsync();
        return (ids[0], ids[1]);
    }
}
