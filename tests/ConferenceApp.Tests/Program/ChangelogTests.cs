using System.Net;
using System.Xml;
using System.Xml.Linq;
using ConferenceApp.Data;
using ConferenceApp.Domain;
using ConferenceApp.Tests.Organize;
using ConferenceApp.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace ConferenceApp.Tests.Program;

/// <summary>The public changelog and its Atom feed, after a release that adds, removes, moves and renames items of the demo program.</summary>
public sealed class ChangelogTests : OrganizerTestBase
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private static readonly XNamespace Xhtml = "http://www.w3.org/1999/xhtml";

    private const string HostileTitle = "<script>alert(1)</script> ]]> & <b>co</b>";

    [Fact]
    public async Task Changelog_groups_changes_of_release()
    {
        var edits = await EditProgramAsync("Graphs, renamed");
        await Browser.PublishAsync(name: "1.1", comment: "Second release.\n\nWith two paragraphs.");

        var page = await App.CreateClient().GetPageAsync($"/{Conference}/changes");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var releases = page.Document.QuerySelectorAll("article.release");
        Assert.Equal(["Release 1.1", "Release 1.0"], releases.Select(r => r.QuerySelector("h2")!.TextContent.Trim()));
        var newest = releases[0];
        Assert.Equal(["Second release.", "With two paragraphs."], newest.QuerySelectorAll(".release-comment p").Select(p => p.TextContent));

        var added = newest.QuerySelector(".change-added")!.TextContent;
        Assert.Contains("Evening panel", added, StringComparison.Ordinal);
        Assert.Contains("Thu 9 Mar 2023, 18:00–19:00 · all rooms", added, StringComparison.Ordinal);

        var removed = newest.QuerySelector(".change-removed li")!;
        Assert.Contains(edits.RemovedTitle, removed.TextContent, StringComparison.Ordinal);
        Assert.Null(removed.QuerySelector("a"));

        var moved = newest.QuerySelector(".change-moved li")!;
        Assert.Equal("Closing remarks", moved.QuerySelector(".fw-semibold")!.TextContent);
        Assert.Equal("Thu 9 Mar 2023, 15:30–15:40 · Main hall", moved.QuerySelector(".before")!.TextContent);
        Assert.Equal("Thu 9 Mar 2023, 18:00–19:00 · all rooms", moved.QuerySelector(".after")!.TextContent);

        var renamed = newest.QuerySelector(".change-renamed li")!;
        Assert.Equal("Graphs, renamed", renamed.QuerySelector("a")!.TextContent);
        Assert.Equal($"/{Conference}/talks/{edits.RenamedSlug}", renamed.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal(edits.OldTitle, renamed.QuerySelector(".old-title")!.TextContent);

        var time = newest.QuerySelector("time")!;
        Assert.EndsWith("+02:00", time.GetAttribute("datetime"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Program_links_changelog_and_feed()
    {
        var page = await App.CreateClient().GetPageAsync($"/{Conference}/program");

        Assert.Contains(page.Document.QuerySelectorAll("main a"), a => a.GetAttribute("href") == $"/{Conference}/changes");
        var feedLink = page.Document.QuerySelector("head link[rel=alternate][type='application/atom+xml']");
        Assert.Equal($"/{Conference}/changes.atom", feedLink!.GetAttribute("href"));
    }

    [Fact]
    public async Task Changelog_answers_head()
    {
        var client = App.CreateClient();

        using var page = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, $"/{Conference}/changes"));
        using var feed = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, $"/{Conference}/changes.atom"));

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(HttpStatusCode.OK, feed.StatusCode);
    }

    [Fact]
    public async Task Unknown_conference_changelog_is_404()
    {
        var client = App.CreateClient();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri("/no-such-conference/changes", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri("/no-such-conference/changes.atom", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Feed_is_atom_with_absolute_links()
    {
        await EditProgramAsync("Graphs, renamed");
        await Browser.PublishAsync(name: "1.1");

        var (response, feed) = await GetFeedAsync();

        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType.CharSet);
        var root = feed.Root!;
        Assert.Equal(Atom + "feed", root.Name);
        Assert.Equal("http://localhost/wids-tlv-2023/changes", root.Element(Atom + "id")!.Value);
        Assert.Equal("WiDS TLV 2023: program changes", root.Element(Atom + "title")!.Value);
        Assert.False(string.IsNullOrWhiteSpace(root.Element(Atom + "author")?.Element(Atom + "name")?.Value));
        Assert.Equal("http://localhost/wids-tlv-2023/changes.atom", Link(root, "self"));
        Assert.Equal("http://localhost/wids-tlv-2023/changes", Link(root, "alternate"));

        var entries = root.Elements(Atom + "entry").ToList();
        Assert.Equal(["Release 1.1", "Release 1.0"], entries.Select(e => e.Element(Atom + "title")!.Value));
        await using var scope = App.OpenDb();
        var newest = await scope.Db.Releases.OrderBy(r => r.Id).LastAsync();
        Assert.Equal($"urn:uuid:{newest.Guid}", entries[0].Element(Atom + "id")!.Value);
        var updated = XmlConvert.ToDateTimeOffset(entries[0].Element(Atom + "updated")!.Value);
        Assert.Equal(newest.PublishedAtUtc, updated.UtcDateTime, TimeSpan.FromSeconds(1));
        Assert.Equal(entries[0].Element(Atom + "updated")!.Value, root.Element(Atom + "updated")!.Value);
        Assert.All(entries, e => Assert.True(Uri.IsWellFormedUriString(Link(e, "alternate"), UriKind.Absolute)));

        var content = entries[0].Element(Atom + "content")!;
        Assert.Equal("xhtml", content.Attribute("type")!.Value);
        var links = content.Descendants(Xhtml + "a").Select(a => a.Attribute("href")!.Value).ToList();
        Assert.NotEmpty(links);
        Assert.All(links, href => Assert.StartsWith("http://localhost/wids-tlv-2023/talks/", href, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Feed_keeps_hostile_titles_as_text()
    {
        await EditProgramAsync(HostileTitle);
        await Browser.PublishAsync(name: "1.1", comment: "Comment with ]]> and <i>tags</i> & more");

        var (_, feed) = await GetFeedAsync();

        var content = feed.Root!.Elements(Atom + "entry").First().Element(Atom + "content")!;
        Assert.Contains(HostileTitle, content.Value, StringComparison.Ordinal);
        Assert.Contains("Comment with ]]> and <i>tags</i> & more", content.Value, StringComparison.Ordinal);
        Assert.DoesNotContain(content.Descendants(), e => e.Name.LocalName is "script" or "b" or "i");

        var page = await App.CreateClient().GetPageAsync($"/{Conference}/changes");
        Assert.Empty(page.Document.QuerySelectorAll("main script, main b"));
        Assert.Contains(HostileTitle, page.Document.QuerySelector(".change-renamed")!.TextContent, StringComparison.Ordinal);
    }

    private async Task<(HttpResponseMessage Response, XDocument Feed)> GetFeedAsync()
    {
        var response = await App.CreateClient().GetAsync(new Uri($"/{Conference}/changes.atom", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var stream = await response.Content.ReadAsStreamAsync();
        using var reader = XmlReader.Create(stream, new XmlReaderSettings { Async = true, DtdProcessing = DtdProcessing.Prohibit });
        return (response, await XDocument.LoadAsync(reader, LoadOptions.None, CancellationToken.None));
    }

    private static string Link(XElement parent, string rel) =>
        parent.Elements(Atom + "link").Single(l => l.Attribute("rel")!.Value == rel).Attribute("href")!.Value;

    private sealed record Edits(string RemovedTitle, string OldTitle, string RenamedSlug);

    /// <summary>
    /// Changes the draft the way organizers would: adds an evening panel, deletes one talk,
    /// moves the closing remarks to the evening slot across all rooms, and renames another talk.
    /// </summary>
    private async Task<Edits> EditProgramAsync(string newTitle)
    {
        await using var scope = App.OpenDb();
        var db = scope.Db;
        var conference = await db.Conferences.SingleAsync(c => c.Slug == Conference);
        var evening = TimeSlot.Create(conference, new DateTime(2023, 3, 9, 18, 0, 0), new DateTime(2023, 3, 9, 19, 0, 0));
        db.TimeSlots.Add(evening);
        await db.SaveChangesAsync();

        var panel = Session.Create(conference.Id, "Evening panel", SessionKind.Panel, null);
        panel.PlaceIn(evening, null);
        db.Sessions.Add(panel);

        var closing = await db.Sessions.SingleAsync(s => s.Title == "Closing remarks");
        closing.PlaceIn(evening, null);

        var talks = await db.Talks.Where(t => t.SessionId != null).OrderBy(t => t.Id).ToListAsync();
        var removed = talks[0];
        db.Talks.Remove(removed);
        var renamed = talks[1];
        var oldTitle = renamed.Title;
        renamed.Update(renamed.Slug, newTitle, renamed.Abstract);

        await db.SaveChangesAsync();
        return new Edits(removed.Title, oldTitle, renamed.Slug);
    }
}
