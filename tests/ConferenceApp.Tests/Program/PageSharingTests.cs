using System.Globalization;
using System.Text.Json;
using AngleSharp.Html.Dom;
using ConferenceApp.Data;
using ConferenceApp.Features.Program;
using ConferenceApp.Tests.Support;

namespace ConferenceApp.Tests.Program;

/// <summary>An app whose Site:PublicUrl differs from the test client's host, so absolute links must come from it.</summary>
public sealed class PublicUrlApp : IDisposable
{
    public const string PublicUrl = "https://program.example.org";

    public AppFactory App { get; } = new() { Settings = new() { ["Site:PublicUrl"] = PublicUrl } };

    public void Dispose() => App.Dispose();
}

/// <summary>The link-preview tags, canonical links and schema.org JSON-LD of the public pages.</summary>
public sealed class PageSharingTests(PublicUrlApp fixture) : IClassFixture<PublicUrlApp>
{
    private const string Site = PublicUrlApp.PublicUrl + "/" + DemoConference.Slug;
    private const string TalkSlug = "accounting-automation";
    private const string TalkTitle = "Accounting Automation: Making Accounting Easier So That People Can Forget About It";
    private const string TalkWithAbstract = "knowledge-is-a-region-in-weight-space";
    private const string SpeakerSlug = "almog-gueta";
    private const string BioSentence = "She recently completed an internship with IBM Research";

    [Fact]
    public async Task Talk_page_has_absolute_meta()
    {
        var page = await GetAsync($"/{DemoConference.Slug}/talks/{TalkSlug}");

        Assert.Equal($"{Site}/talks/{TalkSlug}", Attribute(page, "link[rel=canonical]", "href"));
        Assert.Equal($"{Site}/talks/{TalkSlug}", Meta(page, "og:url"));
        Assert.Equal(TalkTitle, Meta(page, "og:title"));
        Assert.Equal("article", Meta(page, "og:type"));
        Assert.Equal(TalkTitle, Attribute(page, "meta[name='twitter:title']", "content"));
        Assert.Equal("summary", Attribute(page, "meta[name='twitter:card']", "content"));
    }

    [Fact]
    public async Task Talk_description_is_abstract_text()
    {
        var page = await GetAsync($"/{DemoConference.Slug}/talks/{TalkWithAbstract}");
        var description = Meta(page, "og:description");

        Assert.False(string.IsNullOrEmpty(description));
        Assert.True(description!.Length <= PageSharing.DescriptionMaxLength + 1, description);
        Assert.DoesNotContain('\n', description);
        Assert.Equal(description, Attribute(page, "meta[name=description]", "content"));
        Assert.StartsWith(description.TrimEnd('…'), Collapse(page.QuerySelector(".abstract")!.TextContent), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Talk_json_ld_is_event()
    {
        using var json = JsonLd(await GetAsync($"/{DemoConference.Slug}/talks/{TalkSlug}"));
        var talk = json.RootElement;

        Assert.Equal("https://schema.org", talk.GetProperty("@context").GetString());
        Assert.Equal("Event", talk.GetProperty("@type").GetString());
        Assert.Equal(TalkTitle, talk.GetProperty("name").GetString());
        Assert.Equal($"{Site}/talks/{TalkSlug}", talk.GetProperty("url").GetString());
        Assert.Equal("https://schema.org/EventScheduled", talk.GetProperty("eventStatus").GetString());
        Assert.Equal("https://schema.org/OfflineEventAttendanceMode", talk.GetProperty("eventAttendanceMode").GetString());
    }

    [Fact]
    public async Task Talk_json_ld_has_abstract()
    {
        var page = await GetAsync($"/{DemoConference.Slug}/talks/{TalkWithAbstract}");
        using var json = JsonLd(page);

        Assert.Equal(Meta(page, "og:description"), json.RootElement.GetProperty("description").GetString());
    }

    [Fact]
    public async Task Talk_without_abstract_names_conference()
    {
        var page = await GetAsync($"/{DemoConference.Slug}/talks/{TalkSlug}");
        using var json = JsonLd(page);

        Assert.Equal("A talk at WiDS TLV 2023.", Meta(page, "og:description"));
        Assert.False(json.RootElement.TryGetProperty("description", out _));
    }

    [Fact]
    public async Task Talk_json_ld_has_instants()
    {
        using var json = JsonLd(await GetAsync($"/{DemoConference.Slug}/talks/{TalkSlug}"));
        var talk = json.RootElement;

        // 10:20–10:50 in Jerusalem on 9 March 2023, before the clocks went forward (UTC+2).
        Assert.Equal("2023-03-09T10:20:00+02:00", talk.GetProperty("startDate").GetString());
        Assert.Equal("2023-03-09T10:50:00+02:00", talk.GetProperty("endDate").GetString());
        Assert.Equal(new DateTimeOffset(2023, 3, 9, 8, 20, 0, TimeSpan.Zero), DateTimeOffset.Parse(talk.GetProperty("startDate").GetString()!, CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Talk_json_ld_has_room_and_people()
    {
        using var json = JsonLd(await GetAsync($"/{DemoConference.Slug}/talks/{TalkSlug}"));
        var talk = json.RootElement;
        var location = talk.GetProperty("location");
        var performer = Assert.Single(talk.GetProperty("performer").EnumerateArray());
        var conference = talk.GetProperty("superEvent");

        Assert.Equal("Main hall", location.GetProperty("name").GetString());
        Assert.Equal("Tel Aviv", location.GetProperty("containedInPlace").GetProperty("name").GetString());
        Assert.Equal("Person", performer.GetProperty("@type").GetString());
        Assert.Equal("Juan Liu", performer.GetProperty("name").GetString());
        Assert.Equal($"{Site}/speakers/juan-liu", performer.GetProperty("url").GetString());
        Assert.Equal("Event", conference.GetProperty("@type").GetString());
        Assert.Equal("WiDS TLV 2023", conference.GetProperty("name").GetString());
        Assert.Equal($"{Site}/program", conference.GetProperty("url").GetString());
        Assert.Equal("2023-03-09", conference.GetProperty("startDate").GetString());
    }

    [Fact]
    public async Task Speaker_json_ld_is_person()
    {
        var page = await GetAsync($"/{DemoConference.Slug}/speakers/{SpeakerSlug}");
        using var json = JsonLd(page);
        var speaker = json.RootElement;
        var talk = Assert.Single(speaker.GetProperty("performerIn").EnumerateArray());

        Assert.Equal("Person", speaker.GetProperty("@type").GetString());
        Assert.Equal("Almog Gueta", speaker.GetProperty("name").GetString());
        Assert.Equal($"{Site}/speakers/{SpeakerSlug}", speaker.GetProperty("url").GetString());
        Assert.StartsWith(speaker.GetProperty("description").GetString()!.TrimEnd('…'), Collapse(page.QuerySelector(".bio")!.TextContent), StringComparison.Ordinal);
        Assert.Contains(BioSentence, Collapse(page.QuerySelector(".bio")!.TextContent), StringComparison.Ordinal);
        Assert.Equal($"{Site}/talks/knowledge-is-a-region-in-weight-space", talk.GetProperty("url").GetString());
        Assert.Equal("2023-03-09T11:00:00+02:00", talk.GetProperty("startDate").GetString());
        Assert.Equal("profile", Meta(page, "og:type"));
        Assert.Equal($"{Site}/speakers/{SpeakerSlug}", Attribute(page, "link[rel=canonical]", "href"));
    }

    [Fact]
    public async Task Speaker_links_become_same_as()
    {
        await using (var scope = fixture.App.OpenDb())
        {
            var speaker = scope.Db.Speakers.Single(s => s.Slug == "juan-liu");
            scope.Db.Entry(speaker).Property(s => s.GitHubUrl).CurrentValue = "https://github.com/juan-liu-example";
            await scope.Db.SaveChangesAsync();
        }

        using var json = JsonLd(await GetAsync($"/{DemoConference.Slug}/speakers/juan-liu"));

        Assert.Contains("https://github.com/juan-liu-example", json.RootElement.GetProperty("sameAs").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task Program_json_ld_is_conference()
    {
        var page = await GetAsync($"/{DemoConference.Slug}/program");
        using var json = JsonLd(page);
        var conference = json.RootElement;

        Assert.Equal("Event", conference.GetProperty("@type").GetString());
        Assert.Equal("WiDS TLV 2023", conference.GetProperty("name").GetString());
        Assert.Equal("2023-03-09", conference.GetProperty("startDate").GetString());
        Assert.Equal("2023-03-09", conference.GetProperty("endDate").GetString());
        Assert.Equal("Tel Aviv", conference.GetProperty("location").GetProperty("name").GetString());
        Assert.Equal($"{Site}/program", Attribute(page, "link[rel=canonical]", "href"));
    }

    [Fact]
    public async Task Speaker_list_has_meta()
    {
        var page = await GetAsync($"/{DemoConference.Slug}/speakers");

        Assert.Equal($"{Site}/speakers", Attribute(page, "link[rel=canonical]", "href"));
        Assert.Equal("WiDS TLV 2023: speakers", Meta(page, "og:title"));
    }

    [Fact]
    public async Task Share_control_has_plain_links()
    {
        var page = await GetAsync($"/{DemoConference.Slug}/talks/{TalkSlug}");
        var share = page.QuerySelector(".share")!;
        var links = share.QuerySelectorAll("a").Select(a => a.GetAttribute("href")!).ToList();

        Assert.Equal($"{Site}/talks/{TalkSlug}", share.GetAttribute("data-share-url"));
        Assert.Contains(links, href => href.StartsWith("mailto:?subject=", StringComparison.Ordinal) && href.Contains(Uri.EscapeDataString($"{Site}/talks/{TalkSlug}"), StringComparison.Ordinal));
        Assert.True(share.QuerySelector("button")!.HasAttribute("hidden"));
    }

    [Theory]
    [InlineData("Plain text.", "Plain text.")]
    [InlineData("  Two\n\nparagraphs\tand  spaces ", "Two paragraphs and spaces")]
    [InlineData(null, "")]
    public void Summary_collapses_white_space(string? text, string expected)
    {
        Assert.Equal(expected, PageSharing.Summary(text));
    }

    [Fact]
    public void Summary_cuts_long_text_at_word()
    {
        var summary = PageSharing.Summary(string.Join(' ', Enumerable.Repeat("word", 100)));

        Assert.EndsWith("word…", summary, StringComparison.Ordinal);
        Assert.True(summary.Length <= PageSharing.DescriptionMaxLength + 1);
    }

    [Fact]
    public void Serialize_escapes_script_end()
    {
        var json = PageSharing.Serialize(new System.Text.Json.Nodes.JsonObject { ["name"] = "</script><!-- & \"x\" 'y' שלום" });

        Assert.DoesNotContain('<', json);
        Assert.DoesNotContain('>', json);
        Assert.DoesNotContain('&', json);
        Assert.Contains("שלום", json, StringComparison.Ordinal);
        Assert.Equal("</script><!-- & \"x\" 'y' שלום", JsonDocument.Parse(json).RootElement.GetProperty("name").GetString());
    }

    private async Task<IHtmlDocument> GetAsync(string path)
    {
        var page = await fixture.App.CreateBrowserlessClient().GetPageAsync(path);
        Assert.Equal(System.Net.HttpStatusCode.OK, page.Status);
        return page.Document;
    }

    private static JsonDocument JsonLd(IHtmlDocument page)
    {
        var script = Assert.Single(page.QuerySelectorAll("script[type='application/ld+json']"));
        return JsonDocument.Parse(script.TextContent);
    }

    private static string? Meta(IHtmlDocument page, string property) => Attribute(page, $"meta[property='{property}']", "content");

    private static string? Attribute(IHtmlDocument page, string selector, string attribute) =>
        page.QuerySelector(selector)?.GetAttribute(attribute);

    private static string Collapse(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
