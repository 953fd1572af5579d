using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace ConferenceApp.ClusterTests.Support;

/// <summary>
/// A browser without JavaScript: it keeps cookies, does not follow redirects, and fills forms from
/// the page it got. Cookies are not tied to a port, so one sign-in reaches every instance on 127.0.0.1.
/// </summary>
internal sealed partial class SiteBrowser : IDisposable
{
    private static readonly HtmlParser Parser = new();

    private readonly HttpClient _client = new(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() })
    {
        Timeout = TimeSpan.FromSeconds(60),
    };

    public Task<HttpResponseMessage> GetAsync(string url) => _client.GetAsync(new Uri(url));

    public Task<HttpResponseMessage> PostAsync(string url, Dictionary<string, string> values) =>
        _client.PostAsync(new Uri(url), new FormUrlEncodedContent(values));

    /// <summary>Posts any body, such as a multipart form with a file.</summary>
    public Task<HttpResponseMessage> PostAsync(string url, HttpContent content) => _client.PostAsync(new Uri(url), content);

    /// <summary>Returns the page at <paramref name="url"/>, failing when it is not 200.</summary>
    public async Task<string> GetPageAsync(string url)
    {
        using var response = await GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} returned {(int)response.StatusCode}.");
        return body;
    }

    /// <summary>Signs in through the login page at <paramref name="baseUrl"/>.</summary>
    public async Task SignInAsync(string baseUrl, string email, string password)
    {
        var values = FormValues(await GetPageAsync(baseUrl + "/Identity/Account/Login"), "form");
        values["Input.Email"] = email;
        values["Input.Password"] = password;

        using var response = await PostAsync(baseUrl + "/Identity/Account/Login", values);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Signing in at {baseUrl} returned {(int)response.StatusCode}, not a redirect.");
    }

    /// <summary>Returns the fields of the first form matching <paramref name="selector"/> as a browser would post them.</summary>
    public static Dictionary<string, string> FormValues(string html, string selector = "form.organize-form")
    {
        var form = Parser.ParseDocument(html).QuerySelector(selector) ?? throw new InvalidOperationException($"The page has no form matching {selector}.");
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

    /// <summary>Returns the ids of the rooms linked from the organizers' room list.</summary>
    public async Task<List<int>> RoomIdsAsync(string baseUrl, string conference)
    {
        var page = await GetPageAsync($"{baseUrl}/organize/{conference}/rooms");
        return [.. RoomEditLink().Matches(page).Select(match => int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).Distinct()];
    }

    /// <summary>Returns every value that the audit log shows as set on one room, paging through it.</summary>
    public async Task<HashSet<string>> AuditedValuesAsync(string baseUrl, string conference, int roomId)
    {
        var values = new HashSet<string>(StringComparer.Ordinal);
        for (var page = 1; ; page++)
        {
            var html = await GetPageAsync($"{baseUrl}/organize/{conference}/audit?type=Room&id={roomId}&page={page}");
            var document = Parser.ParseDocument(html);
            values.UnionWith(document.QuerySelectorAll(".audit-log ins").Select(element => element.TextContent.Trim()));
            if (!html.Contains("Older changes", StringComparison.Ordinal))
            {
                return values;
            }
        }
    }

    public void Dispose() => _client.Dispose();

    [GeneratedRegex(@"/rooms/(\d+)/edit")]
    private static partial Regex RoomEditLink();
}
