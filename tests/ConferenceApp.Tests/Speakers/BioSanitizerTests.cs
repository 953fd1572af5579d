using System.Net;
using AngleSharp.Dom;
using ConferenceApp.Tests.Organize;
using ConferenceApp.Tests.Support;

namespace ConferenceApp.Tests.Speakers;

/// <summary>Hostile bios saved through the speaker's own profile form, checked on the public speaker page.</summary>
public sealed class BioSanitizerTests : SpeakerTestBase
{
    public static TheoryData<string> HostileBios => new()
    {
        "<script>alert(1)</script>",
        "<<script>script>alert(1)<</script>/script>",
        "<scr<script>ipt>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "<svg onload=alert(1)><circle r=5 /></svg>",
        "<b onmouseover=alert(1)>unclosed <i>markup",
        "<iframe src=\"javascript:alert(1)\"></iframe>",
        "<style>body { display: none }</style>",
        "<div style=\"background:url(javascript:alert(1))\">styled</div>",
        "<a href=\"javascript:alert(1)\">raw link</a>",
        "<a href=\"&#106;avascript:alert(1)\">entity link</a>",
        "[click](javascript:alert(1))",
        "[click](JaVaScRiPt:alert(1))",
        "[click](vbscript:msgbox(1))",
        "[click](&#106;avascript:alert(1))",
        "[click](&#x6A;avascript&colon;alert(1))",
        "[click](java\u200Bscript:alert(1))",
        "[click](\u200Bjavascript:alert(1))",
        "[click](\u202Ejavascript:alert(1))",
        "[click](javas\u202Ecript:alert(1))",
        "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "![picture](javascript:alert(1))",
        "![picture](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
        "<javascript:alert(1)>",
        "[reference]\n\n[reference]: javascript:alert(1)",
        "**bold [unclosed](https://example.org \"title\" onclick=\"alert(1)\")",
        "`<script>alert(1)</script>`\n\n```\n<script>alert(1)</script>\n```",
        "> <img src=\"data:image/png;base64,iVBORw0KGgo=\" onerror=\"alert(1)\">",
    };

    [Theory]
    [MemberData(nameof(HostileBios))]
    public async Task Hostile_bio_is_harmless_on_public_page(string bio)
    {
        var speaker = (await SpeakersWithTalksAsync())[0];
        var account = await CreateSpeakerAsync(speaker.Id, "speaker@example.org");

        var saved = await account.Browser.SubmitAsync(ProfileUrl, new Dictionary<string, string> { ["Bio"] = bio });
        Assert.Equal(ProfileUrl, OrganizerBrowser.RedirectTarget(saved));

        var page = await account.Client.GetPageAsync($"/{Conference}/speakers/{account.SpeakerSlug}");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        AssertHarmless(page);
        Assert.NotNull(page.Document.QuerySelector(".bio"));
    }

    [Fact]
    public async Task Hostile_name_and_headline_are_text()
    {
        var speaker = (await SpeakersWithTalksAsync())[0];
        var account = await CreateSpeakerAsync(speaker.Id, "speaker@example.org");

        var saved = await account.Browser.SubmitAsync(ProfileUrl, new Dictionary<string, string>
        {
            ["Name"] = "<script>alert(1)</script> Ada",
            ["Headline"] = "<img src=x onerror=alert(1)>",
        });
        Assert.Equal(ProfileUrl, OrganizerBrowser.RedirectTarget(saved));
        await App.PublishAsync();

        var page = await account.Client.GetPageAsync($"/{Conference}/speakers/{account.SpeakerSlug}");
        AssertHarmless(page);
        Assert.Equal("<script>alert(1)</script> Ada", page.Document.QuerySelector("h1")!.TextContent.Trim());
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("data:text/html,<script>alert(1)</script>")]
    [InlineData("JAVASCRIPT:alert(1)")]
    [InlineData("\u200Bjavascript:alert(1)")]
    [InlineData("ftp://example.org/me")]
    [InlineData("//example.org/me")]
    [InlineData("example.org")]
    public async Task Non_web_link_is_rejected_next_to_field(string url)
    {
        var speaker = (await SpeakersWithTalksAsync())[0];
        var account = await CreateSpeakerAsync(speaker.Id, "speaker@example.org");
        var before = await LoadSpeakerAsync(speaker.Id);

        var response = await account.Browser.SubmitAsync(ProfileUrl, new Dictionary<string, string> { ["Website"] = url, ["GitHub"] = url });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await OrganizerBrowser.ParseAsync(response);
        Assert.Contains("https://", OrganizerBrowser.ErrorFor(page, "Website"), StringComparison.Ordinal);
        Assert.Contains("https://", OrganizerBrowser.ErrorFor(page, "GitHub"), StringComparison.Ordinal);
        var after = await LoadSpeakerAsync(speaker.Id);
        Assert.Equal(before.WebsiteUrl, after.WebsiteUrl);
        Assert.Equal(before.Version, after.Version);
    }

    [Fact]
    public async Task Links_render_with_safe_rel()
    {
        var speaker = (await SpeakersWithTalksAsync())[0];
        var account = await CreateSpeakerAsync(speaker.Id, "speaker@example.org");
        var saved = await account.Browser.SubmitAsync(ProfileUrl, new Dictionary<string, string>
        {
            ["Bio"] = "See [my blog](https://blog.example.org).",
            ["Website"] = "https://example.org/ada",
            ["LinkedIn"] = "https://www.linkedin.com/in/ada",
            ["GitHub"] = "https://github.com/ada",
            ["Mastodon"] = "https://mastodon.social/@ada",
            ["X"] = "http://x.com/ada",
        });
        Assert.Equal(ProfileUrl, OrganizerBrowser.RedirectTarget(saved));

        var page = await account.Client.GetPageAsync($"/{Conference}/speakers/{account.SpeakerSlug}");

        // The share control's links (to share the page elsewhere) are not the speaker's.
        var external = page.Document.QuerySelectorAll("a[href^='http']").Where(link => link.Closest(".share") is null).ToList();
        Assert.Equal(6, external.Count);
        foreach (var link in external)
        {
            Assert.Equal("nofollow noopener noreferrer", link.GetAttribute("rel"));
        }

        Assert.Equal(["Website", "LinkedIn", "GitHub", "Mastodon", "X"], page.Texts(".speaker-links a"));
    }

    /// <summary>Asserts that no script, event handler, style or non-web URL is anywhere in the page.</summary>
    private static void AssertHarmless(HtmlPage page)
    {
        var document = page.Document;
        // The only scripts are the site's own files and the JSON-LD data block, whose JSON holds no "<".
        Assert.All(document.QuerySelectorAll("script"), script => Assert.True(
            script.GetAttribute("type") == "application/ld+json"
                ? !script.HasAttribute("src") && !script.TextContent.Contains('<', StringComparison.Ordinal)
                : script.GetAttribute("src")?.StartsWith("/js/", StringComparison.Ordinal) == true && script.TextContent.Length == 0,
            script.OuterHtml));
        Assert.Empty(document.QuerySelectorAll("style"));
        Assert.Empty(document.QuerySelectorAll("iframe, object, embed, svg, img:not([src^='/photos/'])"));

        foreach (var element in document.All)
        {
            foreach (var attribute in element.Attributes)
            {
                Assert.False(attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase), $"<{element.LocalName}> has the attribute {attribute.Name}.");
                Assert.False(attribute.Name.Equals("style", StringComparison.OrdinalIgnoreCase), $"<{element.LocalName}> has a style attribute.");
            }

            AssertSafeUrl(element, "href");
            AssertSafeUrl(element, "src");
            AssertSafeUrl(element, "action");
        }
    }

    // A URL is safe when it is relative to the site or uses http, https or mailto.
    private static void AssertSafeUrl(IElement element, string attribute)
    {
        var value = element.GetAttribute(attribute);
        if (value is null)
        {
            return;
        }

        string[] safeStarts = ["/", "#", "?", "http://", "https://", "mailto:"];
        Assert.True(safeStarts.Any(start => value.StartsWith(start, StringComparison.OrdinalIgnoreCase)),
            $"<{element.LocalName} {attribute}=\"{value}\"> has an unsafe URL.");
        Assert.False(value.StartsWith("//", StringComparison.Ordinal), $"<{element.LocalName} {attribute}=\"{value}\"> leaves the site without a scheme.");
    }
}
