using System.Net;
using System.Text.Json;
using ConferenceApp.Tests.Support;

namespace ConferenceApp.Tests.Interop;

/// <summary>The OpenAPI document at /api/openapi.json.</summary>
public sealed class ApiOpenApiDocumentTests(AppFactory app) : IClassFixture<AppFactory>
{
    private readonly HttpClient _client = app.CreateBrowserlessClient();

    [Fact]
    public async Task Document_is_openapi_3()
    {
        var document = await GetDocumentAsync();

        Assert.StartsWith("3.", document.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        Assert.Equal("ConferenceApp program API", document.GetProperty("info").GetProperty("title").GetString());
    }

    [Fact]
    public async Task Document_has_every_tested_route()
    {
        var paths = (await GetDocumentAsync()).GetProperty("paths");

        foreach (var route in ApiRoutes.All)
        {
            Assert.True(paths.TryGetProperty(route, out var item), $"The document does not describe {route}.");
            var get = item.GetProperty("get");
            var parameters = get.GetProperty("parameters").EnumerateArray().ToDictionary(p => p.GetProperty("name").GetString()!);
            var expected = route.Split('/').Where(s => s.StartsWith('{')).Select(s => s.Trim('{', '}')).ToList();
            if (ApiRoutes.Lists.Contains(route))
            {
                expected.AddRange(["page", "pageSize"]);
            }

            Assert.Equal(expected.Order(), parameters.Keys.Order());
            foreach (var name in expected)
            {
                Assert.False(string.IsNullOrEmpty(parameters[name].GetProperty("description").GetString()), $"{route}: {name} has no description.");
            }

            Assert.True(item.TryGetProperty("head", out _), $"The document does not describe HEAD {route}.");
            Assert.False(string.IsNullOrEmpty(get.GetProperty("summary").GetString()), $"{route} has no summary.");
        }
    }

    [Fact]
    public async Task Lists_describe_paging_and_problems()
    {
        var paths = (await GetDocumentAsync()).GetProperty("paths");

        foreach (var route in ApiRoutes.Lists)
        {
            var get = paths.GetProperty(route).GetProperty("get");
            var pageSize = get.GetProperty("parameters").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "pageSize");
            Assert.Equal("query", pageSize.GetProperty("in").GetString());
            var schema = pageSize.GetProperty("schema");
            Assert.Equal("integer", schema.GetProperty("type").GetString());
            Assert.Equal(1, schema.GetProperty("minimum").GetInt32());
            Assert.Equal(200, schema.GetProperty("maximum").GetInt32());
            Assert.Equal(50, schema.GetProperty("default").GetInt32());

            var responses = get.GetProperty("responses");
            Assert.True(responses.GetProperty("200").GetProperty("content").TryGetProperty("application/json", out _), $"{route} has no JSON 200.");
            Assert.True(responses.GetProperty("400").GetProperty("content").TryGetProperty("application/problem+json", out _), $"{route} has no problem 400.");
        }
    }

    [Fact]
    public async Task Items_describe_404_and_schemas()
    {
        var document = await GetDocumentAsync();
        var paths = document.GetProperty("paths");

        foreach (var route in ApiRoutes.All.Except([ApiRoutes.Conferences]))
        {
            var responses = paths.GetProperty(route).GetProperty("get").GetProperty("responses");
            Assert.True(responses.GetProperty("404").GetProperty("content").TryGetProperty("application/problem+json", out _), $"{route} has no problem 404.");
        }

        var schemas = document.GetProperty("components").GetProperty("schemas");
        var talk = schemas.GetProperty("TalkItem").GetProperty("properties");
        foreach (var property in new[] { "id", "slug", "title", "start", "speakers", "url", "apiUrl" })
        {
            Assert.True(talk.TryGetProperty(property, out _), $"TalkItem has no {property}.");
        }

        Assert.Equal("integer", talk.GetProperty("id").GetProperty("type").GetString());
        Assert.True(schemas.GetProperty("ApiTime").GetProperty("properties").TryGetProperty("instant", out _));
        Assert.True(schemas.GetProperty("SpeakerItem").GetProperty("properties").TryGetProperty("bioHtml", out _));
    }

    private async Task<JsonElement> GetDocumentAsync()
    {
        var response = await _client.GetAsync(new Uri("/api/openapi.json", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }
}
