using System.Globalization;
using System.Text;
using System.Xml;

namespace ConferenceApp.Features.Program;

/// <summary>Writes the changelog as an Atom 1.0 feed (RFC 4287), one entry per release, with XmlWriter so that every text is escaped.</summary>
public static class AtomFeed
{
    public const string ContentType = "application/atom+xml; charset=utf-8";

    private const string AtomNamespace = "http://www.w3.org/2005/Atom";
    private const string XhtmlNamespace = "http://www.w3.org/1999/xhtml";

    /// <summary>
    /// Writes the feed to <paramref name="output"/>. <paramref name="siteUrl"/> is the site's
    /// absolute base address without a trailing slash, such as https://program.example.org.
    /// <paramref name="now"/> is the feed's updated time while there is no release.
    /// </summary>
    public static async Task WriteAsync(Stream output, ChangelogPage page, string siteUrl, DateTimeOffset now)
    {
        var settings = new XmlWriterSettings { Async = true, Encoding = new UTF8Encoding(false), Indent = true };
        await using var writer = XmlWriter.Create(output, settings);

        var conference = page.Conference;
        var changelogUrl = $"{siteUrl}/{Uri.EscapeDataString(conference.Slug)}/changes";

        await writer.WriteStartDocumentAsync();
        await writer.WriteStartElementAsync(null, "feed", AtomNamespace);
        await WriteTextElementAsync(writer, "id", changelogUrl);
        await WriteTextElementAsync(writer, "title", $"{conference.Name}: program changes");
        await WriteTextElementAsync(writer, "updated", Timestamp(page.Entries.Count > 0 ? page.Entries[0].PublishedAt.Instant : now));

        await writer.WriteStartElementAsync(null, "author", AtomNamespace);
        await WriteTextElementAsync(writer, "name", $"{conference.Name} organizers");
        await writer.WriteEndElementAsync();

        await WriteLinkAsync(writer, "self", "application/atom+xml", changelogUrl + ".atom");
        await WriteLinkAsync(writer, "alternate", "text/html", changelogUrl);

        foreach (var entry in page.Entries)
        {
            await writer.WriteStartElementAsync(null, "entry", AtomNamespace);
            await WriteTextElementAsync(writer, "id", $"urn:uuid:{entry.FeedId:D}");
            await WriteTextElementAsync(writer, "title", $"Release {entry.Name}");
            await WriteTextElementAsync(writer, "updated", Timestamp(entry.PublishedAt.Instant));
            await WriteTextElementAsync(writer, "published", Timestamp(entry.PublishedAt.Instant));
            await WriteLinkAsync(writer, "alternate", "text/html", $"{changelogUrl}#{entry.Anchor}");
            await WriteContentAsync(writer, entry, siteUrl);
            await writer.WriteEndElementAsync();
        }

        await writer.WriteEndElementAsync();
        await writer.WriteEndDocumentAsync();
        await writer.FlushAsync();
    }

    // The entry's content is XHTML inside one div, as RFC 4287 section 3.1.1.3 requires, built element by element.
    private static async Task WriteContentAsync(XmlWriter writer, ChangelogEntry entry, string siteUrl)
    {
        await writer.WriteStartElementAsync(null, "content", AtomNamespace);
        await writer.WriteAttributeStringAsync(null, "type", null, "xhtml");
        await writer.WriteStartElementAsync(null, "div", XhtmlNamespace);

        foreach (var paragraph in (entry.Comment ?? "").Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            await writer.WriteElementStringAsync(null, "p", XhtmlNamespace, paragraph);
        }

        await writer.WriteElementStringAsync(null, "p", XhtmlNamespace,
            $"Published {TimeFormat.Day(DateOnly.FromDateTime(entry.PublishedAt.Local))}, {TimeFormat.Clock(entry.PublishedAt.Local)} (UTC{entry.PublishedAt.Instant:zzz}).");

        if (entry.Changes.IsEmpty)
        {
            await writer.WriteElementStringAsync(null, "p", XhtmlNamespace, "No changes to the program.");
        }

        foreach (var group in entry.Changes.Groups)
        {
            await writer.WriteElementStringAsync(null, "h3", XhtmlNamespace, group.Heading);
            await writer.WriteStartElementAsync(null, "ul", XhtmlNamespace);
            foreach (var line in group.Lines)
            {
                await writer.WriteStartElementAsync(null, "li", XhtmlNamespace);
                if (line.Url is not null)
                {
                    await writer.WriteStartElementAsync(null, "a", XhtmlNamespace);
                    await writer.WriteAttributeStringAsync(null, "href", null, siteUrl + line.Url);
                    await writer.WriteStringAsync(line.Title);
                    await writer.WriteEndElementAsync();
                }
                else
                {
                    await writer.WriteStringAsync(line.Title);
                }

                await writer.WriteStringAsync(Details(line));
                await writer.WriteEndElementAsync();
            }

            await writer.WriteEndElementAsync();
        }

        await writer.WriteEndElementAsync();
        await writer.WriteEndElementAsync();
    }

    private static string Details(ChangeLine line) => line.Kind switch
    {
        Domain.ReleaseChangeKind.Added => $": {line.After}",
        Domain.ReleaseChangeKind.Removed => $": was {line.Before}",
        Domain.ReleaseChangeKind.Moved => $": from {line.Before} to {line.After}",
        _ => $", formerly “{line.OldTitle}”",
    };

    private static Task WriteTextElementAsync(XmlWriter writer, string name, string value) =>
        writer.WriteElementStringAsync(null, name, AtomNamespace, value);

    private static async Task WriteLinkAsync(XmlWriter writer, string rel, string type, string href)
    {
        await writer.WriteStartElementAsync(null, "link", AtomNamespace);
        await writer.WriteAttributeStringAsync(null, "rel", null, rel);
        await writer.WriteAttributeStringAsync(null, "type", null, type);
        await writer.WriteAttributeStringAsync(null, "href", null, href);
        await writer.WriteEndElementAsync();
    }

    // RFC 3339 date-time, as Atom requires, in UTC.
    private static string Timestamp(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
