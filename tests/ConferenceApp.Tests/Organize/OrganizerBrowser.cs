using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace ConferenceApp.Tests.Organize;

/// <summary>
/// Fills and submits the organizer forms the way a browser without JavaScript does: it reads a
/// form's current fields from the page, overrides some of them, and posts them all back with the
/// page's antiforgery token.
/// </summary>
public sealed class OrganizerBrowser(HttpClient client)
{
    private static readonly HtmlParser Parser = new();

    public HttpClient Client { get; } = client;

    public async Task<IHtmlDocument> GetPageAsync(string url)
    {
        var response = await Client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} returned {(int)response.StatusCode}.");
        return await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());
    }

    /// <summary>Returns the current values of the page's organizer form, as a browser would post them.</summary>
    public static Dictionary<string, string> FormValues(IHtmlDocument page)
    {
        var form = page.QuerySelector("form.organize-form") ?? throw new InvalidOperationException("The page has no organizer form.");
        var values = new Dictionary<string, string>();

        foreach (var input in form.QuerySelectorAll<IHtmlInputElement>("input[name]"))
        {
            if (input.Type is "checkbox" or "radio" && !input.IsChecked)
            {
                continue;
            }

            // ASP.NET Core renders a hidden "false" after each checkbox, so the checked box comes first and wins.
            values.TryAdd(input.Name!, input.Value);
        }

        foreach (var select in form.QuerySelectorAll<IHtmlSelectElement>("select[name]"))
        {
            values[select.Name!] = select.Value ?? "";
        }

        foreach (var textArea in form.QuerySelectorAll<IHtmlTextAreaElement>("textarea[name]"))
        {
            values[textArea.Name!] = textArea.Value;
        }

        return values;
    }

    /// <summary>Opens the form at <paramref name="url"/>, applies <paramref name="changes"/>, and posts it to the same address.</summary>
    public async Task<HttpResponseMessage> SubmitAsync(string url, IReadOnlyDictionary<string, string>? changes = null)
    {
        var page = await GetPageAsync(url);
        var values = FormValues(page);
        foreach (var (name, value) in changes ?? new Dictionary<string, string>())
        {
            values[name] = value;
        }

        return await PostAsync(url, values);
    }

    public Task<HttpResponseMessage> PostAsync(string url, Dictionary<string, string> values) =>
        Client.PostAsync(new Uri(url, UriKind.Relative), new FormUrlEncodedContent(values));

    public static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response) =>
        await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());

    /// <summary>Returns the validation message shown for a field, or "" when there is none.</summary>
    public static string ErrorFor(IHtmlDocument page, string field) =>
        page.QuerySelector($"[data-valmsg-for=\"{field}\"]")?.TextContent.Trim() ?? "";

    /// <summary>Returns the text of the form's summary of errors that belong to no single field.</summary>
    public static string FormError(IHtmlDocument page) =>
        page.QuerySelector(".validation-summary-errors")?.TextContent.Trim() ?? "";

    /// <summary>Asserts a redirect and returns its target.</summary>
    public static string RedirectTarget(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Expected a redirect, got {(int)response.StatusCode}.");
        return response.Headers.Location!.OriginalString;
    }

    /// <summary>Follows a redirect and returns the page, where the layout shows the saved message.</summary>
    public async Task<IHtmlDocument> FollowAsync(HttpResponseMessage response) => await GetPageAsync(RedirectTarget(response));

    public static string SuccessMessage(IHtmlDocument page) =>
        page.QuerySelector(".alert-success")?.TextContent.Trim() ?? "";
}
