using System.Net;
using ConferenceApp.Data;
using ConferenceApp.Domain;
using ConferenceApp.Tests.Organize;
using ConferenceApp.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace ConferenceApp.Tests.Security;

/// <summary>The ids that fill the route parameters for one conference.</summary>
public sealed record ConferenceIds(string Slug, int Room, int Slot, int Session, int Talk, int Speaker, int Invitation, Guid ImportToken);

/// <summary>
/// One app for the route walk: the demo conference, a second conference with one row of each
/// kind, an organizer, and speakers A and B. Each speaker is linked to a different demo speaker
/// with a talk, and to nothing in the second conference. Each client has an antiforgery token
/// taken from a page it may see, so that a POST is stopped by authorization or not at all.
/// </summary>
public sealed class RouteWalkApp : IAsyncLifetime, IDisposable
{
    public const string SecondSlug = "second-conference";
    private const string SpeakerPassword = "speaker password long enough";

    public AppFactory App { get; } = new();

    public Identity Anonymous { get; private set; } = null!;

    public Identity Organizer { get; private set; } = null!;

    public Identity SpeakerA { get; private set; } = null!;

    public Identity SpeakerB { get; private set; } = null!;

    public ConferenceIds Demo { get; private set; } = null!;

    public ConferenceIds Second { get; private set; } = null!;

    /// <summary>The id of a talk of speaker A in the demo conference.</summary>
    public int TalkOfA { get; private set; }

    public async Task InitializeAsync()
    {
        var organizer = await App.CreateOrganizerClientAsync();
        await CreateSecondConferenceAsync();

        var speakers = await WithDbAsync(async db =>
        {
            var demoId = await db.Conferences.Where(c => c.Slug == DemoConference.Slug).Select(c => c.Id).SingleAsync();
            return await db.Speakers.Where(s => s.ConferenceId == demoId && db.TalkSpeakers.Any(ts => ts.SpeakerId == s.Id))
                .OrderBy(s => s.Id).Select(s => s.Id).Take(2).ToListAsync();
        });
        Assert.True(speakers.Count == 2, "The demo conference needs two speakers with talks.");
        var speakerA = await App.CreateSpeakerClientAsync(speakers[0], "walk-a@example.org", SpeakerPassword);
        var speakerB = await App.CreateSpeakerClientAsync(speakers[1], "walk-b@example.org", SpeakerPassword);
        TalkOfA = await WithDbAsync(db => db.TalkSpeakers.Where(ts => ts.SpeakerId == speakers[0]).OrderBy(ts => ts.TalkId).Select(ts => ts.TalkId).FirstAsync());

        Demo = await IdsAsync(DemoConference.Slug, organizer);
        Second = await IdsAsync(SecondSlug, organizer);

        var anonymous = App.CreateBrowserlessClient();
        Anonymous = new Identity("anonymous", anonymous, await TokenAsync(anonymous, "/Identity/Account/Login"));
        Organizer = new Identity("organizer", organizer, await TokenAsync(organizer, $"/organize/{DemoConference.Slug}/edit"));
        SpeakerA = new Identity("speaker A", speakerA, await TokenAsync(speakerA, $"/speaker/{DemoConference.Slug}/profile"));
        SpeakerB = new Identity("speaker B", speakerB, await TokenAsync(speakerB, $"/speaker/{DemoConference.Slug}/profile"));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => App.Dispose();

    public async Task<T> WithDbAsync<T>(Func<ConferenceDbContext, Task<T>> read)
    {
        await using var scope = App.OpenDb();
        return await read(scope.Db);
    }

    /// <summary>Returns the numbers of audit entries, photos and import uploads, which every save and upload changes.</summary>
    public Task<(int Audit, int Photos, int Uploads)> CountWritesAsync() =>
        WithDbAsync(async db => (await db.AuditEntries.CountAsync(), await db.SpeakerPhotos.CountAsync(), await db.ImportUploads.CountAsync()));

    private static async Task<string> TokenAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path} returned {(int)response.StatusCode}.");
        return AppFactory.AntiforgeryToken(await response.Content.ReadAsStringAsync());
    }

    private async Task CreateSecondConferenceAsync()
    {
        await using var scope = App.OpenDb();
        var db = scope.Db;

        var conference = Conference.Create(new ConferenceDetails(SecondSlug, "Second conference", null, "Europe/Berlin",
            new DateOnly(2027, 3, 1), new DateOnly(2027, 3, 2)));
        db.Conferences.Add(conference);
        await db.SaveChangesAsync();

        var room = Room.Create(conference.Id, "Second hall", 0);
        var slot = TimeSlot.Create(conference, new DateTime(2027, 3, 1, 9, 0, 0), new DateTime(2027, 3, 1, 10, 0, 0));
        var speaker = Speaker.Create(conference.Id, new SpeakerDetails("second-speaker", "Second Speaker", null, null));
        db.AddRange(room, slot, speaker);
        await db.SaveChangesAsync();

        var session = Session.Create(conference.Id, "Second session", SessionKind.TalkBlock, null);
        session.PlaceIn(slot, room);
        db.Add(session);
        await db.SaveChangesAsync();

        var talk = Talk.Create(conference.Id, "second-talk", "Second talk", null);
        talk.PlaceIn(session, 0);
        talk.SetSpeakers([new PersonAssignment(speaker, null)]);
        db.Add(talk);
        await db.SaveChangesAsync();
    }

    // The invitation and the import upload are made through the organizer's forms, as in use.
    private async Task<ConferenceIds> IdsAsync(string slug, HttpClient organizer)
    {
        var browser = new OrganizerBrowser(organizer);
        var rows = await WithDbAsync(async db =>
        {
            var id = await db.Conferences.Where(c => c.Slug == slug).Select(c => c.Id).SingleAsync();
            return (
                Room: await db.Rooms.Where(r => r.ConferenceId == id).OrderBy(r => r.Id).Select(r => r.Id).FirstAsync(),
                Slot: await db.TimeSlots.Where(s => s.ConferenceId == id).OrderBy(s => s.Id).Select(s => s.Id).FirstAsync(),
                Session: await db.Sessions.Where(s => s.ConferenceId == id).OrderBy(s => s.Id).Select(s => s.Id).FirstAsync(),
                Talk: await db.Talks.Where(t => t.ConferenceId == id).OrderBy(t => t.Id).Select(t => t.Id).FirstAsync(),
                Speaker: await db.Speakers.Where(s => s.ConferenceId == id && s.UserId == null).OrderBy(s => s.Id).Select(s => s.Id).FirstAsync());
        });

        var speakerPage = $"/organize/{slug}/speakers/{rows.Speaker}/edit";
        var token = AppFactory.AntiforgeryToken(await organizer.GetStringAsync(new Uri(speakerPage, UriKind.Relative)));
        var invited = await organizer.PostAsync(new Uri($"/organize/{slug}/speakers/{rows.Speaker}/invitations", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["email"] = $"invited-{slug}@example.org", ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.Redirect, invited.StatusCode);
        var invitation = await WithDbAsync(db => db.SpeakerInvitations.Where(i => i.SpeakerId == rows.Speaker).Select(i => i.Id).SingleAsync());

        var day = await WithDbAsync(db => db.Conferences.Where(c => c.Slug == slug).Select(c => c.StartDate).SingleAsync());
        var importToken = await UploadImportAsync(browser, slug, day);
        return new ConferenceIds(slug, rows.Room, rows.Slot, rows.Session, rows.Talk, rows.Speaker, invitation, importToken);
    }

    private static async Task<Guid> UploadImportAsync(OrganizerBrowser browser, string slug, DateOnly day)
    {
        var url = $"/organize/{slug}/import";
        var token = AppFactory.AntiforgeryToken(await browser.Client.GetStringAsync(new Uri(url, UriKind.Relative)));
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(token), "__RequestVerificationToken");
        form.Add(new StringContent("csv"), "format");
        var csv = $"talk_id,talk_title,date,start,end,room,speaker_id,speaker_name\nw1,Walk talk,{day:yyyy-MM-dd},11:00,11:30,Walk room,s1,Walk Speaker\n";
        var file = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", "walk.csv");

        var response = await browser.Client.PostAsync(new Uri(url, UriKind.Relative), form);
        var target = OrganizerBrowser.RedirectTarget(response);
        return Guid.Parse(target[(target.LastIndexOf('/') + 1)..]);
    }
}

/// <summary>A client signed in as one kind of user, with an antiforgery token that is valid for it.</summary>
public sealed record Identity(string Name, HttpClient Client, string Token);
