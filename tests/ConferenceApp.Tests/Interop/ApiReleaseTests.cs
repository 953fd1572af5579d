using System.Net;
using ConferenceApp.Data;
using ConferenceApp.Domain;
using ConferenceApp.Tests.Organize;
using ConferenceApp.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace ConferenceApp.Tests.Interop;

/// <summary>What the JSON API shows after changes to the draft, before and after publishing.</summary>
public sealed class ApiReleaseTests
{
    private const string Demo = DemoConference.Slug;

    [Fact]
    public async Task Draft_change_waits_for_release()
    {
        await using var app = new AppFactory();
        var client = app.CreateBrowserlessClient();
        var talk = (await client.GetApiAsync(ApiRoutes.Fill(ApiRoutes.Talks, Demo))).Json.GetProperty("items")[0];
        var slug = talk.GetProperty("slug").GetString()!;
        var path = ApiRoutes.Fill(ApiRoutes.Talk, Demo, slug);
        var before = await client.GetApiAsync(path);

        await using (var scope = app.OpenDb())
        {
            var row = await scope.Db.Talks.SingleAsync(t => t.Slug == slug);
            row.Update(row.Slug, "Retitled in the draft", row.Abstract);
            await scope.Db.SaveChangesAsync();
        }

        var unpublished = await client.GetApiAsync(path);
        Assert.Equal(before.Body, unpublished.Body);
        Assert.Equal(before.ETag, unpublished.ETag);
        Assert.DoesNotContain("Retitled in the draft", (await client.GetApiAsync(ApiRoutes.Fill(ApiRoutes.Talks, Demo))).Body, StringComparison.Ordinal);

        await app.PublishAsync(name: "1.1");
        var published = await client.GetApiAsync(path, ifNoneMatch: before.ETag);

        Assert.Equal(HttpStatusCode.OK, published.Status);
        Assert.Equal("Retitled in the draft", published.Json.GetProperty("title").GetString());
        Assert.NotEqual(before.ETag, published.ETag);
        var conference = await client.GetApiAsync(ApiRoutes.Fill(ApiRoutes.Conference, Demo));
        Assert.Equal("1.1", conference.Json.GetProperty("release").GetProperty("name").GetString());
    }

    [Fact]
    public async Task New_draft_talk_not_listed()
    {
        await using var app = new AppFactory();
        await using (var scope = app.OpenDb())
        {
            var conference = await scope.Db.Conferences.SingleAsync(c => c.Slug == Demo);
            scope.Db.Talks.Add(Talk.Create(conference.Id, "draft-only-talk", "Draft only talk", null));
            await scope.Db.SaveChangesAsync();
        }

        var client = app.CreateBrowserlessClient();
        var list = await client.GetApiAsync($"{ApiRoutes.Fill(ApiRoutes.Talks, Demo)}?pageSize=200");
        var item = await client.GetApiAsync(ApiRoutes.Fill(ApiRoutes.Talk, Demo, "draft-only-talk"));

        Assert.DoesNotContain("draft-only-talk", list.Body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, item.Status);
    }

    [Fact]
    public async Task Unpublished_conference_is_404()
    {
        await using var app = new AppFactory();
        await using (var scope = app.OpenDb())
        {
            scope.Db.Conferences.Add(Conference.Create(new ConferenceDetails("draft-conf", "Draft Conf", null, "Europe/Berlin",
                new DateOnly(2024, 5, 1), new DateOnly(2024, 5, 1), null)));
            await scope.Db.SaveChangesAsync();
        }

        var client = app.CreateBrowserlessClient();
        var conference = await client.GetApiAsync(ApiRoutes.Fill(ApiRoutes.Conference, "draft-conf"));
        var talks = await client.GetApiAsync(ApiRoutes.Fill(ApiRoutes.Talks, "draft-conf"));
        var list = await client.GetApiAsync(ApiRoutes.Conferences);

        Assert.Equal(HttpStatusCode.NotFound, conference.Status);
        Assert.Equal("There is no conference \"draft-conf\" with a published program.", conference.Json.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.NotFound, talks.Status);
        Assert.DoesNotContain("draft-conf", list.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Profile_edit_shows_without_release()
    {
        await using var app = new AppFactory();
        var client = app.CreateBrowserlessClient();
        var path = ApiRoutes.Fill(ApiRoutes.Speaker, Demo, "nitzan-gado");
        var listPath = ApiRoutes.Fill(ApiRoutes.Speakers, Demo);
        var before = await client.GetApiAsync(path);
        var listBefore = await client.GetApiAsync(listPath);

        await using (var scope = app.OpenDb())
        {
            var speaker = await scope.Db.Speakers.SingleAsync(s => s.Slug == "nitzan-gado");
            speaker.UpdateBySpeaker(speaker.Name, "Data scientist", "I work on **graphs**.", new SpeakerLinks("https://example.org/nitzan", null, null, null, null));
            await scope.Db.SaveChangesAsync();
        }

        var after = await client.GetApiAsync(path, ifNoneMatch: before.ETag);
        var listAfter = await client.GetApiAsync(listPath, ifNoneMatch: listBefore.ETag);

        Assert.Equal(HttpStatusCode.OK, after.Status);
        Assert.Equal("Data scientist", after.Json.GetProperty("headline").GetString());
        Assert.Equal("I work on **graphs**.", after.Json.GetProperty("bio").GetString());
        Assert.Equal("<p>I work on <strong>graphs</strong>.</p>", after.Json.GetProperty("bioHtml").GetString()!.Trim());
        var link = after.Json.GetProperty("links")[0];
        Assert.Equal("Website", link.GetProperty("label").GetString());
        Assert.Equal("https://example.org/nitzan", link.GetProperty("url").GetString());
        Assert.Equal(HttpStatusCode.OK, listAfter.Status);
        Assert.Contains("Data scientist", listAfter.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hostile_strings_stay_data()
    {
        const string Title = "</script><script>alert(1)</script> \"quoted\" & more";
        const string Bio = "<img src=x onerror=alert(1)> [click](javascript:alert(2)) <script>alert(3)</script>";
        await using var app = new AppFactory();
        string slug;
        await using (var scope = app.OpenDb())
        {
            var talk = await scope.Db.Talks.OrderBy(t => t.Id).FirstAsync();
            slug = talk.Slug;
            talk.Update(talk.Slug, Title, talk.Abstract);
            var speaker = await scope.Db.Speakers.SingleAsync(s => s.Slug == "nitzan-gado");
            speaker.UpdateBySpeaker(speaker.Name, null, Bio, SpeakerLinks.None);
            await scope.Db.SaveChangesAsync();
        }

        await app.PublishAsync(name: "1.1");
        var client = app.CreateBrowserlessClient();
        var talkResponse = await client.GetApiAsync(ApiRoutes.Fill(ApiRoutes.Talk, Demo, slug));
        var speakerResponse = await client.GetApiAsync(ApiRoutes.Fill(ApiRoutes.Speaker, Demo, "nitzan-gado"));

        Assert.Equal(Title, talkResponse.Json.GetProperty("title").GetString());
        Assert.DoesNotContain("<", talkResponse.Body, StringComparison.Ordinal);
        Assert.Contains("\\u003C/script\\u003E", talkResponse.Body, StringComparison.Ordinal);
        Assert.Equal(Bio, speakerResponse.Json.GetProperty("bio").GetString());
        var bioHtml = speakerResponse.Json.GetProperty("bioHtml").GetString()!;
        Assert.DoesNotContain("<img", bioHtml, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<script", bioHtml, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", bioHtml, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<", speakerResponse.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Private_fields_never_exposed()
    {
        await using var app = new AppFactory();
        var organizer = new OrganizerBrowser(await app.CreateOrganizerClientAsync());
        string accountId;
        await using (var scope = app.OpenDb())
        {
            accountId = (await scope.Db.Users.SingleAsync(u => u.Email == AppFactory.OrganizerEmail)).Id;
            var speaker = await scope.Db.Speakers.SingleAsync(s => s.Slug == "nitzan-gado");
            speaker.LinkAccount(accountId);
            speaker.SetAvailability(Availability.Of([new LocalInterval(new DateTime(2023, 3, 9, 7, 13, 0), new DateTime(2023, 3, 9, 7, 47, 0))]), bySpeaker: false);
            await scope.Db.SaveChangesAsync();
        }

        await organizer.PublishAsync(name: "1.1");
        var client = app.CreateBrowserlessClient();
        var bodies = new List<string>();
        foreach (var route in new[] { ApiRoutes.Conferences, ApiRoutes.Fill(ApiRoutes.Conference, Demo), ApiRoutes.Fill(ApiRoutes.Speakers, Demo), ApiRoutes.Fill(ApiRoutes.Speaker, Demo, "nitzan-gado"), ApiRoutes.Fill(ApiRoutes.Sessions, Demo), ApiRoutes.Fill(ApiRoutes.Talks, Demo) })
        {
            var response = await client.GetApiAsync(route);
            Assert.Equal(HttpStatusCode.OK, response.Status);
            bodies.Add(response.Body);
        }

        foreach (var body in bodies)
        {
            Assert.DoesNotContain(accountId, body, StringComparison.Ordinal);
            Assert.DoesNotContain(AppFactory.OrganizerEmail, body, StringComparison.Ordinal);
            Assert.DoesNotContain("availability", body, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("publishedBy", body, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("07:13", body, StringComparison.Ordinal);
            Assert.DoesNotContain("07:47", body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Public_address_sets_urls()
    {
        await using var app = new AppFactory { Settings = { ["Site:PublicUrl"] = "https://program.example.org/conf" } };
        var client = app.CreateBrowserlessClient();

        var response = await client.GetApiAsync(ApiRoutes.Fill(ApiRoutes.Conference, Demo));

        Assert.Equal($"https://program.example.org/conf/{Demo}/program", response.Json.GetProperty("url").GetString());
        Assert.Equal($"https://program.example.org/conf/api/conferences/{Demo}", response.Json.GetProperty("apiUrl").GetString());
    }
}
