using System.Net;
using ConferenceApp.ClusterTests.Support;
using ConferenceApp.Testing;

namespace ConferenceApp.ReliabilityTests.Support;

/// <summary>What an organizer does through the forms, each step asserting the app's expected response.</summary>
internal static class OrganizerSteps
{
    /// <summary>Creates a conference with the generated conference's zone and dates, named and addressed by <paramref name="slug"/>.</summary>
    public static async Task CreateConferenceAsync(SiteBrowser organizer, string baseUrl, string slug, GeneratedConference conference)
    {
        var url = $"{baseUrl}/organize/conferences/new";
        var values = SiteBrowser.FormValues(await organizer.GetPageAsync(url));
        values["Name"] = $"Conference {slug}";
        values["Slug"] = slug;
        values["TimeZoneId"] = conference.TimeZoneId;
        values["StartDate"] = conference.StartDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        values["EndDate"] = conference.EndDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        using var response = await organizer.PostAsync(url, values);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Creating conference {slug} returned {(int)response.StatusCode}.");
    }

    /// <summary>Uploads a frab XML file and returns the preview's address and the confirmation form's fields.</summary>
    public static async Task<(string Url, Dictionary<string, string> Values)> UploadAsync(SiteBrowser organizer, string baseUrl, string slug, byte[] xml)
    {
        var url = $"{baseUrl}/organize/{slug}/import";
        var token = SiteBrowser.FormValues(await organizer.GetPageAsync(url))["__RequestVerificationToken"];
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent("frab-xml"), "format" },
            { new ByteArrayContent(xml), "file", "schedule.xml" },
        };

        using var response = await organizer.PostAsync(url, content);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"The upload returned {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        var preview = baseUrl + response.Headers.Location!.OriginalString;
        return (preview, SiteBrowser.FormValues(await organizer.GetPageAsync(preview)));
    }

    /// <summary>Confirms an import preview and asserts that the app applied it.</summary>
    public static async Task ConfirmAsync(SiteBrowser organizer, string previewUrl, Dictionary<string, string> values)
    {
        using var response = await organizer.PostAsync(previewUrl, values);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Confirming the import returned {(int)response.StatusCode}.");
    }

    /// <summary>Returns the release form's fields, with the draft's conflicts confirmed.</summary>
    public static async Task<Dictionary<string, string>> ReleaseFormAsync(SiteBrowser organizer, string baseUrl, string slug)
    {
        var values = SiteBrowser.FormValues(await organizer.GetPageAsync($"{baseUrl}/organize/{slug}/releases/new"));
        values["ConflictsConfirmed"] = "true";
        return values;
    }
}
