using System.Globalization;
using System.Net;
using ConferenceApp.Tests.Organize;
using ConferenceApp.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace ConferenceApp.Tests.Speakers;

/// <summary>
/// Who may reach the speaker area and the organizer area: anonymous visitors, two speakers of the
/// demo conference (A and B) and an organizer, against every route family with GET and POST.
/// </summary>
public sealed class AuthorizationMatrixTests : SpeakerTestBase
{
    private sealed record Probe(HttpMethod Method, string Url);

    [Fact]
    public async Task Anonymous_is_sent_to_login_everywhere()
    {
        var (a, _) = await CreateTwoSpeakersAsync();
        var probes = SpeakerProbes(await TalkOfAsync(a.SpeakerId)).Concat(await OrganizerProbesAsync()).ToList();
        var client = App.CreateBrowserlessClient();
        var before = await SnapshotAsync();

        foreach (var probe in probes)
        {
            var response = await SendAsync(client, probe, token: null);

            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{probe.Method} {probe.Url} returned {(int)response.StatusCode}.");
            Assert.StartsWith("/Identity/Account/Login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }

        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task Organizer_is_denied_speaker_area()
    {
        var (a, _) = await CreateTwoSpeakersAsync();
        var organizer = await App.CreateOrganizerClientAsync();
        var token = AppFactory.AntiforgeryToken(await organizer.GetStringAsync($"/organize/{Conference}/edit"));
        var before = await SnapshotAsync();

        foreach (var probe in SpeakerProbes(await TalkOfAsync(a.SpeakerId)))
        {
            var response = await SendAsync(organizer, probe, token);

            AssertDenied(probe, response);
        }

        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task Speakers_are_denied_organizer_area()
    {
        var (a, b) = await CreateTwoSpeakersAsync();
        var probes = await OrganizerProbesAsync();
        var before = await SnapshotAsync();

        foreach (var speaker in new[] { a, b })
        {
            var token = AppFactory.AntiforgeryToken(await speaker.Client.GetStringAsync(ProfileUrl));
            foreach (var probe in probes)
            {
                var response = await SendAsync(speaker.Client, probe, token);

                AssertDenied(probe, response);
            }
        }

        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task Speaker_cannot_reach_other_speakers_talk()
    {
        var (a, b) = await CreateTwoSpeakersAsync();
        await SetTalkEditingAsync(true);
        var talkOfA = await TalkOfAsync(a.SpeakerId);
        var token = AppFactory.AntiforgeryToken(await b.Client.GetStringAsync(ProfileUrl));
        var before = await SnapshotAsync();

        foreach (var probe in new[] { new Probe(HttpMethod.Get, TalkUrl(talkOfA)), new Probe(HttpMethod.Post, TalkUrl(talkOfA)) })
        {
            var response = await SendAsync(b.Client, probe, token);

            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{probe.Method} {probe.Url} as B returned {(int)response.StatusCode}.");
        }

        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task Speaker_cannot_reach_unlinked_conference()
    {
        var (a, _) = await CreateTwoSpeakersAsync();
        var organizer = new OrganizerBrowser(await App.CreateOrganizerClientAsync());
        OrganizerBrowser.RedirectTarget(await organizer.SubmitAsync("/organize/conferences/new", new Dictionary<string, string>
        {
            ["Name"] = "Other conference", ["TimeZoneId"] = "Europe/Berlin", ["StartDate"] = "2024-05-01", ["EndDate"] = "2024-05-02",
        }));
        var token = AppFactory.AntiforgeryToken(await a.Client.GetStringAsync(ProfileUrl));
        var before = await SnapshotAsync();
        Probe[] probes =
        [
            new(HttpMethod.Get, "/speaker/other-conference/profile"),
            new(HttpMethod.Post, "/speaker/other-conference/profile"),
            new(HttpMethod.Post, "/speaker/other-conference/photo"),
            new(HttpMethod.Post, "/speaker/other-conference/photo/remove"),
            new(HttpMethod.Get, "/speaker/no-such-conference/profile"),
        ];

        foreach (var probe in probes)
        {
            var response = await SendAsync(a.Client, probe, token);

            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{probe.Method} {probe.Url} returned {(int)response.StatusCode}.");
        }

        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task Posted_ids_change_only_own_profile()
    {
        var (a, b) = await CreateTwoSpeakersAsync();
        var speakerA = await LoadSpeakerAsync(a.SpeakerId);
        var values = OrganizerBrowser.FormValues(await b.Browser.GetPageAsync(ProfileUrl));
        values["Headline"] = "Changed by B";
        values["Id"] = speakerA.Id.ToString(CultureInfo.InvariantCulture);
        values["SpeakerId"] = speakerA.Id.ToString(CultureInfo.InvariantCulture);
        values["Speaker.SpeakerId"] = speakerA.Id.ToString(CultureInfo.InvariantCulture);
        values["UserId"] = "someone";

        var response = await b.Browser.PostAsync(ProfileUrl, values);

        Assert.Equal(ProfileUrl, OrganizerBrowser.RedirectTarget(response));
        Assert.Equal(speakerA.Headline, (await LoadSpeakerAsync(a.SpeakerId)).Headline);
        Assert.Equal("Changed by B", (await LoadSpeakerAsync(b.SpeakerId)).Headline);
        Assert.Equal(speakerA.UserId, (await LoadSpeakerAsync(a.SpeakerId)).UserId);
    }

    [Fact]
    public async Task Speaker_home_lists_only_own_profile()
    {
        var (a, b) = await CreateTwoSpeakersAsync();
        var nameOfB = (await LoadSpeakerAsync(b.SpeakerId)).Name;

        var page = await a.Client.GetPageAsync("/speaker");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains(page.Document.QuerySelectorAll("a"), link => link.GetAttribute("href") == $"/{Conference}/speakers/{a.SpeakerSlug}");
        Assert.DoesNotContain(page.Document.QuerySelectorAll("a"), link => link.GetAttribute("href") == $"/{Conference}/speakers/{b.SpeakerSlug}");
        Assert.DoesNotContain(nameOfB, page.Html, StringComparison.Ordinal);
    }

    private static IEnumerable<Probe> SpeakerProbes(int talkId) =>
    [
        new(HttpMethod.Get, "/speaker"),
        new(HttpMethod.Get, ProfileUrl),
        new(HttpMethod.Post, ProfileUrl),
        new(HttpMethod.Post, "/speaker/preview"),
        new(HttpMethod.Post, PhotoUrl),
        new(HttpMethod.Post, PhotoUrl + "/remove"),
        new(HttpMethod.Get, TalkUrl(talkId)),
        new(HttpMethod.Post, TalkUrl(talkId)),
    ];

    private static string TalkUrl(int talkId) => $"/speaker/{Conference}/talks/{talkId.ToString(CultureInfo.InvariantCulture)}/edit";

    private async Task<List<Probe>> OrganizerProbesAsync()
    {
        var ids = await WithDbAsync(async db => new
        {
            Room = await db.Rooms.Select(r => r.Id).FirstAsync(),
            Slot = await db.TimeSlots.Select(s => s.Id).FirstAsync(),
            Session = await db.Sessions.Select(s => s.Id).FirstAsync(),
            Talk = await db.Talks.Select(t => t.Id).FirstAsync(),
            Speaker = await db.Speakers.Select(s => s.Id).FirstAsync(),
        });
        var probes = new List<Probe>
        {
            new(HttpMethod.Get, "/organize"),
            new(HttpMethod.Get, "/organize/conferences/new"),
            new(HttpMethod.Post, "/organize/conferences/new"),
            new(HttpMethod.Get, $"/organize/{Conference}"),
        };
        foreach (var action in new[] { "edit", "delete" })
        {
            probes.Add(new(HttpMethod.Get, $"/organize/{Conference}/{action}"));
            probes.Add(new(HttpMethod.Post, $"/organize/{Conference}/{action}"));
        }

        foreach (var (family, id) in new[] { ("rooms", ids.Room), ("timeslots", ids.Slot), ("sessions", ids.Session), ("talks", ids.Talk), ("speakers", ids.Speaker) })
        {
            var row = $"/organize/{Conference}/{family}/{id.ToString(CultureInfo.InvariantCulture)}";
            probes.Add(new(HttpMethod.Get, $"/organize/{Conference}/{family}"));
            probes.Add(new(HttpMethod.Get, $"/organize/{Conference}/{family}/new"));
            probes.Add(new(HttpMethod.Post, $"/organize/{Conference}/{family}/new"));
            probes.Add(new(HttpMethod.Get, $"{row}/edit"));
            probes.Add(new(HttpMethod.Post, $"{row}/edit"));
            probes.Add(new(HttpMethod.Get, $"{row}/delete"));
            probes.Add(new(HttpMethod.Post, $"{row}/delete"));
        }

        var speakerRow = $"/organize/{Conference}/speakers/{ids.Speaker.ToString(CultureInfo.InvariantCulture)}";
        probes.Add(new(HttpMethod.Post, $"{speakerRow}/photo"));
        probes.Add(new(HttpMethod.Post, $"{speakerRow}/photo/remove"));
        return probes;
    }

    // A POST carries typical field values and, when given, a valid antiforgery token of the
    // client, so that only authorization can stop it.
    private static Task<HttpResponseMessage> SendAsync(HttpClient client, Probe probe, string? token)
    {
        if (probe.Method == HttpMethod.Get)
        {
            return client.GetAsync(new Uri(probe.Url, UriKind.Relative));
        }

        var values = new Dictionary<string, string>
        {
            ["Name"] = "Hijacked",
            ["Title"] = "Hijacked",
            ["Headline"] = "Hijacked",
            ["Bio"] = "Hijacked",
            ["ConfirmSlug"] = Conference,
        };
        if (token is not null)
        {
            values["__RequestVerificationToken"] = token;
        }

        return client.PostAsync(new Uri(probe.Url, UriKind.Relative), new FormUrlEncodedContent(values));
    }

    private static void AssertDenied(Probe probe, HttpResponseMessage response)
    {
        var deniedByRedirect = response.StatusCode == HttpStatusCode.Redirect
            && (response.Headers.Location?.OriginalString ?? "").Contains("/Identity/Account/AccessDenied", StringComparison.Ordinal);
        Assert.True(deniedByRedirect || response.StatusCode == HttpStatusCode.Forbidden,
            $"{probe.Method} {probe.Url} returned {(int)response.StatusCode} {response.Headers.Location}.");
    }

    // Every save writes audit entries, and photos are rows of their own, so equal counts mean nothing was saved.
    private Task<(int Audit, int Photos, bool Hijacked)> SnapshotAsync() =>
        WithDbAsync(async db => (
            await db.AuditEntries.CountAsync(),
            await db.SpeakerPhotos.CountAsync(),
            await db.Speakers.AnyAsync(s => s.Name == "Hijacked" || s.Headline == "Hijacked") || await db.Talks.AnyAsync(t => t.Title == "Hijacked")));
}
