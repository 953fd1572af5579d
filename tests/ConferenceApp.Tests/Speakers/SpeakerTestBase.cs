using System.Net;
using ConferenceApp.Data;
using ConferenceApp.Domain;
using ConferenceApp.Features.Accounts;
using ConferenceApp.Tests.Organize;
using ConferenceApp.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ConferenceApp.Tests.Speakers;

/// <summary>A speaker account linked to one speaker of the demo conference, and a browser signed in as it.</summary>
public sealed record SpeakerAccount(OrganizerBrowser Browser, int SpeakerId, string SpeakerSlug, string Email)
{
    public HttpClient Client => Browser.Client;
}

/// <summary>
/// A fresh app over its own SQLite file with the demo conference. Speaker accounts are made the
/// way accepting an invitation makes them: an Identity user in the Speaker role, linked to a
/// speaker record.
/// </summary>
public abstract class SpeakerTestBase : IDisposable
{
    protected const string Conference = DemoConference.Slug;
    protected const string Password = "speaker password long enough";

    protected SpeakerTestBase()
    {
        App = new AppFactory();
        Host = App;
    }

    protected AppFactory App { get; }

    /// <summary>The factory that requests go through: <see cref="App"/>, or a copy of it with extra settings.</summary>
    protected WebApplicationFactory<global::Program> Host { get; private set; }

    /// <summary>Makes every later request and database access use <paramref name="key"/> = <paramref name="value"/>.</summary>
    protected void UseSetting(string key, string value) =>
        Host = App.WithWebHostBuilder(builder => builder.UseSetting(key, value));

    public void Dispose()
    {
        if (!ReferenceEquals(Host, App))
        {
            Host.Dispose();
        }

        App.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Returns the ids and slugs of the demo speakers with talks, in id order.</summary>
    protected async Task<List<(int Id, string Slug)>> SpeakersWithTalksAsync()
    {
        await using var scope = Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ConferenceDbContext>();
        var rows = await db.Speakers.Where(s => db.TalkSpeakers.Any(ts => ts.SpeakerId == s.Id))
            .OrderBy(s => s.Id).Select(s => new { s.Id, s.Slug }).ToListAsync();
        return [.. rows.Select(r => (r.Id, r.Slug))];
    }

    /// <summary>Creates a speaker account for the demo speaker <paramref name="speakerId"/> and signs it in.</summary>
    protected async Task<SpeakerAccount> CreateSpeakerAsync(int speakerId, string email)
    {
        var client = await Host.CreateSpeakerClientAsync(speakerId, email, Password);
        var slug = (await LoadSpeakerAsync(speakerId)).Slug;
        return new SpeakerAccount(new OrganizerBrowser(client), speakerId, slug, email);
    }

    /// <summary>Returns speaker A and speaker B, each linked to a different demo speaker with a talk.</summary>
    protected async Task<(SpeakerAccount A, SpeakerAccount B)> CreateTwoSpeakersAsync()
    {
        var speakers = await SpeakersWithTalksAsync();
        Assert.True(speakers.Count >= 2, "The demo conference needs two speakers with talks.");
        return (await CreateSpeakerAsync(speakers[0].Id, "speaker-a@example.org"), await CreateSpeakerAsync(speakers[1].Id, "speaker-b@example.org"));
    }

    protected async Task<T> WithDbAsync<T>(Func<ConferenceDbContext, Task<T>> read)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<ConferenceDbContext>());
    }

    protected Task<Speaker> LoadSpeakerAsync(int id) =>
        WithDbAsync(db => db.Speakers.AsNoTracking().SingleAsync(s => s.Id == id));

    /// <summary>Returns the id of a talk of <paramref name="speakerId"/>.</summary>
    protected Task<int> TalkOfAsync(int speakerId) =>
        WithDbAsync(db => db.TalkSpeakers.Where(ts => ts.SpeakerId == speakerId).OrderBy(ts => ts.TalkId).Select(ts => ts.TalkId).FirstAsync());

    /// <summary>Turns the conference's "speakers may edit their talks" setting on or off directly in the database.</summary>
    protected Task SetTalkEditingAsync(bool allowed) =>
        WithDbAsync(async db =>
        {
            var conference = await db.Conferences.SingleAsync(c => c.Slug == Conference);
            conference.AllowSpeakersToEditTalks(allowed);
            return await db.SaveChangesAsync();
        });

    protected static string ProfileUrl => $"/speaker/{Conference}/profile";

    protected static string PhotoUrl => $"/speaker/{Conference}/photo";
}
