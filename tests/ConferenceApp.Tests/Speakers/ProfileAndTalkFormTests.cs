using System.Globalization;
using System.Net;
using ConferenceApp.Domain;
using ConferenceApp.Tests.Organize;
using ConferenceApp.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace ConferenceApp.Tests.Speakers;

/// <summary>The speaker's profile and talk forms: saving, locks, stale saves, the bio preview and the talk-editing setting.</summary>
public sealed class ProfileAndTalkFormTests : SpeakerTestBase
{
    [Fact]
    public async Task Login_lands_speaker_on_home()
    {
        var account = await CreateFirstSpeakerAsync();

        var page = await account.Client.GetPageAsync("/speaker");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains(page.Document.QuerySelectorAll("a"), a => a.GetAttribute("href") == ProfileUrl);
        Assert.NotEmpty(page.Texts(".speaker-home-talks li"));
    }

    [Fact]
    public async Task Co_speakers_see_each_other()
    {
        var (a, b) = await CreateTwoSpeakersAsync();
        var talkId = await TalkOfAsync(a.SpeakerId);
        await WithDbAsync(async db =>
        {
            db.TalkSpeakers.Add(new TalkSpeaker { TalkId = talkId, SpeakerId = b.SpeakerId, Position = 1 });
            return await db.SaveChangesAsync();
        });
        var nameOfA = (await LoadSpeakerAsync(a.SpeakerId)).Name;
        var nameOfB = (await LoadSpeakerAsync(b.SpeakerId)).Name;

        var homeOfA = await a.Client.GetPageAsync("/speaker");
        var homeOfB = await b.Client.GetPageAsync("/speaker");

        Assert.Contains(nameOfB, homeOfA.Texts(".co-speakers a"));
        Assert.Contains(nameOfA, homeOfB.Texts(".co-speakers a"));
        Assert.Equal(HttpStatusCode.OK, (await b.Client.GetAsync(new Uri(TalkUrl(talkId), UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Profile_saves_and_shows_publicly()
    {
        var account = await CreateFirstSpeakerAsync();

        var response = await account.Browser.SubmitAsync(ProfileUrl, new Dictionary<string, string>
        {
            ["Name"] = "Ada Lovelace",
            ["Headline"] = "Analyst",
            ["Bio"] = "I write *notes*.",
            ["Website"] = "https://example.org/ada",
        });

        Assert.Equal(ProfileUrl, OrganizerBrowser.RedirectTarget(response));
        var beforeRelease = await account.Client.GetPageAsync($"/{Conference}/speakers/{account.SpeakerSlug}");
        Assert.NotEqual("Ada Lovelace", beforeRelease.Texts("h1").Single());
        Assert.Equal("Analyst", beforeRelease.Texts(".headline").Single());

        await App.PublishAsync();
        var page = await account.Client.GetPageAsync($"/{Conference}/speakers/{account.SpeakerSlug}");
        Assert.Equal("Ada Lovelace", page.Texts("h1").Single());
        Assert.Equal("Analyst", page.Texts(".headline").Single());
        Assert.Equal("notes", page.Texts(".bio em").Single());
        Assert.Equal(["Website"], page.Texts(".speaker-links a"));
        var audit = await WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == nameof(Speaker)).OrderBy(a => a.Id).Select(a => a.Actor).ToListAsync());
        Assert.Contains("speaker@example.org", audit.Last(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Empty_name_gets_message_next_to_field()
    {
        var account = await CreateFirstSpeakerAsync();
        var before = await LoadSpeakerAsync(account.SpeakerId);

        var response = await account.Browser.SubmitAsync(ProfileUrl, new Dictionary<string, string> { ["Name"] = "  " });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Name", OrganizerBrowser.ErrorFor(await OrganizerBrowser.ParseAsync(response), "Name"), StringComparison.Ordinal);
        Assert.Equal(before.Version, (await LoadSpeakerAsync(account.SpeakerId)).Version);
    }

    [Fact]
    public async Task Locked_name_is_read_only_for_speaker()
    {
        var account = await CreateFirstSpeakerAsync();
        await LockAsync(account.SpeakerId, SpeakerFields.Name);
        var before = await LoadSpeakerAsync(account.SpeakerId);

        var form = await account.Browser.GetPageAsync(ProfileUrl);
        Assert.True(form.QuerySelector("input[name='Name']")!.HasAttribute("readonly"));
        Assert.False(form.QuerySelector("input[name='Headline']")!.HasAttribute("readonly"));
        Assert.False(form.QuerySelector("textarea[name='Bio']")!.HasAttribute("readonly"));
        Assert.False(form.QuerySelector("input[name='Website']")!.HasAttribute("readonly"));
        Assert.Contains("locked", form.QuerySelector("#name-lock")!.TextContent, StringComparison.OrdinalIgnoreCase);

        var response = await account.Browser.SubmitAsync(ProfileUrl, new Dictionary<string, string> { ["Name"] = "Someone Else", ["Headline"] = "New headline" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("locked your name", OrganizerBrowser.ErrorFor(await OrganizerBrowser.ParseAsync(response), "Name"), StringComparison.Ordinal);
        var after = await LoadSpeakerAsync(account.SpeakerId);
        Assert.Equal(before.Name, after.Name);
        Assert.Equal(before.Headline, after.Headline);
    }

    [Fact]
    public async Task Locked_name_saves_other_fields()
    {
        var account = await CreateFirstSpeakerAsync();
        await LockAsync(account.SpeakerId, SpeakerFields.Name);

        var response = await account.Browser.SubmitAsync(ProfileUrl, new Dictionary<string, string> { ["Headline"] = "New headline" });

        Assert.Equal(ProfileUrl, OrganizerBrowser.RedirectTarget(response));
        Assert.Equal("New headline", (await LoadSpeakerAsync(account.SpeakerId)).Headline);
    }

    [Fact]
    public async Task Locked_name_changes_for_organizer()
    {
        var account = await CreateFirstSpeakerAsync();
        await LockAsync(account.SpeakerId, SpeakerFields.Name);
        var organizer = new OrganizerBrowser(await App.CreateOrganizerClientAsync());
        var editUrl = $"/organize/{Conference}/speakers/{account.SpeakerId.ToString(CultureInfo.InvariantCulture)}/edit";

        var response = await organizer.SubmitAsync(editUrl, new Dictionary<string, string> { ["Name"] = "Renamed By Organizer" });

        OrganizerBrowser.RedirectTarget(response);
        var after = await LoadSpeakerAsync(account.SpeakerId);
        Assert.Equal("Renamed By Organizer", after.Name);
        Assert.True(after.LockedFields.HasFlag(SpeakerFields.Name));
    }

    [Fact]
    public async Task Stale_profile_save_shows_current_values()
    {
        var account = await CreateFirstSpeakerAsync();
        var stale = OrganizerBrowser.FormValues(await account.Browser.GetPageAsync(ProfileUrl));
        await account.Browser.SubmitAsync(ProfileUrl, new Dictionary<string, string> { ["Headline"] = "Saved first" });

        stale["Headline"] = "Saved second";
        var response = await account.Browser.PostAsync(ProfileUrl, stale);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await OrganizerBrowser.ParseAsync(response);
        Assert.Contains("Someone else changed this profile", OrganizerBrowser.FormError(page), StringComparison.Ordinal);
        Assert.Equal("Saved first", OrganizerBrowser.FormValues(page)["Headline"]);
        Assert.Equal("Saved first", (await LoadSpeakerAsync(account.SpeakerId)).Headline);
    }

    [Fact]
    public async Task Preview_button_renders_without_saving()
    {
        var account = await CreateFirstSpeakerAsync();
        var before = await LoadSpeakerAsync(account.SpeakerId);

        var response = await account.Browser.SubmitAsync(ProfileUrl, new Dictionary<string, string>
        {
            ["Bio"] = "Hello **world** <script>alert(1)</script>",
            ["command"] = "preview",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await OrganizerBrowser.ParseAsync(response);
        Assert.Equal("world", page.QuerySelector("#bio-preview strong")!.TextContent);
        Assert.Empty(page.QuerySelectorAll("#bio-preview script"));
        Assert.Equal("Hello **world** <script>alert(1)</script>", OrganizerBrowser.FormValues(page)["Bio"]);
        Assert.Equal(before.Version, (await LoadSpeakerAsync(account.SpeakerId)).Version);
    }

    [Fact]
    public async Task Preview_endpoint_returns_sanitized_html()
    {
        var account = await CreateFirstSpeakerAsync();
        var token = AppFactory.AntiforgeryToken(await account.Client.GetStringAsync(ProfileUrl));

        var response = await account.Client.PostAsync(new Uri("/speaker/preview", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["bio"] = "*hi* [x](javascript:alert(1)) <img src=x onerror=alert(1)>",
            ["__RequestVerificationToken"] = token,
        }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<em>hi</em>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Preview_endpoint_rejects_overlong_bio()
    {
        var account = await CreateFirstSpeakerAsync();
        var token = AppFactory.AntiforgeryToken(await account.Client.GetStringAsync(ProfileUrl));

        var response = await account.Client.PostAsync(new Uri("/speaker/preview", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["bio"] = new string('a', Text.LongTextMaxLength + 1),
            ["__RequestVerificationToken"] = token,
        }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("longer than 20000 characters", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Preview_endpoint_requires_antiforgery_token()
    {
        var account = await CreateFirstSpeakerAsync();

        var response = await account.Client.PostAsync(new Uri("/speaker/preview", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["bio"] = "hi" }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Only_profile_page_loads_preview_script()
    {
        var account = await CreateFirstSpeakerAsync();
        var talkId = await TalkOfAsync(account.SpeakerId);

        var profile = await account.Client.GetPageAsync(ProfileUrl);
        Assert.Single(profile.Document.QuerySelectorAll("script[src^='/js/bio-preview.'][src$='.js']"));
        Assert.Empty(profile.Document.QuerySelectorAll("script:not([src])"));

        foreach (var url in new[] { "/speaker", TalkUrl(talkId), $"/{Conference}/speakers/{account.SpeakerSlug}", $"/{Conference}/program" })
        {
            var page = await account.Client.GetPageAsync(url);
            Assert.True(page.Document.QuerySelectorAll("script[src*='bio-preview']").Length == 0, $"{url} loads the bio preview script.");
        }
    }

    [Fact]
    public async Task Talk_is_read_only_while_setting_off()
    {
        var account = await CreateFirstSpeakerAsync();
        var talkId = await TalkOfAsync(account.SpeakerId);
        var before = await WithDbAsync(db => db.Talks.AsNoTracking().SingleAsync(t => t.Id == talkId));

        var page = await account.Browser.GetPageAsync(TalkUrl(talkId));
        Assert.True(page.QuerySelector("input[name='Title']")!.HasAttribute("readonly"));
        Assert.Contains("do not let speakers edit", page.QuerySelector(".alert-info")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(page.QuerySelectorAll("form.speaker-form button"));

        var values = OrganizerBrowser.FormValues(page);
        values["Title"] = "Changed while closed";
        var response = await account.Browser.PostAsync(TalkUrl(talkId), values);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var after = await WithDbAsync(db => db.Talks.AsNoTracking().SingleAsync(t => t.Id == talkId));
        Assert.Equal(before.Title, after.Title);
        Assert.Equal(before.Version, after.Version);
    }

    [Fact]
    public async Task Talk_saves_while_setting_on()
    {
        var account = await CreateFirstSpeakerAsync();
        var talkId = await TalkOfAsync(account.SpeakerId);
        await SetTalkEditingAsync(true);

        var response = await account.Browser.SubmitAsync(TalkUrl(talkId), new Dictionary<string, string>
        {
            ["Title"] = "A better title",
            ["Abstract"] = "First paragraph.\n\nSecond paragraph.",
        });

        Assert.Equal("/speaker", OrganizerBrowser.RedirectTarget(response));
        var talk = await WithDbAsync(db => db.Talks.AsNoTracking().SingleAsync(t => t.Id == talkId));
        Assert.Equal("A better title", talk.Title);
        Assert.Equal("First paragraph.\n\nSecond paragraph.", talk.Abstract);
    }

    [Fact]
    public async Task Stale_talk_save_shows_current_values()
    {
        var account = await CreateFirstSpeakerAsync();
        var talkId = await TalkOfAsync(account.SpeakerId);
        await SetTalkEditingAsync(true);
        var stale = OrganizerBrowser.FormValues(await account.Browser.GetPageAsync(TalkUrl(talkId)));
        await account.Browser.SubmitAsync(TalkUrl(talkId), new Dictionary<string, string> { ["Title"] = "Saved first" });

        stale["Title"] = "Saved second";
        var response = await account.Browser.PostAsync(TalkUrl(talkId), stale);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await OrganizerBrowser.ParseAsync(response);
        Assert.Contains("Someone else changed this talk", OrganizerBrowser.FormError(page), StringComparison.Ordinal);
        Assert.Equal("Saved first", OrganizerBrowser.FormValues(page)["Title"]);
    }

    [Fact]
    public async Task Organizer_checkbox_opens_talk_editing()
    {
        var organizer = new OrganizerBrowser(await App.CreateOrganizerClientAsync());
        var editUrl = $"/organize/{Conference}/edit";
        var form = await organizer.GetPageAsync(editUrl);
        Assert.False(((AngleSharp.Html.Dom.IHtmlInputElement)form.QuerySelector("input[name='SpeakersMayEditTalks'][type='checkbox']")!).IsChecked);

        var response = await organizer.SubmitAsync(editUrl, new Dictionary<string, string> { ["SpeakersMayEditTalks"] = "true" });

        OrganizerBrowser.RedirectTarget(response);
        Assert.True(await WithDbAsync(db => db.Conferences.Where(c => c.Slug == Conference).Select(c => c.SpeakersMayEditTalks).SingleAsync()));
    }

    private async Task<SpeakerAccount> CreateFirstSpeakerAsync() =>
        await CreateSpeakerAsync((await SpeakersWithTalksAsync())[0].Id, "speaker@example.org");

    private Task<int> LockAsync(int speakerId, SpeakerFields fields) =>
        WithDbAsync(async db =>
        {
            var speaker = await db.Speakers.SingleAsync(s => s.Id == speakerId);
            speaker.LockFields(fields);
            return await db.SaveChangesAsync();
        });

    private static string TalkUrl(int talkId) => $"/speaker/{Conference}/talks/{talkId.ToString(CultureInfo.InvariantCulture)}/edit";
}
