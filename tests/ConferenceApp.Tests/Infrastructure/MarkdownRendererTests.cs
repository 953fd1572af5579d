using AngleSharp.Html.Parser;
using ConferenceApp.Infrastructure.Text;

namespace ConferenceApp.Tests.Infrastructure;

public sealed class MarkdownRendererTests
{
    private readonly MarkdownRenderer _renderer = new();

    [Fact]
    public void Markdown_emphasis_and_paragraphs_render()
    {
        var html = _renderer.ToHtml("First *one*.\n\nSecond **two**.");

        Assert.Contains("<p>First <em>one</em>.</p>", html, StringComparison.Ordinal);
        Assert.Contains("<p>Second <strong>two</strong>.</p>", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("[click](javascript:alert(1))")]
    [InlineData("[click](JaVaScRiPt:alert(1))")]
    [InlineData("<a href=\"javascript:alert(1)\">x</a>")]
    [InlineData("<div style=\"background:url(javascript:alert(1))\">x</div>")]
    [InlineData("<svg onload=alert(1)>")]
    [InlineData("<iframe src=\"https://example.org\"></iframe>")]
    public void Hostile_input_arrives_inert(string hostile)
    {
        var html = _renderer.ToHtml(hostile);
        var document = new HtmlParser().ParseDocument($"<body>{html}</body>");
        var elements = document.Body!.QuerySelectorAll("*").ToList();

        Assert.DoesNotContain(elements, e => e.LocalName is "script" or "img" or "svg" or "iframe" or "div");
        Assert.DoesNotContain(elements, e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)));
        Assert.DoesNotContain(elements, e => e.HasAttribute("style"));
        Assert.DoesNotContain(elements, e => (e.GetAttribute("href") ?? "").Trim().StartsWith("javascript", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Raw_html_is_shown_as_text()
    {
        var html = _renderer.ToHtml("I like <b>bold</b>");

        Assert.Contains("&lt;b&gt;bold&lt;/b&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Links_get_safe_rel()
    {
        var html = _renderer.ToHtml("[site](https://example.org/a)");

        Assert.Contains("href=\"https://example.org/a\"", html, StringComparison.Ordinal);
        Assert.Contains("rel=\"nofollow noopener noreferrer\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Headings_start_below_page_headings()
    {
        var html = _renderer.ToHtml("# Big\n\n## Smaller");

        Assert.Contains("<h3>Big</h3>", html, StringComparison.Ordinal);
        Assert.Contains("<h4>Smaller</h4>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<h1", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Typographic_characters_survive()
    {
        const string text = "“Every Breath…I'll Be Watching You:” – it’s";

        Assert.Contains(text, MarkdownRenderer.ToPlainText(text), StringComparison.Ordinal);
        Assert.Contains("“Every Breath…I'll Be Watching You:” – it’s", System.Net.WebUtility.HtmlDecode(_renderer.ToHtml(text)), StringComparison.Ordinal);
    }

    [Fact]
    public void Blank_input_renders_empty()
    {
        Assert.Equal("", _renderer.ToHtml(null));
        Assert.Equal("", _renderer.ToHtml("  \n "));
    }
}
