using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using ConferenceApp.Tests.Organize;
using ConferenceApp.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace ConferenceApp.Tests.Program;

/// <summary>
/// The output cache of the public pages and exports: served from memory to anonymous visitors,
/// evicted the moment the conference changes, never shared with signed-in users, compressed, and
/// 304 for a matching ETag. A response served from the cache carries an Age header.
/// </summary>
public sealed class PublicCacheTests : OrganizerTestBase
{
    private const string ProgramUrl = "/" + Conference + "/program";

    [Theory]
    [InlineData(ProgramUrl)]
    [InlineData("/" + Conference + "/speakers")]
    [InlineData("/" + Conference + "/speakers/nitzan-gado")]
    [InlineData("/" + Conference + "/changes")]
    [InlineData("/" + Conference + "/changes.atom")]
    [InlineData("/" + Conference + "/schedule.xml")]
    [InlineData("/" + Conference + "/schedule.json")]
    [InlineData("/" + Conference + "/schedule.ics")]
    [InlineData("/api/conferences")]
    [InlineData("/api/conferences/" + Conference + "/talks")]
    public async Task Second_anonymous_request_comes_from_cache(string url)
    {
        var visitor = App.CreateClient();

        using var first = await visitor.GetAsync(new Uri(url, UriKind.Relative));
        using var second = await visitor.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Null(first.Headers.Age);
        Assert.NotNull(second.Headers.Age);
        Assert.Equal(await first.Content.ReadAsByteArrayAsync(), await second.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Conference_edit_evicts_its_pages()
    {
        var visitor = App.CreateClient();
        await CachedAsync(visitor, ProgramUrl);

        OrganizerBrowser.RedirectTarget(await Browser.SubmitAsync($"/organize/{Conference}/edit", Fields(("Name", "WiDS Tel Aviv 2023"))));
        using var edited = await visitor.GetAsync(new Uri(ProgramUrl, UriKind.Relative));
        await Browser.PublishAsync();
        using var published = await visitor.GetAsync(new Uri(ProgramUrl, UriKind.Relative));

        // The public pages show the conference as of its latest release.
        Assert.Null(edited.Headers.Age);
        Assert.Null(published.Headers.Age);
        Assert.Contains("WiDS Tel Aviv 2023", await published.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Slug_change_empties_old_address()
    {
        var visitor = App.CreateClient();
        await CachedAsync(visitor, ProgramUrl);
        await CachedAsync(visitor, "/api/conferences");

        OrganizerBrowser.RedirectTarget(await Browser.SubmitAsync($"/organize/{Conference}/edit", Fields(("Slug", "wids-2023"))));

        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync(new Uri(ProgramUrl, UriKind.Relative))).StatusCode);
        Assert.Contains("wids-2023", await visitor.GetStringAsync(new Uri("/api/conferences", UriKind.Relative)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Speaker_profile_edit_shows_on_next_request()
    {
        const string Url = "/" + Conference + "/speakers/nitzan-gado";
        var visitor = App.CreateClient();
        await CachedAsync(visitor, Url);
        int id;
        await using (var scope = App.OpenDb())
        {
            id = await scope.Db.Speakers.Where(s => s.Slug == "nitzan-gado").Select(s => s.Id).SingleAsync();
        }

        OrganizerBrowser.RedirectTarget(await Browser.SubmitAsync($"/organize/{Conference}/speakers/{Text(id)}/edit", Fields(("Headline", "Chief “data” officer"))));

        var page = await visitor.GetPageAsync(Url);
        Assert.Equal("Chief “data” officer", page.Document.QuerySelector(".headline")!.TextContent);
    }

    [Fact]
    public async Task Draft_edit_reaches_pages_and_exports_when_published()
    {
        const string Title = "Lightning talks, round two";
        var visitor = App.CreateClient();
        await CachedAsync(visitor, ProgramUrl);
        var xmlBefore = await CachedAsync(visitor, $"/{Conference}/schedule.xml");
        await using (var scope = App.OpenDb())
        {
            var block = await scope.Db.Sessions.SingleAsync(s => s.Title == "Lightning talks");
            block.Update(Title, block.Kind, block.Description);
            await scope.Db.SaveChangesAsync();
        }

        Assert.DoesNotContain(Title, await visitor.GetStringAsync(new Uri(ProgramUrl, UriKind.Relative)), StringComparison.Ordinal);

        var release = await Browser.PublishAsync();

        Assert.Contains(Title, await visitor.GetStringAsync(new Uri(ProgramUrl, UriKind.Relative)), StringComparison.Ordinal);
        var xmlAfter = await visitor.GetStringAsync(new Uri($"/{Conference}/schedule.xml", UriKind.Relative));
        Assert.NotEqual(xmlBefore, xmlAfter);
        Assert.Contains($"<version>{release}</version>", xmlAfter, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Other_conference_change_keeps_cached_page()
    {
        OrganizerBrowser.RedirectTarget(await Browser.SubmitAsync("/organize/conferences/new", new Dictionary<string, string>
        {
            ["Name"] = "Data Days Berlin",
            ["Slug"] = "",
            ["Venue"] = "Kulturbrauerei",
            ["TimeZoneId"] = "Europe/Berlin",
            ["StartDate"] = "2026-06-10",
            ["EndDate"] = "2026-06-11",
        }));
        var visitor = App.CreateClient();
        await CachedAsync(visitor, ProgramUrl);
        await CachedAsync(visitor, "/data-days-berlin/program");

        OrganizerBrowser.RedirectTarget(await Browser.SubmitAsync("/organize/data-days-berlin/edit", Fields(("Name", "Data Days Berlin 2026"))));

        using var demo = await visitor.GetAsync(new Uri(ProgramUrl, UriKind.Relative));
        using var berlin = await visitor.GetAsync(new Uri("/data-days-berlin/program", UriKind.Relative));
        Assert.NotNull(demo.Headers.Age);
        Assert.Null(berlin.Headers.Age);
        Assert.Contains("Data Days Berlin 2026", await berlin.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Organizer_never_gets_visitor_page()
    {
        var visitor = App.CreateClient();
        await CachedAsync(visitor, ProgramUrl);

        using var organizers = await Browser.Client.GetAsync(new Uri(ProgramUrl, UriKind.Relative));

        Assert.Null(organizers.Headers.Age);
        Assert.Contains("Log out", await organizers.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Visitor_never_gets_organizer_page()
    {
        using (await Browser.Client.GetAsync(new Uri(ProgramUrl, UriKind.Relative)))
        {
        }

        var visitor = App.CreateClient();
        using var first = await visitor.GetAsync(new Uri(ProgramUrl, UriKind.Relative));

        Assert.Null(first.Headers.Age);
        var html = await first.Content.ReadAsStringAsync();
        Assert.DoesNotContain("Log out", html, StringComparison.Ordinal);
        Assert.DoesNotContain("/organize", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Etag_match_returns_304_until_publish()
    {
        var visitor = App.CreateClient();
        using var first = await visitor.GetAsync(new Uri(ProgramUrl, UriKind.Relative));
        var etag = first.Headers.ETag!;
        Assert.True(etag.IsWeak);
        Assert.Equal("no-cache", first.Headers.CacheControl!.ToString());

        Assert.Equal(HttpStatusCode.NotModified, (await SendAsync(visitor, ProgramUrl, r => r.Headers.IfNoneMatch.Add(etag))).StatusCode);
        Assert.Equal(HttpStatusCode.NotModified, (await SendAsync(visitor, ProgramUrl, r => r.Headers.IfNoneMatch.Add(etag))).StatusCode);

        OrganizerBrowser.RedirectTarget(await Browser.SubmitAsync($"/organize/{Conference}/edit", Fields(("Venue", "Smolarz Auditorium"))));
        await Browser.PublishAsync();

        using var changed = await SendAsync(visitor, ProgramUrl, r => r.Headers.IfNoneMatch.Add(etag));
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.NotEqual(etag, changed.Headers.ETag);
    }

    [Theory]
    [InlineData(ProgramUrl, "br")]
    [InlineData(ProgramUrl, "gzip")]
    [InlineData("/" + Conference + "/schedule.xml", "gzip")]
    [InlineData("/" + Conference + "/schedule.ics", "br")]
    [InlineData("/api/conferences/" + Conference + "/speakers", "gzip")]
    public async Task Public_response_compressed_on_request(string url, string encoding)
    {
        var visitor = App.CreateClient();
        var plain = await visitor.GetByteArrayAsync(new Uri(url, UriKind.Relative));

        // Twice: once rendered, once from the cache.
        for (var i = 0; i < 2; i++)
        {
            using var response = await SendAsync(visitor, url, r => r.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(encoding)));
            Assert.Equal(encoding, Assert.Single(response.Content.Headers.ContentEncoding));
            Assert.Contains("Accept-Encoding", response.Headers.Vary);
            var compressed = await response.Content.ReadAsByteArrayAsync();
            Assert.True(compressed.Length < plain.Length);
            Assert.Equal(plain, Decompress(compressed, encoding));
        }
    }

    [Theory]
    [InlineData("/" + Conference + "/schedule.xml")]
    [InlineData("/" + Conference + "/schedule.ics")]
    [InlineData("/api/conferences/" + Conference + "/talks")]
    public async Task Export_etag_weak_in_every_encoding(string url)
    {
        var visitor = App.CreateClient();
        using var plain = await visitor.GetAsync(new Uri(url, UriKind.Relative));
        Assert.True(plain.Headers.ETag!.IsWeak);

        // The first compressed response is rendered, the second comes from the cache.
        for (var i = 0; i < 2; i++)
        {
            using var compressed = await SendAsync(visitor, url, r => r.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip")));
            Assert.Equal("gzip", Assert.Single(compressed.Content.Headers.ContentEncoding));
            Assert.Equal(plain.Headers.ETag, compressed.Headers.ETag);
        }

        using var revalidated = await SendAsync(visitor, url, r => r.Headers.IfNoneMatch.Add(plain.Headers.ETag));
        Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);
    }

    [Fact]
    public async Task Conference_list_follows_publishing()
    {
        var visitor = App.CreateClient();
        await CachedAsync(visitor, "/api/conferences");

        var release = await Browser.PublishAsync(name: "1.1");

        using var after = await visitor.GetAsync(new Uri("/api/conferences", UriKind.Relative));
        Assert.Null(after.Headers.Age);
        Assert.Contains($"\"{release}\"", await after.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ProgramUrl + "?utm_source=mail")]
    [InlineData(ProgramUrl + "?ref=home")]
    public async Task Unread_query_reuses_cached_page(string url)
    {
        var visitor = App.CreateClient();
        await CachedAsync(visitor, ProgramUrl);

        using var response = await visitor.GetAsync(new Uri(url, UriKind.Relative));

        Assert.NotNull(response.Headers.Age);
    }

    [Theory]
    [InlineData("gzip, deflate, br, zstd", "br")]
    [InlineData("br;q=0.5, gzip", "gzip")]
    [InlineData("gzip, junk-encoding-1", "gzip")]
    [InlineData("*", "br")]
    [InlineData("identity", "")]
    public async Task Equivalent_encodings_share_entry(string acceptEncoding, string expected)
    {
        var visitor = App.CreateClient();
        using (await SendAsync(visitor, ProgramUrl, r => r.Headers.TryAddWithoutValidation("Accept-Encoding", expected.Length == 0 ? "identity" : expected)))
        {
        }

        using var response = await SendAsync(visitor, ProgramUrl, r => r.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding));

        Assert.NotNull(response.Headers.Age);
        Assert.Equal(expected, string.Join(",", response.Content.Headers.ContentEncoding));
    }

    [Fact]
    public async Task Signed_in_pages_are_not_compressed()
    {
        using var response = await SendAsync(Browser.Client, ProgramUrl, r => r.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("br")));

        Assert.Empty(response.Content.Headers.ContentEncoding);
        Assert.Contains("__RequestVerificationToken", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stylesheets_fingerprinted_and_kept_a_year()
    {
        // Served from the build's manifest, as here, assets get no-cache unless this is set. A
        // published app reads the publish manifest and sends these headers without it.
        await using var app = new AppFactory { Settings = { ["EnableStaticAssetsDevelopmentCaching"] = "true" } };
        var visitor = app.CreateClient();
        var page = await visitor.GetPageAsync(ProgramUrl);
        var links = page.Document.QuerySelectorAll("link[rel=stylesheet]").Select(l => l.GetAttribute("href")!).ToList();

        Assert.Equal(2, links.Count);
        foreach (var link in links)
        {
            Assert.Matches(@"^/[a-z/.]+\.[a-z0-9]{10}\.css$", link);
            using var response = await visitor.GetAsync(new Uri(link, UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("max-age=31536000, immutable", response.Headers.CacheControl!.ToString());
            Assert.NotEmpty(await response.Content.ReadAsByteArrayAsync());
        }
    }

    [Fact]
    public async Task Organizer_pages_are_neither_cached_nor_compressed()
    {
        var url = $"/organize/{Conference}/edit";
        using var first = await SendAsync(Browser.Client, url, r => r.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip")));
        using var second = await SendAsync(Browser.Client, url, r => r.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip")));

        Assert.Empty(first.Content.Headers.ContentEncoding);
        Assert.Null(second.Headers.Age);
    }

    [Fact]
    public async Task Missing_page_is_not_cached()
    {
        var visitor = App.CreateClient();
        using var first = await visitor.GetAsync(new Uri("/no-such-conference/program", UriKind.Relative));
        using var second = await visitor.GetAsync(new Uri("/no-such-conference/program", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, second.StatusCode);
        Assert.Null(second.Headers.Age);
    }

    [Fact]
    public async Task Disabled_cache_renders_every_request()
    {
        await using var app = new AppFactory { Settings = { ["OutputCache:Enabled"] = "false" } };
        var visitor = app.CreateClient();

        using var first = await visitor.GetAsync(new Uri(ProgramUrl, UriKind.Relative));
        using var second = await visitor.GetAsync(new Uri(ProgramUrl, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Null(second.Headers.Age);
        Assert.NotNull(second.Headers.ETag);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
    }

    /// <summary>Requests <paramref name="url"/> until it comes from the cache, and returns the body.</summary>
    private static async Task<string> CachedAsync(HttpClient client, string url)
    {
        using (await client.GetAsync(new Uri(url, UriKind.Relative)))
        {
        }

        using var cached = await client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.NotNull(cached.Headers.Age);
        return await cached.Content.ReadAsStringAsync();
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, string url, Action<HttpRequestMessage> configure)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
        configure(request);
        return await client.SendAsync(request);
    }

    private static byte[] Decompress(byte[] bytes, string encoding)
    {
        using var input = new MemoryStream(bytes);
        using Stream decoder = encoding == "br" ? new BrotliStream(input, CompressionMode.Decompress) : new GZipStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        decoder.CopyTo(output);
        return output.ToArray();
    }
}
