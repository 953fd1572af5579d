using System.Globalization;
using System.Net;
using AngleSharp.Html.Dom;
using ConferenceApp.Domain;
using ConferenceApp.Tests.Organize;
using Microsoft.EntityFrameworkCore;

namespace ConferenceApp.Tests.Speakers;

/// <summary>The speaker's own availability on their profile page, and the organizers' lock on it.</summary>
public sealed class AvailabilitySelfServiceTests : SpeakerTestBase
{
    [Fact]
    public async Task Speaker_saves_own_availability()
    {
        var account = await CreateFirstSpeakerAsync();

        var response = await account.Browser.SubmitAsync(ProfileUrl, new Dictionary<string, string>
        {
            ["Availability"] = "2023-03-09 13:00-17:00\n2023-03-09 08:30-13:00",
        });

        Assert.Equal(ProfileUrl, OrganizerBrowser.RedirectTarget(response));
        var speaker = await LoadSpeakerAsync(account.SpeakerId);
        Assert.Equal("2023-03-09 08:30-17:00", speaker.Availability.ToText());
        var page = await account.Browser.GetPageAsync(ProfileUrl);
        Assert.Equal("2023-03-09 08:30-17:00", TextArea(page).Value);
        Assert.False(TextArea(page).HasAttribute("readonly"));
        var audit = await WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == nameof(Speaker)).OrderBy(a => a.Id).Select(a => a.Changes).ToListAsync());
        Assert.Contains("\"Availability\":[\"always\",\"2023-03-09 08:30-17:00\"]", audit.Last(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Speaker_errors_keep_typed_text()
    {
        var account = await CreateFirstSpeakerAsync();
        var before = await LoadSpeakerAsync(account.SpeakerId);
        const string typed = "2023-03-09 09:00-24:00\n\u202E2023-03-09 10:00-11:00";

        var response = await account.Browser.SubmitAsync(ProfileUrl, new Dictionary<string, string> { ["Availability"] = typed, ["Headline"] = "Kept" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await OrganizerBrowser.ParseAsync(response);
        Assert.Equal(typed, TextArea(page).Value);
        var errors = page.QuerySelectorAll("[data-valmsg-for='Availability'] li").Select(li => li.TextContent).ToList();
        Assert.Equal(2, errors.Count);
        Assert.StartsWith("Line 1, “2023-03-09 09:00-24:00”: 24:00 is not a time of day.", errors[0], StringComparison.Ordinal);
        Assert.StartsWith("Line 2, “[U+202E]2023-03-09 10:00-11:00”: it contains the invisible character U+202E.", errors[1], StringComparison.Ordinal);
        Assert.Equal("Kept", ((IHtmlInputElement)page.QuerySelector("input[name='Headline']")!).Value);
        Assert.Equal(before.Version, (await LoadSpeakerAsync(account.SpeakerId)).Version);
    }

    [Fact]
    public async Task Locked_availability_rejected_for_speaker()
    {
        var account = await CreateFirstSpeakerAsync();
        var organizer = new OrganizerBrowser(await App.CreateOrganizerClientAsync());
        var editUrl = $"/organize/{Conference}/speakers/{account.SpeakerId.ToString(CultureInfo.InvariantCulture)}/edit";
        OrganizerBrowser.RedirectTarget(await organizer.SubmitAsync(editUrl, new Dictionary<string, string>
        {
            ["Availability"] = "2023-03-09 08:00-12:00",
            ["LockAvailability"] = "true",
        }));

        var form = await account.Browser.GetPageAsync(ProfileUrl);
        Assert.True(TextArea(form).HasAttribute("readonly"));
        Assert.Contains("Locked by the organizers.", form.QuerySelector("#Availability-help")!.TextContent, StringComparison.Ordinal);

        foreach (var attempt in new[] { "2023-03-09 08:00-18:00", "not a time at all", "" })
        {
            var response = await account.Browser.SubmitAsync(ProfileUrl, new Dictionary<string, string> { ["Availability"] = attempt });

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = await OrganizerBrowser.ParseAsync(response);
            Assert.Equal(
                ["The organizers have locked your availability, so it cannot be changed here. Ask them if it needs a change."],
                page.QuerySelectorAll("[data-valmsg-for='Availability'] li").Select(li => li.TextContent));
        }

        Assert.Equal("2023-03-09 08:00-12:00", (await LoadSpeakerAsync(account.SpeakerId)).Availability.ToText());
        var unchanged = await account.Browser.SubmitAsync(ProfileUrl, new Dictionary<string, string> { ["Headline"] = "Still saves" });
        Assert.Equal(ProfileUrl, OrganizerBrowser.RedirectTarget(unchanged));
    }

    private async Task<SpeakerAccount> CreateFirstSpeakerAsync() =>
        await CreateSpeakerAsync((await SpeakersWithTalksAsync())[0].Id, "speaker@example.org");

    private static IHtmlTextAreaElement TextArea(IHtmlDocument page) => (IHtmlTextAreaElement)page.QuerySelector("textarea[name='Availability']")!;
}
