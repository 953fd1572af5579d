using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace ConferenceApp.Tests.Support;

/// <summary>A fetched page: the status code, the HTML as sent, and the parsed document.</summary>
public sealed record HtmlPage(HttpStatusCode Status, string Html, IHtmlDocument Document)
{
    /// <summary>Counts the non-overlapping occurrences of <paramref name="text"/> in the HTML as sent.</summary>
    public int CountInHtml(string text)
    {
        var count = 0;
        for (var index = Html.IndexOf(text, StringComparison.Ordinal); index >= 0; index = Html.IndexOf(text, index + text.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    /// <summary>Returns the trimmed text of every element that matches a CSS selector, in document order.</summary>
    public List<string> Texts(string selector) =>
        [.. Document.QuerySelectorAll(selector).Select(element => element.TextContent.Trim())];
}

public static class HtmlPageRequests
{
    /// <summary>Requests <paramref name="path"/> with GET and parses the response body as HTML.</summary>
    public static async Task<HtmlPage> GetPageAsync(this HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();
        var document = await new HtmlParser().ParseDocumentAsync(html);
        return new HtmlPage(response.StatusCode, html, document);
    }
}
