using System.Globalization;
using System.Text;
using System.Xml;
using ConferenceApp.Data;
using Microsoft.EntityFrameworkCore;

namespace ConferenceApp.Features.Program;

/// <summary>
/// The pages that /sitemap.xml lists: for each conference with a release, its program, speaker
/// list and changelog, and a page per talk and speaker of the latest release, all with the time
/// of that release. Conferences without a release are left out, since their pages show nothing yet.
/// </summary>
public sealed class SitemapQueries(ConferenceDbContext db, ReleaseSnapshots snapshots)
{
    /// <summary>Loads the pages in two SQL commands whatever the number of conferences (one when every snapshot is cached).</summary>
    public async Task<IReadOnlyList<SitemapConference>> GetAsync(CancellationToken cancellationToken)
    {
        var latest = await db.Conferences.AsNoTracking()
            .Select(c => new
            {
                c.Slug,
                Release = db.Releases.Where(r => r.ConferenceId == c.Id).OrderByDescending(r => r.Id)
                    .Select(r => new { r.Id, r.PublishedAtUtc }).FirstOrDefault(),
            })
            .Where(c => c.Release != null)
            .OrderBy(c => c.Slug)
            .ToListAsync(cancellationToken);

        var loaded = await snapshots.GetAsync([.. latest.Select(c => c.Release!.Id)], cancellationToken);
        return [.. latest
            .Where(c => loaded.ContainsKey(c.Release!.Id))
            .Select(c =>
            {
                var snapshot = loaded[c.Release!.Id];
                return new SitemapConference(
                    c.Slug,
                    DateTime.SpecifyKind(c.Release.PublishedAtUtc, DateTimeKind.Utc),
                    [.. snapshot.Talks.Select(t => t.Slug).Order(StringComparer.Ordinal)],
                    [.. snapshot.Speakers.Select(s => s.Slug).Order(StringComparer.Ordinal)]);
            })];
    }
}

/// <summary>A conference's pages in the sitemap; <see cref="LastModifiedUtc"/> is when its latest release was published.</summary>
public sealed record SitemapConference(string Slug, DateTime LastModifiedUtc, IReadOnlyList<string> TalkSlugs, IReadOnlyList<string> SpeakerSlugs);

/// <summary>Writes the sitemap XML of the sitemaps.org protocol 0.9 (https://www.sitemaps.org/protocol.html).</summary>
public static class SitemapWriter
{
    public const string Namespace = "http://www.sitemaps.org/schemas/sitemap/0.9";

    public const string ContentType = "application/xml; charset=utf-8";

    /// <summary>The protocol's limit of addresses in one sitemap file.</summary>
    public const int MaxUrls = 50_000;

    /// <summary>Returns the UTF-8 sitemap of <paramref name="conferences"/>, with absolute addresses under <paramref name="siteUrl"/>.</summary>
    public static byte[] Write(IReadOnlyList<SitemapConference> conferences, string siteUrl)
    {
        using var buffer = new MemoryStream();
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true };
        using (var writer = XmlWriter.Create(buffer, settings))
        {
            writer.WriteStartDocument();
            writer.WriteStartElement("urlset", Namespace);

            var written = 0;
            foreach (var conference in conferences)
            {
                var lastModified = conference.LastModifiedUtc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
                foreach (var url in Addresses(conference, siteUrl))
                {
                    // NOTE: a site past the protocol's limit would need a sitemap index; the rest is left out.
                    if (written == MaxUrls)
                    {
                        break;
                    }

                    writer.WriteStartElement("url", Namespace);
                    writer.WriteElementString("loc", Namespace, url);
                    writer.WriteElementString("lastmod", Namespace, lastModified);
                    writer.WriteEndElement();
                    written++;
                }
            }

            writer.WriteEndElement();
            writer.WriteEndDocument();
        }

        return buffer.ToArray();
    }

    private static IEnumerable<string> Addresses(SitemapConference conference, string siteUrl)
    {
        var root = $"{siteUrl}/{Uri.EscapeDataString(conference.Slug)}";
        yield return root + "/program";
        yield return root + "/speakers";
        yield return root + "/changes";

        foreach (var talk in conference.TalkSlugs)
        {
            yield return SchemaOrg.TalkUrl(siteUrl, conference.Slug, talk);
        }

        foreach (var speaker in conference.SpeakerSlugs)
        {
            yield return SchemaOrg.SpeakerUrl(siteUrl, conference.Slug, speaker);
        }
    }
}
