using System.Globalization;
using System.Net;
using System.Xml.Linq;
using ConferenceApp.Data;
using ConferenceApp.Domain;
using ConferenceApp.Features.Program;
using ConferenceApp.Tests.Support;

namespace ConferenceApp.Tests.Program;

/// <summary>/sitemap.xml and /robots.txt, with Site:PublicUrl as the base of every address.</summary>
public sealed class SitemapTests(PublicUrlApp fixture) : IClassFixture<PublicUrlApp>
{
    private static readonly XNamespace Sitemaps = SitemapWriter.Namespace;

    [Fact]
    public async Task Sitemap_follows_protocol_structure()
    {
        var (response, sitemap) = await GetSitemapAsync();
        var root = sitemap.Root!;

        Assert.Equal("application/xml", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Sitemaps + "urlset", root.Name);
        Assert.NotEmpty(root.Elements());
        Assert.All(root.Elements(), url =>
        {
            Assert.Equal(Sitemaps + "url", url.Name);
            Assert.Equal([Sitemaps + "loc", Sitemaps + "lastmod"], url.Elements().Select(e => e.Name));
            Assert.Empty(url.Attributes());
        });
        Assert.All(Locations(sitemap), location =>
        {
            Assert.True(Uri.TryCreate(location, UriKind.Absolute, out var uri), location);
            Assert.StartsWith(PublicUrlApp.PublicUrl + "/", location, StringComparison.Ordinal);
            Assert.True(location.Length < 2048, location);
            Assert.Equal(uri!.AbsoluteUri, location);
        });
        Assert.Equal(Locations(sitemap).Count, Locations(sitemap).Distinct().Count());
    }

    [Fact]
    public async Task Sitemap_lastmod_is_w3c_datetime()
    {
        var (_, sitemap) = await GetSitemapAsync();

        Assert.All(sitemap.Descendants(Sitemaps + "lastmod"), lastmod =>
            Assert.True(DateTime.TryParseExact(lastmod.Value, "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out _), lastmod.Value));
    }

    [Fact]
    public async Task Sitemap_lists_published_pages()
    {
        var (_, sitemap) = await GetSitemapAsync();
        var locations = Locations(sitemap);
        var site = $"{PublicUrlApp.PublicUrl}/{DemoConference.Slug}";

        Assert.Contains($"{site}/program", locations);
        Assert.Contains($"{site}/speakers", locations);
        Assert.Contains($"{site}/changes", locations);
        Assert.Contains($"{site}/talks/accounting-automation", locations);
        Assert.Contains($"{site}/speakers/almog-gueta", locations);
    }

    [Fact]
    public async Task Sitemap_addresses_return_pages()
    {
        var (_, sitemap) = await GetSitemapAsync();
        var client = fixture.App.CreateBrowserlessClient();

        foreach (var location in Locations(sitemap))
        {
            var path = new Uri(location).AbsolutePath;
            using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path} returned {(int)response.StatusCode}.");
        }
    }

    [Fact]
    public async Task Sitemap_leaves_out_drafts()
    {
        await using (var scope = fixture.App.OpenDb())
        {
            scope.Db.Conferences.Add(Conference.Create(new ConferenceDetails(
                "draft-only", "Draft only", null, "Europe/Berlin", new DateOnly(2031, 5, 1), new DateOnly(2031, 5, 2))));
            await scope.Db.SaveChangesAsync();
        }

        var (_, sitemap) = await GetSitemapAsync();

        Assert.DoesNotContain(Locations(sitemap), location => location.Contains("/draft-only/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Sitemap_follows_new_release()
    {
        var (_, before) = await GetSitemapAsync();
        var beforeDates = before.Descendants(Sitemaps + "lastmod").Select(e => e.Value).ToHashSet();

        // lastmod has whole seconds, so a release in the same second as the demo's would look unchanged.
        await Task.Delay(TimeSpan.FromSeconds(1.1));
        await fixture.App.PublishAsync(DemoConference.Slug);
        var (_, after) = await GetSitemapAsync();
        var program = after.Descendants(Sitemaps + "url")
            .Single(url => url.Element(Sitemaps + "loc")!.Value == $"{PublicUrlApp.PublicUrl}/{DemoConference.Slug}/program");

        Assert.DoesNotContain(program.Element(Sitemaps + "lastmod")!.Value, beforeDates);
    }

    [Fact]
    public async Task Robots_points_to_sitemap()
    {
        using var response = await fixture.App.CreateBrowserlessClient().GetAsync(new Uri("/robots.txt", UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains($"Sitemap: {PublicUrlApp.PublicUrl}/sitemap.xml\n", text, StringComparison.Ordinal);
        Assert.Contains("User-agent: *\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Writer_escapes_addresses()
    {
        var bytes = SitemapWriter.Write([new SitemapConference("a&b", new DateTime(2030, 1, 2, 3, 4, 5, DateTimeKind.Utc), ["t<1>"], [])], "https://example.org");
        var sitemap = XDocument.Parse(System.Text.Encoding.UTF8.GetString(bytes));

        Assert.Contains("https://example.org/a%26b/talks/t%3C1%3E", Locations(sitemap));
        Assert.Equal("2030-01-02T03:04:05Z", sitemap.Descendants(Sitemaps + "lastmod").First().Value);
    }

    private async Task<(HttpResponseMessage Response, XDocument Sitemap)> GetSitemapAsync()
    {
        var response = await fixture.App.CreateBrowserlessClient().GetAsync(new Uri("/sitemap.xml", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (response, XDocument.Parse(await response.Content.ReadAsStringAsync()));
    }

    private static List<string> Locations(XDocument sitemap) =>
        [.. sitemap.Descendants(Sitemaps + "loc").Select(e => e.Value)];
}
