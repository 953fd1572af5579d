using System.Net;
using ConferenceApp.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace ConferenceApp.Tests.Organize;

public sealed class SpeakerPagesTests : OrganizerTestBase
{
    private const string Base = "/organize/" + Conference + "/speakers";

    [Fact]
    public async Task Create_edit_delete_round_trip()
    {
        var created = await Browser.SubmitAsync($"{Base}/new", Fields(("Name", "Dana Levi-Ornstein"), ("Headline", "Data scientist")));
        OrganizerBrowser.RedirectTarget(created);
        Assert.DoesNotContain("Dana Levi-Ornstein", await App.CreateClient().GetStringAsync(new Uri($"/{Conference}/speakers", UriKind.Relative)), StringComparison.Ordinal);
        await Browser.PublishAsync();
        var speakers = await Browser.Client.GetStringAsync(new Uri($"/{Conference}/speakers", UriKind.Relative));
        Assert.Contains("Dana Levi-Ornstein", speakers, StringComparison.Ordinal);
        int id;
        await using (var scope = App.OpenDb())
        {
            id = await scope.Db.Speakers.Where(s => s.Slug == "dana-levi-ornstein").Select(s => s.Id).SingleAsync();
        }

        var edited = await Browser.SubmitAsync($"{Base}/{Text(id)}/edit", Fields(("Bio", "Works on *graphs*."), ("Website", "https://example.org/dana")));
        OrganizerBrowser.RedirectTarget(edited);
        var page = await Browser.Client.GetStringAsync(new Uri($"/{Conference}/speakers/dana-levi-ornstein", UriKind.Relative));
        Assert.Contains("Works on <em>graphs</em>.", page, StringComparison.Ordinal);
        Assert.Contains("href=\"https://example.org/dana\"", page, StringComparison.Ordinal);

        var deleted = await Browser.SubmitAsync($"{Base}/{Text(id)}/delete");
        OrganizerBrowser.RedirectTarget(deleted);
        await Browser.PublishAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await Browser.Client.GetAsync(new Uri($"/{Conference}/speakers/dana-levi-ornstein", UriKind.Relative))).StatusCode);
        Assert.Equal(["Added", "Modified", "Deleted"], (await AuditOfAsync("Speaker")).Select(a => a.Action).TakeLast(3));
    }

    [Fact]
    public async Task Delete_removes_talk_and_session_links()
    {
        int speakerId;
        await using (var scope = App.OpenDb())
        {
            speakerId = await scope.Db.SessionPeople.OrderBy(p => p.SessionId).ThenBy(p => p.Position).Select(p => p.SpeakerId).FirstAsync();
        }

        OrganizerBrowser.RedirectTarget(await Browser.SubmitAsync($"{Base}/{Text(speakerId)}/delete"));

        await using (var scope = App.OpenDb())
        {
            Assert.False(await scope.Db.SessionPeople.AnyAsync(p => p.SpeakerId == speakerId));
            Assert.False(await scope.Db.TalkSpeakers.AnyAsync(ts => ts.SpeakerId == speakerId));
            Assert.True(await scope.Db.Sessions.AnyAsync(s => s.Title == "Opening words"));
        }
    }

    [Fact]
    public async Task Hebrew_names_get_distinct_slugs()
    {
        OrganizerBrowser.RedirectTarget(await Browser.SubmitAsync($"{Base}/new", Fields(("Name", "אלמוג גואטה"), ("Slug", ""))));
        OrganizerBrowser.RedirectTarget(await Browser.SubmitAsync($"{Base}/new", Fields(("Name", "נוי כהן"), ("Slug", ""))));

        await using var scope = App.OpenDb();
        var slugs = await scope.Db.Speakers.Where(s => s.Slug.StartsWith("speaker")).OrderBy(s => s.Id).Select(s => s.Slug).ToListAsync();
        Assert.Equal(["speaker", "speaker-2"], slugs);
    }

    [Theory]
    [InlineData("Name", "", "Name", "Name is required.")]
    [InlineData("Slug", "-x-", "Slug", "is invalid")]
    [InlineData("Website", "ftp://example.org/a", "Website", "https://")]
    [InlineData("X", "javascript:alert(1)", "X", "https://")]
    [InlineData("GitHub", "https://example.org/\" onmouseover=\"alert(1)", "GitHub", "https://")]
    public async Task Create_rejects_bad_input_next_to_field(string field, string value, string errorField, string message)
    {
        var values = Fields(("Name", "Ruth Cohen"), ("Slug", ""));
        values[field] = value;
        var before = (await AuditOfAsync("Speaker")).Count;

        var response = await Browser.SubmitAsync($"{Base}/new", values);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await OrganizerBrowser.ParseAsync(response);
        Assert.Contains(message, OrganizerBrowser.ErrorFor(page, errorField), StringComparison.Ordinal);
        Assert.Equal(before, (await AuditOfAsync("Speaker")).Count);
    }

    [Fact]
    public async Task Duplicate_slug_on_edit_is_field_error()
    {
        List<(int Id, string Slug)> two;
        await using (var scope = App.OpenDb())
        {
            two = [.. (await scope.Db.Speakers.OrderBy(s => s.Id).Take(2).Select(s => new { s.Id, s.Slug }).ToListAsync()).Select(s => (s.Id, s.Slug))];
        }

        var response = await Browser.SubmitAsync($"{Base}/{Text(two[0].Id)}/edit", Fields(("Slug", two[1].Slug)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await OrganizerBrowser.ParseAsync(response);
        Assert.Contains("already uses the URL name", OrganizerBrowser.ErrorFor(page, "Slug"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stale_edit_keeps_other_change()
    {
        int id;
        await using (var scope = App.OpenDb())
        {
            id = await scope.Db.Speakers.OrderBy(s => s.Id).Select(s => s.Id).FirstAsync();
        }

        var url = $"{Base}/{Text(id)}/edit";
        var stale = OrganizerBrowser.FormValues(await Browser.GetPageAsync(url));
        OrganizerBrowser.RedirectTarget(await Browser.SubmitAsync(url, Fields(("Headline", "Their headline"))));

        stale["Headline"] = "My headline";
        var response = await Browser.PostAsync(url, stale);

        var page = await OrganizerBrowser.ParseAsync(response);
        Assert.Contains("Someone else changed this speaker", OrganizerBrowser.FormError(page), StringComparison.Ordinal);
        Assert.Equal("Their headline", OrganizerBrowser.FormValues(page)["Headline"]);
        await using (var scope = App.OpenDb())
        {
            Assert.Equal("Their headline", await scope.Db.Speakers.Where(s => s.Id == id).Select(s => s.Headline).SingleAsync());
        }
    }
}
