using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using AngleSharp.Html.Dom;
using ConferenceApp.Tests.Organize;
using ConferenceApp.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace ConferenceApp.Tests.Interop;

/// <summary>Uploads that break a limit of the import, and confirmations sent twice at once.</summary>
public sealed class ImportLimitsTests : OrganizerTestBase
{
    private const string Header = "talk_id,talk_title,date,start,end,room,speaker_id,speaker_name";

    [Fact]
    public async Task Too_many_talks_are_rejected()
    {
        var csv = new StringBuilder(Header).Append('\n');
        for (var i = 1; i <= 5_001; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"T{i},Talk {i},2023-03-09,10:00,10:30,Hall,S1,Ada\n");
        }

        var response = await UploadAsync(csv.ToString(), "csv");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await OrganizerBrowser.ParseAsync(response);
        Assert.Equal("The file has 5,001 sessions and talks, more than the limit of 5,000 for one import, so none of it can be imported. Split it into smaller files, or ask the operator to raise Import:MaxItems.",
            page.QuerySelector("#file-error")!.TextContent.Trim());
    }

    [Fact]
    public async Task Oversized_request_ends_on_import_form()
    {
        // Larger than the request limit (the file limit plus 1 MB), so the server stops reading before the form is bound.
        var content = new string('x', 12 * 1024 * 1024);

        var response = await UploadAsync(content, "csv");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("photo", text, StringComparison.OrdinalIgnoreCase);
        var page = await OrganizerBrowser.ParseAsync(response);
        Assert.Contains("more than the limit of 10 MB", page.QuerySelector("#file-error")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Double_confirm_shows_plain_message()
    {
        var csv = $"{Header}\nT1,One,2023-03-09,10:00,10:30,New hall,S1,Ada\nT2,Two,2023-03-09,11:00,11:30,New hall,S2,Grace\n";
        var response = await UploadAsync(csv, "csv");
        var url = OrganizerBrowser.RedirectTarget(response);
        var preview = await Browser.GetPageAsync(url);
        var values = new Dictionary<string, string>
        {
            ["fingerprint"] = preview.QuerySelector("input[name=fingerprint]")!.GetAttribute("value")!,
            ["__RequestVerificationToken"] = preview.QuerySelector("form input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
        };

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Browser.PostAsync(url, values)));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Redirect);
        foreach (var other in responses.Where(r => r.StatusCode != HttpStatusCode.Redirect))
        {
            Assert.Equal(HttpStatusCode.Conflict, other.StatusCode);
            var text = await other.Content.ReadAsStringAsync();
            Assert.DoesNotContain("SQLite", text, StringComparison.Ordinal);
            Assert.DoesNotContain("UNIQUE", text, StringComparison.Ordinal);
            var page = await OrganizerBrowser.ParseAsync(other);
            Assert.Contains("already imported", page.QuerySelector("#import-notice")!.TextContent, StringComparison.Ordinal);
        }

        await using var scope = App.OpenDb();
        Assert.Equal(1, await scope.Db.Rooms.CountAsync(r => r.Name == "New hall"));
    }

    private async Task<HttpResponseMessage> UploadAsync(string content, string format)
    {
        var url = new Uri($"/organize/{Conference}/import", UriKind.Relative);
        var token = AppFactory.AntiforgeryToken(await Browser.Client.GetStringAsync(url));
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(token), "__RequestVerificationToken");
        form.Add(new StringContent(format), "format");
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(content));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", "program.csv");
        return await Browser.Client.PostAsync(url, form);
    }
}
