using System.Net;
using System.Text.Json;
using ConferenceApp.Data;
using ConferenceApp.Tests.Support;

namespace ConferenceApp.Tests.Interop;

/// <summary>The JSON API over the demo conference's first release, requested without signing in.</summary>
public sealed class ApiEndpointsTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string Demo = DemoConference.Slug;

    private readonly HttpClient _client = app.CreateBrowserlessClient();

    [Fact]
    public async Task Conference_list_has_demo()
    {
        var response = await _client.GetApiAsync(ApiRoutes.Conferences);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("application/json; charset=utf-8", response.ContentType);
        var item = Assert.Single(response.Json.GetProperty("items").EnumerateArray());
        Assert.Equal(Demo, item.GetProperty("slug").GetString());
        Assert.Equal("WiDS TLV 2023", item.GetProperty("name").GetString());
        Assert.Equal("Asia/Jerusalem", item.GetProperty("timeZone").GetString());
        Assert.Equal("2023-03-09", item.GetProperty("startDate").GetString());
        Assert.Equal("1.0", item.GetProperty("release").GetProperty("name").GetString());
        Assert.Equal($"http://localhost/{Demo}/program", item.GetProperty("url").GetString());
        Assert.Equal($"http://localhost/api/conferences/{Demo}", item.GetProperty("apiUrl").GetString());
        Assert.Equal(1, response.Json.GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task Conference_has_release_and_links()
    {
        var response = await _client.GetApiAsync(ApiRoutes.Fill(ApiRoutes.Conference, Demo));

        Assert.Equal(HttpStatusCode.OK, response.Status);
        var json = response.Json;
        Assert.Equal("Tel Aviv", json.GetProperty("venue").GetString());
        var release = json.GetProperty("release");
        Assert.Equal("1.0", release.GetProperty("name").GetString());
        var publishedAt = release.GetProperty("publishedAt");
        Assert.Equal("Asia/Jerusalem", publishedAt.GetProperty("timeZone").GetString());
        var instant = DateTimeOffset.Parse(publishedAt.GetProperty("instant").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(DateTimeOffset.UtcNow - instant < TimeSpan.FromHours(1), $"The release was published at {instant}, not just now.");
        var links = json.GetProperty("links");
        Assert.Equal($"http://localhost/{Demo}/program", links.GetProperty("program").GetString());
        Assert.Equal($"http://localhost/{Demo}/changes", links.GetProperty("changes").GetString());
        Assert.Equal($"http://localhost/api/conferences/{Demo}/talks", links.GetProperty("talks").GetString());
        Assert.Equal($"http://localhost/api/conferences/{Demo}/speakers", links.GetProperty("speakers").GetString());
        Assert.Equal($"http://localhost/api/conferences/{Demo}/sessions", links.GetProperty("sessions").GetString());
        Assert.Equal($"http://localhost/api/conferences/{Demo}/rooms", links.GetProperty("rooms").GetString());
    }

    [Fact]
    public async Task Session_has_times_room_people()
    {
        var list = await _client.GetApiAsync(ApiRoutes.Fill(ApiRoutes.Sessions, Demo));
        var opening = list.Json.GetProperty("items").EnumerateArray().Single(s => s.GetProperty("title").GetString() == "Opening words");

        var response = await _client.GetApiAsync(opening.GetProperty("apiUrl").GetString()!);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        var json = response.Json;
        Assert.Equal(opening.GetProperty("id").GetInt32(), json.GetProperty("id").GetInt32());
        Assert.Equal("opening", json.GetProperty("kind").GetString());
        Assert.Equal("2023-03-09T09:30:00+02:00", json.GetProperty("start").GetProperty("instant").GetString());
        Assert.Equal("2023-03-09T09:30:00", json.GetProperty("start").GetProperty("local").GetString());
        Assert.Equal("Asia/Jerusalem", json.GetProperty("start").GetProperty("timeZone").GetString());
        Assert.Equal("2023-03-09T09:50:00+02:00", json.GetProperty("end").GetProperty("instant").GetString());
        Assert.Equal("Main hall", json.GetProperty("room").GetProperty("name").GetString());
        Assert.False(json.GetProperty("allRooms").GetBoolean());
        var person = json.GetProperty("people")[0];
        Assert.Equal("nitzan-gado", person.GetProperty("slug").GetString());
        Assert.Equal("WiDS TLV ambassador", person.GetProperty("role").GetString());
        Assert.Equal($"http://localhost/{Demo}/speakers/nitzan-gado", person.GetProperty("url").GetString());
        Assert.Equal($"http://localhost/{Demo}/program#session-{json.GetProperty("id").GetInt32()}", json.GetProperty("url").GetString());
    }

    [Fact]
    public async Task Sessions_ordered_by_start_then_id()
    {
        var items = await _client.GetAllPagesAsync(ApiRoutes.Fill(ApiRoutes.Sessions, Demo), 200);

        var keys = items.Select(s => (Start: DateTimeOffset.Parse(s.GetProperty("start").GetProperty("instant").GetString()!, System.Globalization.CultureInfo.InvariantCulture), Id: s.GetProperty("id").GetInt32())).ToList();
        Assert.True(keys.Count > 5, $"The demo has only {keys.Count} sessions.");
        Assert.Equal(keys.OrderBy(k => k.Start).ThenBy(k => k.Id), keys);
    }

    [Fact]
    public async Task Talk_has_session_and_speakers()
    {
        var list = await _client.GetApiAsync(ApiRoutes.Fill(ApiRoutes.Talks, Demo));
        var first = list.Json.GetProperty("items")[0];
        var slug = first.GetProperty("slug").GetString()!;

        var response = await _client.GetApiAsync(ApiRoutes.Fill(ApiRoutes.Talk, Demo, slug));

        Assert.Equal(HttpStatusCode.OK, response.Status);
        var json = response.Json;
        Assert.Equal(slug, json.GetProperty("slug").GetString());
        Assert.True(json.GetProperty("id").GetInt32() > 0);
        Assert.False(string.IsNullOrEmpty(json.GetProperty("title").GetString()));
        Assert.Equal(JsonValueKind.Object, json.GetProperty("session").ValueKind);
        Assert.EndsWith("+02:00", json.GetProperty("start").GetProperty("instant").GetString(), StringComparison.Ordinal);
        Assert.NotEqual(0, json.GetProperty("speakers").GetArrayLength());
        Assert.Equal($"http://localhost/{Demo}/talks/{slug}", json.GetProperty("url").GetString());
        Assert.Equal($"http://localhost/api/conferences/{Demo}/talks/{slug}", json.GetProperty("apiUrl").GetString());
        var talkPage = await _client.GetAsync(new Uri($"/{Demo}/talks/{slug}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, talkPage.StatusCode);
    }

    [Fact]
    public async Task Speaker_has_profile_fields()
    {
        var response = await _client.GetApiAsync(ApiRoutes.Fill(ApiRoutes.Speaker, Demo, "nitzan-gado"));

        Assert.Equal(HttpStatusCode.OK, response.Status);
        var json = response.Json;
        Assert.Equal("Nitzan Gado", json.GetProperty("name").GetString());
        foreach (var field in new[] { "id", "headline", "bio", "bioHtml", "links", "photos", "talks", "sessions", "url", "apiUrl" })
        {
            Assert.True(json.TryGetProperty(field, out _), $"The speaker has no \"{field}\".");
        }

        Assert.Equal("Opening words", json.GetProperty("sessions")[0].GetProperty("title").GetString());
        Assert.Equal($"http://localhost/{Demo}/speakers/nitzan-gado", json.GetProperty("url").GetString());
    }

    [Fact]
    public async Task Rooms_in_position_order()
    {
        var response = await _client.GetApiAsync(ApiRoutes.Fill(ApiRoutes.Rooms, Demo));

        Assert.Equal(HttpStatusCode.OK, response.Status);
        var rooms = response.Json.GetProperty("items").EnumerateArray().ToList();
        Assert.NotEmpty(rooms);
        Assert.Contains(rooms, r => r.GetProperty("name").GetString() == "Main hall");
        var positions = rooms.Select(r => r.GetProperty("position").GetInt32()).ToList();
        Assert.Equal(positions.Order(), positions);
    }

    [Theory]
    [InlineData(ApiRoutes.Conferences)]
    [InlineData(ApiRoutes.Sessions)]
    [InlineData(ApiRoutes.Talks)]
    [InlineData(ApiRoutes.Speakers)]
    [InlineData(ApiRoutes.Rooms)]
    public async Task Paging_visits_each_item_once(string route)
    {
        var path = ApiRoutes.Fill(route, Demo);
        var all = await _client.GetApiAsync($"{path}?pageSize=200");
        var expected = all.Json.GetProperty("items").EnumerateArray().Select(Key).ToList();

        var paged = (await _client.GetAllPagesAsync(path, 2)).Select(Key).ToList();

        Assert.Equal(expected, paged);
        Assert.Equal(paged.Count, paged.Distinct().Count());
        Assert.Equal(all.Json.GetProperty("totalCount").GetInt32(), paged.Count);
    }

    [Fact]
    public async Task Page_links_and_counts()
    {
        var path = ApiRoutes.Fill(ApiRoutes.Sessions, Demo);

        var second = await _client.GetApiAsync($"{path}?page=2&pageSize=3");

        var json = second.Json;
        Assert.Equal(2, json.GetProperty("page").GetInt32());
        Assert.Equal(3, json.GetProperty("pageSize").GetInt32());
        Assert.Equal(3, json.GetProperty("items").GetArrayLength());
        Assert.True(json.GetProperty("totalCount").GetInt32() > 6);
        var links = json.GetProperty("links");
        Assert.Equal($"http://localhost{path}?page=2&pageSize=3", links.GetProperty("self").GetString());
        Assert.Equal($"http://localhost{path}?page=3&pageSize=3", links.GetProperty("next").GetString());
        Assert.Equal($"http://localhost{path}?page=1&pageSize=3", links.GetProperty("prev").GetString());
    }

    [Fact]
    public async Task Page_after_last_is_empty()
    {
        var response = await _client.GetApiAsync($"{ApiRoutes.Fill(ApiRoutes.Rooms, Demo)}?page=1000");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(0, response.Json.GetProperty("items").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, response.Json.GetProperty("links").GetProperty("next").ValueKind);
    }

    [Fact]
    public async Task Default_page_size_is_50()
    {
        var response = await _client.GetApiAsync(ApiRoutes.Fill(ApiRoutes.Talks, Demo));

        Assert.Equal(1, response.Json.GetProperty("page").GetInt32());
        Assert.Equal(50, response.Json.GetProperty("pageSize").GetInt32());
    }

    [Theory]
    [InlineData("page=0", "page")]
    [InlineData("page=abc", "page")]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("pageSize=201", "pageSize")]
    [InlineData("pageSize=-5", "pageSize")]
    [InlineData("page=1&page=2", "page")]
    public async Task Invalid_paging_is_400(string query, string parameter)
    {
        foreach (var route in ApiRoutes.Lists)
        {
            var response = await _client.GetApiAsync($"{ApiRoutes.Fill(route, Demo)}?{query}");

            Assert.Equal(HttpStatusCode.BadRequest, response.Status);
            Assert.Equal("application/problem+json; charset=utf-8", response.ContentType);
            Assert.Equal(400, response.Json.GetProperty("status").GetInt32());
            Assert.Equal(parameter, response.Json.GetProperty("parameter").GetString());
            Assert.Contains($"The query parameter {parameter} ", response.Json.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(ApiRoutes.Conference, null)]
    [InlineData(ApiRoutes.Sessions, null)]
    [InlineData(ApiRoutes.Talks, null)]
    [InlineData(ApiRoutes.Speakers, null)]
    [InlineData(ApiRoutes.Rooms, null)]
    [InlineData(ApiRoutes.Talk, "x")]
    [InlineData(ApiRoutes.Speaker, "x")]
    [InlineData(ApiRoutes.Session, "1")]
    public async Task Unknown_conference_is_404(string route, string? item)
    {
        var response = await _client.GetApiAsync(ApiRoutes.Fill(route, "no-such-conference", item));

        Assert.Equal(HttpStatusCode.NotFound, response.Status);
        Assert.Equal("application/problem+json; charset=utf-8", response.ContentType);
        Assert.Equal("There is no conference \"no-such-conference\" with a published program.", response.Json.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData(ApiRoutes.Talk, "no-such-talk")]
    [InlineData(ApiRoutes.Speaker, "no-such-speaker")]
    [InlineData(ApiRoutes.Session, "999999")]
    [InlineData(ApiRoutes.Session, "abc")]
    public async Task Unknown_item_is_404(string route, string item)
    {
        var response = await _client.GetApiAsync(ApiRoutes.Fill(route, Demo, item));

        Assert.Equal(HttpStatusCode.NotFound, response.Status);
        Assert.Equal("application/problem+json; charset=utf-8", response.ContentType);
        Assert.Equal(404, response.Json.GetProperty("status").GetInt32());
        Assert.Contains(item, response.Json.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/no-such-endpoint")]
    [InlineData("/api/conferences/wids-tlv-2023/talks/x/y")]
    public async Task Unknown_api_address_is_404(string path)
    {
        var response = await _client.GetApiAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.Status);
        Assert.Equal("application/problem+json; charset=utf-8", response.ContentType);
        Assert.Equal($"There is no API endpoint at {path}. The endpoints are listed at /api.", response.Json.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Wrong_method_is_problem_405()
    {
        var client = app.CreateClient();

        using var response = await client.PostAsync(new Uri("/api/conferences", UriKind.Relative), new StringContent("{}"));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(405, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Equal("Method not allowed", problem.RootElement.GetProperty("title").GetString());
    }

    [Fact]
    public async Task ETag_answers_304()
    {
        foreach (var path in await SamplePathsAsync())
        {
            var first = await _client.GetApiAsync(path);
            Assert.Equal(HttpStatusCode.OK, first.Status);
            Assert.NotNull(first.ETag);
            Assert.True(first.Message.Headers.ETag!.IsWeak, $"{path} sent a strong ETag, which compressed copies of the body would share.");
            Assert.Equal("public, max-age=60", first.Message.Headers.CacheControl?.ToString());

            var again = await _client.GetApiAsync(path, ifNoneMatch: first.ETag);

            Assert.Equal(HttpStatusCode.NotModified, again.Status);
            Assert.Equal("", again.Body);
            Assert.Equal(first.ETag, again.ETag);
        }
    }

    [Fact]
    public async Task Other_ETag_gets_body()
    {
        var path = ApiRoutes.Fill(ApiRoutes.Talks, Demo);
        var first = await _client.GetApiAsync(path);
        var otherPage = await _client.GetApiAsync($"{path}?pageSize=2");

        var response = await _client.GetApiAsync(path, ifNoneMatch: "\"0123456789abcdef\"");

        Assert.NotEqual(first.ETag, otherPage.ETag);
        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(first.Body, response.Body);
    }

    [Fact]
    public async Task Head_has_headers_without_body()
    {
        foreach (var path in await SamplePathsAsync())
        {
            var get = await _client.GetApiAsync(path);

            var head = await _client.GetApiAsync(path, method: HttpMethod.Head);

            Assert.Equal(HttpStatusCode.OK, head.Status);
            Assert.Equal("", head.Body);
            Assert.Equal(get.ETag, head.ETag);
            Assert.Equal("application/json; charset=utf-8", head.ContentType);
        }
    }

    [Fact]
    public async Task Head_of_unknown_is_404()
    {
        var response = await _client.GetApiAsync(ApiRoutes.Fill(ApiRoutes.Talk, Demo, "no-such-talk"), method: HttpMethod.Head);

        Assert.Equal(HttpStatusCode.NotFound, response.Status);
        Assert.Equal("", response.Body);
    }

    [Fact]
    public async Task Api_sends_no_cookie_or_private_data()
    {
        foreach (var path in await SamplePathsAsync())
        {
            var response = await _client.GetApiAsync(path);

            Assert.Equal(HttpStatusCode.OK, response.Status);
            Assert.False(response.Message.Headers.Contains("Set-Cookie"), $"{path} set a cookie.");
            Assert.DoesNotContain("@", response.Body, StringComparison.Ordinal);
            Assert.DoesNotContain("availability", response.Body, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("userId", response.Body, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("email", response.Body, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task Api_page_lists_endpoints()
    {
        var page = await _client.GetPageAsync("/api");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("JSON API", page.Texts("h1").Single());
        var paths = page.Texts("code.api-path");
        foreach (var route in ApiRoutes.All)
        {
            Assert.Contains($"GET {route}", paths);
        }

        var examples = page.Document.QuerySelectorAll("a.api-example").Select(a => a.GetAttribute("href")!).ToList();
        Assert.Contains($"/api/conferences/{Demo}/talks", examples);
        Assert.Equal(ApiRoutes.All.Length, examples.Count);
        Assert.Empty(page.Document.QuerySelectorAll("script:not([src])"));
        Assert.Contains("pageSize", page.Texts("table.api-parameters code"));
        foreach (var example in examples)
        {
            var response = await _client.GetApiAsync(example);
            Assert.True(response.Status == HttpStatusCode.OK, $"The example {example} returned {response.Status}.");
        }
    }

    [Fact]
    public async Task Program_page_links_api()
    {
        var page = await _client.GetPageAsync($"/{Demo}/program");

        var link = page.Document.QuerySelectorAll(".exports a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains($"/api/conferences/{Demo}", link);
    }

    // Returns one address of each endpoint, with items taken from the lists.
    private async Task<List<string>> SamplePathsAsync()
    {
        var talks = await _client.GetApiAsync(ApiRoutes.Fill(ApiRoutes.Talks, Demo));
        var speakers = await _client.GetApiAsync(ApiRoutes.Fill(ApiRoutes.Speakers, Demo));
        var sessions = await _client.GetApiAsync(ApiRoutes.Fill(ApiRoutes.Sessions, Demo));
        var talk = talks.Json.GetProperty("items")[0].GetProperty("slug").GetString();
        var speaker = speakers.Json.GetProperty("items")[0].GetProperty("slug").GetString();
        var session = sessions.Json.GetProperty("items")[0].GetProperty("id").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture);

        return
        [
            ApiRoutes.Conferences,
            ApiRoutes.Fill(ApiRoutes.Conference, Demo),
            ApiRoutes.Fill(ApiRoutes.Sessions, Demo),
            ApiRoutes.Fill(ApiRoutes.Talks, Demo),
            ApiRoutes.Fill(ApiRoutes.Speakers, Demo),
            ApiRoutes.Fill(ApiRoutes.Rooms, Demo),
            ApiRoutes.Fill(ApiRoutes.Talk, Demo, talk),
            ApiRoutes.Fill(ApiRoutes.Speaker, Demo, speaker),
            ApiRoutes.Fill(ApiRoutes.Session, Demo, session),
        ];
    }

    private static string Key(JsonElement item) =>
        item.TryGetProperty("apiUrl", out var apiUrl) ? apiUrl.GetString()! : $"room:{item.GetProperty("id").GetInt32()}";
}
