using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using ConferenceApp.Tests.Interop;
using ConferenceApp.Tests.Organize;
using ConferenceApp.Tests.Support;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace ConferenceApp.Tests.Security;

/// <summary>
/// Renders the hostile conference of <see cref="HostileTextApp"/> through every HTML page the app
/// maps, every export and every email, and checks that no hostile string arrives as markup, an
/// event handler, a script URL, an extra header or an extra iCalendar property. The pages come
/// from the app's endpoints, so a new page is rendered here too.
/// </summary>
public sealed class HostileTextTests(HostileTextApp hostile) : IClassFixture<HostileTextApp>
{
    private static readonly HtmlParser Parser = new();

    /// <summary>Elements that a page of this app never contains, and that a hostile string tries to add.</summary>
    private static readonly HashSet<string> ForeignElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "svg", "evil", "iframe", "object", "embed", "frame", "frameset", "math", "base",
    };

    /// <summary>
    /// Route templates whose responses are not HTML pages about the conference. The exports and
    /// the API are checked below in their own formats. The health checks, the photos, the error,
    /// account, setup and invitation pages show no conference text.
    /// </summary>
    private static readonly string[] NotConferencePages =
    [
        "api", "health/", "photos/", "error/", "Identity/", "setup", "invitations/",
        "sitemap.xml", "robots.txt", "{conference}/schedule.", "{conference}/changes.atom", "{conference}/agenda/", "{conference}/talks/{talk}.ics", "{conference}/speakers/{speaker}.ics",
    ];

    [Fact]
    public async Task Every_page_renders_text_inert()
    {
        var checkedPages = 0;

        foreach (var (url, client) in await PagesAsync())
        {
            var response = await client.GetAsync(new Uri(url, UriKind.Relative));
            var html = await response.Content.ReadAsStringAsync();
            if (response.StatusCode == HttpStatusCode.Redirect)
            {
                // The start page and a conference's address redirect to its program.
                continue;
            }

            Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} returned {(int)response.StatusCode}.");
            AssertInert($"GET {url}", await Parser.ParseDocumentAsync(html));
            checkedPages++;
        }

        Assert.True(checkedPages > 50, $"Only {checkedPages} pages were checked.");
    }

    [Fact]
    public async Task Pages_show_hostile_text_as_text()
    {
        var program = await PageAsync(hostile.Anonymous, $"/{HostileTextApp.Slug}/program");
        var talks = await PageAsync(hostile.Organizer.Client, $"/organize/{HostileTextApp.Slug}/talks");

        foreach (var text in HostileTextApp.Texts.Select(t => Collapse(HostileTextApp.Stored(t.Text))))
        {
            Assert.Contains(text, Collapse(program.Body!.TextContent), StringComparison.Ordinal);
            Assert.Contains(text, Collapse(talks.Body!.TextContent), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Program_search_renders_hostile_text_inert()
    {
        // "a" and "e" occur in most hostile titles, so their matches are marked inside them.
        var searches = HostileTextApp.Texts.Select(t => t.Text).Append("a e").Append("script alert");
        foreach (var search in searches)
        {
            var value = Uri.EscapeDataString(search);
            var url = $"/{HostileTextApp.Slug}/program?q={value}&room={value}&kind={value}&day={value}&view={value}";

            var response = await hostile.Anonymous.GetAsync(new Uri(url, UriKind.Relative));

            Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} returned {(int)response.StatusCode}.");
            AssertInert($"GET {url}", await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync()));
        }
    }

    [Fact]
    public async Task Bio_preview_is_sanitized()
    {
        var token = AppFactory.AntiforgeryToken(await hostile.Speaker.GetStringAsync(new Uri($"/speaker/{HostileTextApp.Slug}/profile", UriKind.Relative)));
        var response = await hostile.Speaker.PostAsync(new Uri("/speaker/preview", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["bio"] = HostileTextApp.Postable(HostileTextApp.HostileMarkdown + "\n\n" + string.Join("\n\n", HostileTextApp.Texts.Select(t => t.Text))),
            ["__RequestVerificationToken"] = token,
        }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertInert("the bio preview", await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Nul_in_form_gets_bad_request_page()
    {
        var url = $"/organize/{HostileTextApp.Slug}/releases/new";
        var values = OrganizerBrowser.FormValues(await hostile.Organizer.GetPageAsync(url));
        values["Comment"] = "before \0 after";

        var response = await hostile.Organizer.PostAsync(url, values);
        var page = await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Bad request", page.Title, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Frab_xml_keeps_text_as_data()
    {
        var xml = XDocument.Parse(await hostile.Anonymous.GetStringAsync(new Uri($"/{HostileTextApp.Slug}/schedule.xml", UriKind.Relative)));
        var titles = xml.Descendants("title").Select(e => e.Value).ToList();

        Assert.DoesNotContain(xml.Descendants(), e => ForeignElements.Contains(e.Name.LocalName) || e.Name.LocalName == "script");
        foreach (var text in HostileTextApp.Texts)
        {
            Assert.Contains(titles, title => title.Contains(XmlText(HostileTextApp.Stored(text.Text)), StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Frab_json_keeps_text_as_data()
    {
        using var json = JsonDocument.Parse(await hostile.Anonymous.GetStringAsync(new Uri($"/{HostileTextApp.Slug}/schedule.json", UriKind.Relative)));
        var strings = Strings(json.RootElement).ToList();

        foreach (var text in HostileTextApp.Texts)
        {
            Assert.Contains(strings, value => value.Contains(XmlSafe(HostileTextApp.Stored(text.Text)), StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Api_keeps_text_as_data()
    {
        foreach (var list in new[] { "talks", "speakers", "sessions", "rooms" })
        {
            var url = $"/api/conferences/{HostileTextApp.Slug}/{list}?pageSize=100";
            using var json = JsonDocument.Parse(await hostile.Anonymous.GetStringAsync(new Uri(url, UriKind.Relative)));
            var strings = Strings(json.RootElement).ToList();

            foreach (var text in HostileTextApp.Texts)
            {
                Assert.True(strings.Any(value => value.Contains(HostileTextApp.Stored(text.Text), StringComparison.Ordinal)), $"{url} lacks the {text.Attack}.");
            }

            // The only HTML the API sends is the sanitized bio.
            foreach (var bio in Properties(json.RootElement, "bioHtml"))
            {
                AssertInert($"bioHtml in {url}", await Parser.ParseDocumentAsync(bio));
            }
        }
    }

    [Fact]
    public async Task Json_ld_keeps_text_as_data()
    {
        var talks = await hostile.App.OpenDb().UseAsync(db => db.Talks.Select(t => t.Slug).ToListAsync());
        var names = new List<string>();

        foreach (var slug in talks)
        {
            var page = await PageAsync(hostile.Anonymous, $"/{HostileTextApp.Slug}/talks/{slug}");
            var block = Assert.Single(page.QuerySelectorAll("script[type='application/ld+json']"));
            using var json = JsonDocument.Parse(block.TextContent);

            Assert.Equal(page.QuerySelector("main h1")!.TextContent, json.RootElement.GetProperty("name").GetString());
            names.Add(json.RootElement.GetProperty("name").GetString()!);
            names.AddRange(Strings(json.RootElement));
        }

        foreach (var text in HostileTextApp.Texts)
        {
            Assert.True(names.Any(name => name.Contains(HostileTextApp.Stored(text.Text), StringComparison.Ordinal)), $"No JSON-LD keeps the {text.Attack}.");
        }
    }

    [Fact]
    public async Task Sitemap_lists_only_addresses()
    {
        var sitemap = XDocument.Parse(await hostile.Anonymous.GetStringAsync(new Uri("/sitemap.xml", UriKind.Relative)));
        XNamespace sitemaps = "http://www.sitemaps.org/schemas/sitemap/0.9";

        Assert.All(sitemap.Descendants(), e => Assert.True(e.Name.LocalName is "urlset" or "url" or "loc" or "lastmod", e.Name.LocalName));
        Assert.All(sitemap.Descendants(sitemaps + "loc"), loc => Assert.True(Uri.IsWellFormedUriString(loc.Value, UriKind.Absolute), loc.Value));
        Assert.Contains(sitemap.Descendants(sitemaps + "loc"), loc => loc.Value.Contains($"/{HostileTextApp.Slug}/talks/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Calendars_add_no_properties()
    {
        var talks = await hostile.App.OpenDb().UseAsync(db => db.Talks.Where(t => t.SessionId != null).Select(t => t.Slug).ToListAsync());
        var speakers = await hostile.App.OpenDb().UseAsync(db => db.Speakers.Select(s => s.Slug).ToListAsync());
        var urls = new[] { $"/{HostileTextApp.Slug}/schedule.ics" }
            .Concat(talks.Select(slug => $"/{HostileTextApp.Slug}/talks/{slug}.ics"))
            .Concat(speakers.Select(slug => $"/{HostileTextApp.Slug}/speakers/{slug}.ics"));

        foreach (var url in urls)
        {
            var response = await hostile.Anonymous.GetAsync(new Uri(url, UriKind.Relative));
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                continue;
            }

            AssertCalendar(url, await response.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task Schedule_ics_keeps_titles()
    {
        var ics = await hostile.Anonymous.GetStringAsync(new Uri($"/{HostileTextApp.Slug}/schedule.ics", UriKind.Relative));
        var summaries = IcsReader.Components(IcsReader.ReadChecked(ics), "VEVENT")
            .Select(lines => IcsReader.UnescapeText(IcsReader.Value(lines, "SUMMARY") ?? ""))
            .ToList();

        foreach (var text in HostileTextApp.Texts)
        {
            var stored = HostileTextApp.Stored(text.Text).Replace("\r\n", "\n", StringComparison.Ordinal);
            Assert.True(summaries.Any(summary => summary.Contains(stored, StringComparison.Ordinal)), $"No event summary keeps the {text.Attack}.");
        }
    }

    [Fact]
    public async Task Agenda_page_shows_text_inert()
    {
        var keys = await AgendaKeysAsync();

        var page = await PageAsync(hostile.Anonymous, $"/{HostileTextApp.Slug}/agenda?items={string.Join(',', keys)}");

        AssertInert("the agenda page", page);
        Assert.True(page.QuerySelectorAll(".agenda-entry").Length > 5, "The agenda page lists too few of the hostile items.");
        var text = Collapse(page.Body!.TextContent);
        foreach (var hostileText in HostileTextApp.Texts)
        {
            Assert.Contains(Collapse(HostileTextApp.Stored(hostileText.Text)), text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Agenda_feed_adds_no_properties()
    {
        var keys = await AgendaKeysAsync();
        using var created = await hostile.Anonymous.PostAsync(
            new Uri($"/{HostileTextApp.Slug}/agenda/feeds", UriKind.Relative),
            new System.Net.Http.StringContent(JsonSerializer.Serialize(new { items = keys }), System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using var body = JsonDocument.Parse(await created.Content.ReadAsStringAsync());

        var ics = await hostile.Anonymous.GetStringAsync(new Uri(body.RootElement.GetProperty("feedUrl").GetString()!));

        AssertCalendar("the agenda feed", ics);
        var summaries = IcsReader.Components(IcsReader.ReadChecked(ics), "VEVENT")
            .Select(lines => IcsReader.UnescapeText(IcsReader.Value(lines, "SUMMARY") ?? ""))
            .ToList();
        foreach (var text in HostileTextApp.Texts)
        {
            var stored = HostileTextApp.Stored(text.Text).Replace("\r\n", "\n", StringComparison.Ordinal);
            Assert.True(summaries.Any(summary => summary.Contains(stored, StringComparison.Ordinal)), $"No event summary of the agenda feed keeps the {text.Attack}.");
        }
    }

    [Fact]
    public async Task Feed_keeps_text_as_data()
    {
        var feed = XDocument.Parse(await hostile.Anonymous.GetStringAsync(new Uri($"/{HostileTextApp.Slug}/changes.atom", UriKind.Relative)));
        XNamespace atom = "http://www.w3.org/2005/Atom";

        Assert.DoesNotContain(feed.Descendants(), e => ForeignElements.Contains(e.Name.LocalName) || e.Name.LocalName == "script");
        // Content of type "html" is escaped HTML in the element's text, and of type "xhtml" the element's children.
        foreach (var content in feed.Descendants().Where(e => (string?)e.Attribute("type") is "html" or "xhtml"))
        {
            var html = (string?)content.Attribute("type") == "html" ? content.Value : string.Concat(content.Nodes());
            AssertInert($"<{content.Name.LocalName}> of the feed", await Parser.ParseDocumentAsync(html));
        }

        Assert.NotEmpty(feed.Descendants(atom + "entry"));
    }

    [Fact]
    public async Task Emails_add_no_headers_or_markup()
    {
        var messages = await MailsAsync();

        Assert.Contains(messages, m => (m.Subject ?? "").Contains("new time", StringComparison.Ordinal));
        Assert.Contains(messages, m => (m.Subject ?? "").Contains("speaker account", StringComparison.Ordinal));
        foreach (var message in messages)
        {
            var name = $"the email \"{message.Subject}\"";

            Assert.Empty(message.Bcc);
            Assert.Single(message.To.Mailboxes);
            Assert.DoesNotContain(message.Headers, header => header.Field.Equals("Bcc", StringComparison.OrdinalIgnoreCase) || header.Field.StartsWith("ATTENDEE", StringComparison.OrdinalIgnoreCase));
            Assert.DoesNotContain('\n', message.Subject ?? "");
            Assert.DoesNotContain('\r', message.Subject ?? "");
            AssertInert(name, await Parser.ParseDocumentAsync(message.HtmlBody ?? ""));

            foreach (var attachment in message.Attachments.OfType<MimePart>())
            {
                using var content = new MemoryStream();
                await attachment.Content!.DecodeToAsync(content);
                AssertCalendar($"{attachment.FileName} in {name}", System.Text.Encoding.UTF8.GetString(content.ToArray()));
            }
        }
    }

    // Every GET page of the app, with each route parameter filled with every row of the hostile
    // conference, as the user the page is for: organizer, speaker or visitor.
    private async Task<List<(string Url, HttpClient Client)>> PagesAsync()
    {
        var values = await ParameterValuesAsync();
        var pages = new List<(string, HttpClient)>();

        foreach (var endpoint in AppEndpoints.Of(hostile.App.Services))
        {
            var template = AppEndpoints.Template(endpoint);
            if (!AppEndpoints.Methods(endpoint).Contains("GET") || NotConferencePages.Any(prefix => template.StartsWith(prefix, StringComparison.Ordinal)))
            {
                continue;
            }

            var client = template.StartsWith("organize", StringComparison.Ordinal) ? hostile.Organizer.Client
                : template.StartsWith("speaker", StringComparison.Ordinal) ? hostile.Speaker
                : hostile.Anonymous;
            pages.AddRange(Urls(endpoint, values).Select(url => (url, client)));
        }

        return pages;
    }

    // Expands one endpoint into an address per row for its one row parameter (or a single address).
    private static List<string> Urls(RouteEndpoint endpoint, Dictionary<string, List<string>> values)
    {
        var keys = endpoint.RoutePattern.Parameters.Select(p => p.Name).Where(name => name != "conference").ToList();
        Assert.True(keys.Count <= 1, $"{AppEndpoints.Template(endpoint)} has more than one row parameter; teach the hostile text walk to fill it.");
        if (keys.Count == 0)
        {
            return [AppEndpoints.Url(endpoint, (_, _) => HostileTextApp.Slug)];
        }

        var under = AppEndpoints.Template(endpoint).StartsWith("speaker", StringComparison.Ordinal) ? "speaker:" : "";
        var urls = new List<string>();
        foreach (var key in KeysOf(endpoint, under))
        {
            Assert.True(values.ContainsKey(key), $"No values are known for {key} in {AppEndpoints.Template(endpoint)}.");
            urls.AddRange(values[key].Select(value => AppEndpoints.Url(endpoint, (name, _) => name == "conference" ? HostileTextApp.Slug : value)));
        }

        return urls;
    }

    // Names the list of values for the endpoint's row parameter: "talk", "speaker", or for an id
    // the segment before it ("rooms", "sessions", ...), with "speaker:" under the speaker area.
    private static IEnumerable<string> KeysOf(RouteEndpoint endpoint, string under)
    {
        string? key = null;
        AppEndpoints.Url(endpoint, (name, previous) =>
        {
            if (name != "conference")
            {
                key = name == "id" ? under + previous : under + name;
            }

            return "x";
        });
        return key is null ? [] : [key];
    }

    private async Task<Dictionary<string, List<string>>> ParameterValuesAsync()
    {
        await using var scope = hostile.App.OpenDb();
        var db = scope.Db;
        var conference = await db.Conferences.Where(c => c.Slug == HostileTextApp.Slug).Select(c => c.Id).SingleAsync();
        var linkedSpeaker = await db.Speakers.Where(s => s.ConferenceId == conference && s.UserId != null).Select(s => s.Id).SingleAsync();

        static List<string> Texts(IEnumerable<int> ids) => [.. ids.Select(id => id.ToString(CultureInfo.InvariantCulture))];

        return new Dictionary<string, List<string>>(StringComparer.Ordinal)
        {
            ["talk"] = await db.Talks.Where(t => t.ConferenceId == conference).Select(t => t.Slug).ToListAsync(),
            ["speaker"] = await db.Speakers.Where(s => s.ConferenceId == conference).Select(s => s.Slug).ToListAsync(),
            ["rooms"] = Texts(await db.Rooms.Where(r => r.ConferenceId == conference).Select(r => r.Id).ToListAsync()),
            ["timeslots"] = Texts(await db.TimeSlots.Where(s => s.ConferenceId == conference).Select(s => s.Id).ToListAsync()),
            ["sessions"] = Texts(await db.Sessions.Where(s => s.ConferenceId == conference).Select(s => s.Id).ToListAsync()),
            ["talks"] = Texts(await db.Talks.Where(t => t.ConferenceId == conference).Select(t => t.Id).ToListAsync()),
            ["speakers"] = Texts(await db.Speakers.Where(s => s.ConferenceId == conference).Select(s => s.Id).ToListAsync()),
            ["token"] = [hostile.PendingImport.ToString()],
            ["speaker:talks"] = Texts(await db.TalkSpeakers.Where(ts => ts.SpeakerId == linkedSpeaker).Select(ts => ts.TalkId).ToListAsync()),
        };
    }

    /// <summary>
    /// Asserts that a document contains no element a hostile string could add, no event handler
    /// attribute, no inline script and no link or source with a script or data URL.
    /// </summary>
    private static void AssertInert(string where, IHtmlDocument document)
    {
        foreach (var element in document.All)
        {
            Assert.False(ForeignElements.Contains(element.LocalName), $"{where} contains a <{element.LocalName}> element: {Shorten(element.OuterHtml)}");

            if (element.LocalName == "script" && element.GetAttribute("type") == "application/ld+json")
            {
                // A data block: the JSON must parse and hold no "<", so no text in it can end the element.
                Assert.False(element.HasAttribute("src"), $"{where} contains a JSON-LD block with a src: {Shorten(element.OuterHtml)}");
                Assert.DoesNotContain('<', element.TextContent);
                using var _ = JsonDocument.Parse(element.TextContent);
            }
            else if (element.LocalName == "script")
            {
                Assert.True(element.GetAttribute("src")?.StartsWith('/') == true, $"{where} contains a script from elsewhere: {Shorten(element.OuterHtml)}");
                Assert.True(element.TextContent.Length == 0, $"{where} contains an inline script: {Shorten(element.OuterHtml)}");
            }

            if (element.LocalName == "meta")
            {
                Assert.False(element.HasAttribute("http-equiv"), $"{where} contains a <meta http-equiv>: {Shorten(element.OuterHtml)}");
            }

            if (element.LocalName == "img")
            {
                Assert.True(element.GetAttribute("src")?.StartsWith('/') == true, $"{where} contains an image from elsewhere: {Shorten(element.OuterHtml)}");
            }

            foreach (var attribute in element.Attributes)
            {
                Assert.False(attribute.LocalName.StartsWith("on", StringComparison.OrdinalIgnoreCase),
                    $"{where} has an event handler: {Shorten(element.OuterHtml)}");
                Assert.False(attribute.LocalName is "autofocus" or "x", $"{where} has an attribute from a hostile string: {Shorten(element.OuterHtml)}");

                if (attribute.LocalName is "href" or "src" or "action" or "formaction" or "xlink:href" or "poster" or "srcset")
                {
                    var value = new string([.. attribute.Value.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c))]);
                    Assert.False(value.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase)
                        || value.StartsWith("vbscript:", StringComparison.OrdinalIgnoreCase)
                        || value.StartsWith("data:", StringComparison.OrdinalIgnoreCase),
                        $"{where} links to a script URL: {Shorten(element.OuterHtml)}");
                }
            }
        }
    }

    /// <summary>Asserts that an iCalendar file is well formed and that no hostile string added a property or ended an event early.</summary>
    private static void AssertCalendar(string where, string ics)
    {
        var lines = IcsReader.ReadChecked(ics);

        Assert.DoesNotContain(lines, line => line.StartsWith("ATTENDEE", StringComparison.OrdinalIgnoreCase) || line.StartsWith("Bcc", StringComparison.OrdinalIgnoreCase));
        foreach (var component in IcsReader.Components(lines, "VEVENT"))
        {
            Assert.True(component.Count(line => line.StartsWith("SUMMARY", StringComparison.Ordinal)) <= 1, $"An event in {where} has two summaries.");
            Assert.True(component.Count(line => line.StartsWith("UID", StringComparison.Ordinal)) == 1, $"An event in {where} has no single UID.");
        }

        Assert.NotNull(IcalNetReader.Load(ics));
    }

    private async Task<List<MimeMessage>> MailsAsync()
    {
        // The outbox sends after the commit, on its own thread.
        var started = DateTime.UtcNow;
        while (MailCount() < 2 || await hostile.App.OpenDb().UseAsync(db => db.OutboxMessages.AnyAsync(m => m.SentAtUtc == null && m.GaveUpAtUtc == null)))
        {
            Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(20), "The emails were not sent within 20 s.");
            await Task.Delay(50);
        }

        var messages = new List<MimeMessage>();
        foreach (var file in Directory.GetFiles(hostile.App.MailFolder, "*.eml").Order(StringComparer.Ordinal))
        {
            messages.Add(await MimeMessage.LoadAsync(file));
        }

        return messages;
    }

    // Every talk and session of the hostile conference as a starred item.
    private async Task<List<string>> AgendaKeysAsync()
    {
        await using var scope = hostile.App.OpenDb();
        var conference = await scope.Db.Conferences.Where(c => c.Slug == HostileTextApp.Slug).Select(c => c.Id).SingleAsync();
        var talks = await scope.Db.Talks.Where(t => t.ConferenceId == conference).Select(t => t.Id).ToListAsync();
        var sessions = await scope.Db.Sessions.Where(s => s.ConferenceId == conference).Select(s => s.Id).ToListAsync();
        return [.. talks.Select(id => $"talk-{id}"), .. sessions.Select(id => $"session-{id}")];
    }

    private int MailCount() => Directory.Exists(hostile.App.MailFolder) ? Directory.GetFiles(hostile.App.MailFolder, "*.eml").Length : 0;

    private static async Task<IHtmlDocument> PageAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} returned {(int)response.StatusCode}.");
        return await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());
    }

    private static IEnumerable<string> Strings(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => [element.GetString()!],
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Strings),
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Strings(p.Value)),
        _ => [],
    };

    private static IEnumerable<string> Properties(JsonElement element, string name) => element.ValueKind switch
    {
        JsonValueKind.Array => element.EnumerateArray().SelectMany(e => Properties(e, name)),
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p =>
            p.Name == name && p.Value.ValueKind == JsonValueKind.String ? [p.Value.GetString()!] : Properties(p.Value, name)),
        _ => [],
    };

    // The frab exports drop the characters that XML 1.0 forbids, and so does the JSON export, to match.
    private static string XmlSafe(string text) => new([.. text.Where(XmlConvertIsValid)]);

    // An XML parser also reads every line break as "\n".
    private static string XmlText(string text) => XmlSafe(text).Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');

    private static bool XmlConvertIsValid(char c) => System.Xml.XmlConvert.IsXmlChar(c) || char.IsSurrogate(c);

    // Pages wrap and indent text, so comparisons ignore runs of white space.
    private static string Collapse(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static string Shorten(string html) => html.Length <= 300 ? html : html[..300] + "…";
}

internal static class ScopeUse
{
    /// <summary>Runs one read on the scope's database context and disposes the scope.</summary>
    public static async Task<T> UseAsync<T>(this AsyncServiceScopeWithDb scope, Func<ConferenceApp.Data.ConferenceDbContext, Task<T>> read)
    {
        await using (scope)
        {
            return await read(scope.Db);
        }
    }
}
