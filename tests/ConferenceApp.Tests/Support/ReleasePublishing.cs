using AngleSharp.Html.Dom;
using ConferenceApp.Data;
using ConferenceApp.Tests.Organize;

namespace ConferenceApp.Tests.Support;

/// <summary>Publishes the draft program through the organizers' publish form, as an organizer does before the public pages change.</summary>
public static class ReleasePublishing
{
    /// <summary>
    /// Submits the publish form with its suggested version name (or <paramref name="name"/>),
    /// confirming any conflicts, asserts that the release was published, and returns its name.
    /// </summary>
    public static async Task<string> PublishAsync(this OrganizerBrowser browser, string conference = DemoConference.Slug, string? name = null, string? comment = null)
    {
        var url = $"/organize/{conference}/releases/new";
        var page = await browser.GetPageAsync(url);
        var values = OrganizerBrowser.FormValues(page);
        if (page.QuerySelector("input[name=ConflictsConfirmed][type=checkbox]") is not null)
        {
            values["ConflictsConfirmed"] = "true";
        }

        values["Name"] = name ?? values["Name"];
        if (comment is not null)
        {
            values["Comment"] = comment;
        }

        var response = await browser.PostAsync(url, values);
        Assert.Equal($"/organize/{conference}/releases", OrganizerBrowser.RedirectTarget(response));
        return values["Name"];
    }

    /// <summary>Signs in as the organizer and publishes the draft of <paramref name="conference"/>.</summary>
    public static async Task<string> PublishAsync(this AppFactory app, string conference = DemoConference.Slug, string? name = null)
    {
        var browser = new OrganizerBrowser(await app.CreateOrganizerClientAsync());
        return await browser.PublishAsync(conference, name);
    }

    /// <summary>Returns the text of the publish form's summary of changes, for asserting what publishing would change.</summary>
    public static string SummaryText(IHtmlDocument page) =>
        page.QuerySelector(".publish-summary")?.TextContent ?? "";
}
