using Ganss.Xss;
using Markdig;

namespace ConferenceApp.Infrastructure.Text;

/// <summary>
/// Turns Markdown typed by speakers and organizers into HTML that is safe to put in a page, an
/// export or an email. Raw HTML in the input is shown as text. The output then passes an
/// allow-list sanitizer, so no script, event handler, style or javascript: URL gets through.
/// </summary>
public sealed class MarkdownRenderer
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UseAutoLinks()
        .UseEmphasisExtras()
        .UseListExtras()
        .Build();

    private readonly HtmlSanitizer _sanitizer;

    public MarkdownRenderer()
    {
        _sanitizer = new HtmlSanitizer(new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
            {
                "p", "br", "em", "strong", "del", "sub", "sup", "code", "pre", "blockquote",
                "ul", "ol", "li", "a", "h3", "h4", "h5", "h6", "hr",
            },
            AllowedAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href", "start" },
            AllowedSchemes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "http", "https", "mailto" },
            UriAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href" },
            AllowedCssProperties = new HashSet<string>(StringComparer.OrdinalIgnoreCase),
        });

        // Links leave the site without passing the page's address or a handle on the opener.
        _sanitizer.PostProcessNode += (_, args) =>
        {
            if (args.Node is AngleSharp.Dom.IElement { TagName: "A" } link)
            {
                link.SetAttribute("rel", "nofollow noopener noreferrer");
            }
        };
    }

    /// <summary>Returns sanitized HTML for <paramref name="markdown"/>, or an empty string for null or blank input.</summary>
    public string ToHtml(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return "";
        }

        // Headings of level 1 and 2 belong to the page, so Markdown headings start at level 3.
        var html = Markdown.ToHtml(markdown, Pipeline)
            .Replace("<h1>", "<h3>", StringComparison.Ordinal).Replace("</h1>", "</h3>", StringComparison.Ordinal)
            .Replace("<h2>", "<h4>", StringComparison.Ordinal).Replace("</h2>", "</h4>", StringComparison.Ordinal);
        return _sanitizer.Sanitize(html);
    }

    /// <summary>Returns the text of <paramref name="markdown"/> without markup, for plain-text outputs such as iCalendar descriptions.</summary>
    public static string ToPlainText(string? markdown) =>
        string.IsNullOrWhiteSpace(markdown) ? "" : Markdown.ToPlainText(markdown, Pipeline).Trim();
}
