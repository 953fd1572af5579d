using System.Net;
using ConferenceApp.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace ConferenceApp.Tests.Organize;

public sealed class TalkPagesTests : OrganizerTestBase
{
    private const string Base = "/organize/" + Conference + "/talks";

    [Fact]
    public async Task Create_edit_delete_round_trip()
    {
        var (sessionId, first, second) = await BlockAndSpeakersAsync();

        var created = await Browser.SubmitAsync($"{Base}/new", Fields(
            ("Title", "Graphs at Scale: Notes"), ("Abstract", "First paragraph.\r\n\r\nSecond."), ("SessionId", Text(sessionId)),
            ("Speakers[0].SpeakerId", Text(first)), ("Speakers[0].Role", "Moderator"), ("Speakers[0].Order", "2"),
            ("Speakers[1].SpeakerId", Text(second)), ("Speakers[1].Order", "1")));

        Assert.Contains("Graphs at Scale: Notes", OrganizerBrowser.SuccessMessage(await Browser.FollowAsync(created)), StringComparison.Ordinal);
        int id;
        await using (var scope = App.OpenDb())
        {
            var talk = await scope.Db.Talks.Include(t => t.Speakers).SingleAsync(t => t.Slug == "graphs-at-scale-notes");
            id = talk.Id;
            Assert.Equal(sessionId, talk.SessionId);
            Assert.Equal([second, first], talk.Speakers.OrderBy(s => s.Position).Select(s => s.SpeakerId));
            Assert.Equal("Moderator", talk.Speakers.Single(s => s.SpeakerId == first).Role);
            var lastOther = await scope.Db.Talks.Where(t => t.SessionId == sessionId && t.Id != id).MaxAsync(t => t.Position);
            Assert.Equal(lastOther + 1, talk.Position);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await Browser.Client.GetAsync(new Uri($"/{Conference}/talks/graphs-at-scale-notes", UriKind.Relative))).StatusCode);
        await Browser.PublishAsync();
        var talkPage = await Browser.Client.GetStringAsync(new Uri($"/{Conference}/talks/graphs-at-scale-notes", UriKind.Relative));
        Assert.Contains("Moderator", talkPage, StringComparison.Ordinal);
        Assert.Contains("Graphs at Scale: Notes", await Browser.Client.GetStringAsync(new Uri($"/{Conference}/program", UriKind.Relative)), StringComparison.Ordinal);

        var edited = await Browser.SubmitAsync($"{Base}/{Text(id)}/edit", Fields(("Title", "Graphs, revisited"), ("Order", "1")));
        OrganizerBrowser.RedirectTarget(edited);
        await Browser.PublishAsync();
        var program = await Browser.Client.GetStringAsync(new Uri($"/{Conference}/program", UriKind.Relative));
        Assert.Contains("Graphs, revisited", program, StringComparison.Ordinal);
        await using (var scope = App.OpenDb())
        {
            Assert.Equal(0, await scope.Db.Talks.Where(t => t.Id == id).Select(t => t.Position).SingleAsync());
            var positions = await scope.Db.Talks.Where(t => t.SessionId == sessionId).OrderBy(t => t.Position).Select(t => t.Position).ToListAsync();
            Assert.Equal(Enumerable.Range(0, positions.Count), positions);
        }

        var blockTalks = (await OrganizerBrowser.ParseAsync(await Browser.Client.GetAsync(new Uri($"/{Conference}/program", UriKind.Relative))))
            .QuerySelectorAll("ol.block-talks > li > a").Select(a => a.TextContent).ToList();
        Assert.Equal("Graphs, revisited", blockTalks[0]);

        var deleted = await Browser.SubmitAsync($"{Base}/{Text(id)}/delete");
        OrganizerBrowser.RedirectTarget(deleted);
        Assert.Equal(HttpStatusCode.OK, (await Browser.Client.GetAsync(new Uri($"/{Conference}/talks/graphs-at-scale-notes", UriKind.Relative))).StatusCode);
        await Browser.PublishAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await Browser.Client.GetAsync(new Uri($"/{Conference}/talks/graphs-at-scale-notes", UriKind.Relative))).StatusCode);
        await using (var scope = App.OpenDb())
        {
            Assert.False(await scope.Db.TalkSpeakers.AnyAsync(ts => ts.TalkId == id));
            Assert.True(await scope.Db.Speakers.AnyAsync(s => s.Id == first));
        }

        Assert.Equal(["Added", "Modified", "Deleted"], (await AuditOfAsync("Talk")).Where(a => a.EntityId == Text(id)).Select(a => a.Action));
    }

    [Fact]
    public async Task Unscheduling_talk_removes_it_from_program()
    {
        var id = await AnyScheduledTalkAsync();
        string title;
        await using (var scope = App.OpenDb())
        {
            title = await scope.Db.Talks.Where(t => t.Id == id).Select(t => t.Title).SingleAsync();
        }

        await Browser.FollowAsync(await Browser.SubmitAsync($"{Base}/{Text(id)}/edit", Fields(("SessionId", ""), ("Order", ""))));
        await Browser.PublishAsync();

        var program = await Browser.Client.GetStringAsync(new Uri($"/{Conference}/program", UriKind.Relative));
        Assert.DoesNotContain(System.Net.WebUtility.HtmlEncode(title), program, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Title", "", "Title", "Title is required.")]
    [InlineData("Slug", "Bad Slug!", "Slug", "is invalid")]
    [InlineData("Order", "0", "Order", "between 1 and")]
    [InlineData("Speakers[0].SpeakerId", "999999", "Speakers[0].SpeakerId", "999999 does not exist")]
    [InlineData("Speakers[0].Role", "Chair", "Speakers[0].SpeakerId", "Choose a speaker")]
    public async Task Create_rejects_bad_input_next_to_field(string field, string value, string errorField, string message)
    {
        var values = Fields(("Title", "A new talk"), ("Slug", ""), ("SessionId", Text(await AnySessionAsync())), ("Order", "1"));
        values[field] = value;

        var response = await Browser.SubmitAsync($"{Base}/new", values);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await OrganizerBrowser.ParseAsync(response);
        Assert.Contains(message, OrganizerBrowser.ErrorFor(page, errorField), StringComparison.Ordinal);
        await using var scope = App.OpenDb();
        Assert.False(await scope.Db.Talks.AnyAsync(t => t.Title == "A new talk"));
    }

    [Fact]
    public async Task Duplicate_slug_is_field_error()
    {
        string existing;
        await using (var scope = App.OpenDb())
        {
            existing = await scope.Db.Talks.Select(t => t.Slug).FirstAsync();
        }

        var response = await Browser.SubmitAsync($"{Base}/new", Fields(("Title", "Another talk"), ("Slug", existing)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await OrganizerBrowser.ParseAsync(response);
        Assert.Contains("already uses the URL name", OrganizerBrowser.ErrorFor(page, "Slug"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Empty_slug_shows_made_slug_after_error()
    {
        var response = await Browser.SubmitAsync($"{Base}/new", Fields(("Title", "Fairness in Ranking"), ("Slug", ""), ("Order", "-1"), ("SessionId", Text(await AnySessionAsync()))));

        var page = await OrganizerBrowser.ParseAsync(response);
        Assert.Equal("fairness-in-ranking", OrganizerBrowser.FormValues(page)["Slug"]);
    }

    [Fact]
    public async Task Stale_speakers_only_edit_is_rejected()
    {
        var id = await AnyScheduledTalkAsync();
        var (_, first, second) = await BlockAndSpeakersAsync();
        var url = $"{Base}/{Text(id)}/edit";
        var stale = OrganizerBrowser.FormValues(await Browser.GetPageAsync(url));
        OrganizerBrowser.RedirectTarget(await Browser.SubmitAsync(url, Fields(("Speakers[1].SpeakerId", Text(first)), ("Speakers[1].Order", "2"))));

        stale["Speakers[1].SpeakerId"] = Text(second);
        var response = await Browser.PostAsync(url, stale);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await OrganizerBrowser.ParseAsync(response);
        Assert.Contains("Someone else changed this talk", OrganizerBrowser.FormError(page), StringComparison.Ordinal);
        await using var scope = App.OpenDb();
        var speakers = await scope.Db.TalkSpeakers.Where(ts => ts.TalkId == id).Select(ts => ts.SpeakerId).ToListAsync();
        Assert.Contains(first, speakers);
        Assert.DoesNotContain(second, speakers);
    }

    private async Task<int> AnySessionAsync()
    {
        await using var scope = App.OpenDb();
        return await scope.Db.Sessions.OrderBy(s => s.Id).Select(s => s.Id).FirstAsync();
    }

    private async Task<int> AnyScheduledTalkAsync()
    {
        await using var scope = App.OpenDb();
        return await scope.Db.Talks.Where(t => t.SessionId != null).OrderBy(t => t.Id).Select(t => t.Id).FirstAsync();
    }

    // Returns the demo's block of lightning talks and two speakers who are not on the first scheduled talk.
    private async Task<(int Session, int First, int Second)> BlockAndSpeakersAsync()
    {
        await using var scope = App.OpenDb();
        var block = await scope.Db.Sessions.Where(s => s.Title == "Lightning talks").Select(s => s.Id).SingleAsync();
        var firstTalk = await scope.Db.Talks.Where(t => t.SessionId != null).OrderBy(t => t.Id).Select(t => t.Id).FirstAsync();
        var onFirstTalk = scope.Db.TalkSpeakers.Where(ts => ts.TalkId == firstTalk).Select(ts => ts.SpeakerId);
        var speakers = await scope.Db.Speakers.Where(s => !onFirstTalk.Contains(s.Id)).OrderBy(s => s.Id).Select(s => s.Id).Take(2).ToListAsync();
        return (block, speakers[0], speakers[1]);
    }
}
