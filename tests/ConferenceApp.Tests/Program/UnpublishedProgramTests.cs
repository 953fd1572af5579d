using System.Net;
using ConferenceApp.Domain;
using ConferenceApp.Tests.Support;

namespace ConferenceApp.Tests.Program;

/// <summary>The public pages of a conference that has a draft but no release yet.</summary>
public sealed class UnpublishedProgramTests : IAsyncLifetime, IDisposable
{
    private const string Slug = "draft-conf";

    private readonly AppFactory _app = new() { LoadDemoData = false };

    public async Task InitializeAsync()
    {
        await using var scope = _app.OpenDb();
        var db = scope.Db;
        var conference = Conference.Create(new ConferenceDetails(Slug, "Draft Conf", null, "Europe/Berlin",
            new DateOnly(2024, 5, 1), new DateOnly(2024, 5, 1), null));
        db.Conferences.Add(conference);
        await db.SaveChangesAsync();

        var slot = TimeSlot.Create(conference, new DateTime(2024, 5, 1, 9, 0, 0), new DateTime(2024, 5, 1, 10, 0, 0));
        var speaker = Speaker.Create(conference.Id, new SpeakerDetails("ada", "Ada", null, null));
        db.TimeSlots.Add(slot);
        db.Speakers.Add(speaker);
        await db.SaveChangesAsync();

        var session = Session.Create(conference.Id, null, SessionKind.Talk, null);
        session.PlaceIn(slot, null);
        db.Sessions.Add(session);
        await db.SaveChangesAsync();

        var talk = Talk.Create(conference.Id, "secret-talk", "Secret talk", null);
        talk.PlaceIn(session, 0);
        talk.SetSpeakers([new PersonAssignment(speaker, null)]);
        db.Talks.Add(talk);
        await db.SaveChangesAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Program_says_not_published()
    {
        var page = await _app.CreateClient().GetPageAsync($"/{Slug}/program");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("The program has not been published yet.", page.Texts("p.not-published").Single());
        Assert.Contains("Draft Conf", page.Texts("h1").Single(), StringComparison.Ordinal);
        Assert.DoesNotContain("Secret talk", page.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Talk_and_speaker_pages_are_404()
    {
        var client = _app.CreateClient();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri($"/{Slug}/talks/secret-talk", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri($"/{Slug}/speakers/ada", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Speaker_list_is_empty()
    {
        var page = await _app.CreateClient().GetPageAsync($"/{Slug}/speakers");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.DoesNotContain("Ada", page.Texts("main").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Program_answers_head()
    {
        using var response = await _app.CreateClient().SendAsync(new HttpRequestMessage(HttpMethod.Head, $"/{Slug}/program"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task First_publish_shows_program()
    {
        await _app.PublishAsync(Slug);

        var program = await _app.CreateClient().GetPageAsync($"/{Slug}/program");
        var talk = await _app.CreateClient().GetPageAsync($"/{Slug}/talks/secret-talk");

        Assert.Equal(["Secret talk"], program.Texts("h3.item-title"));
        Assert.Empty(program.Texts("p.not-published"));
        Assert.Equal(HttpStatusCode.OK, talk.Status);
    }
}
