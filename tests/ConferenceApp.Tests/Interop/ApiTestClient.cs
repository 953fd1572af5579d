using System.Net;
using System.Text.Json;

namespace ConferenceApp.Tests.Interop;

/// <summary>The API's routes as the tests request them, so that the OpenAPI test can check each one is described.</summary>
public static class ApiRoutes
{
    public const string Conferences = "/api/conferences";
    public const string Conference = "/api/conferences/{conference}";
    public const string Sessions = "/api/conferences/{conference}/sessions";
    public const string Talks = "/api/conferences/{conference}/talks";
    public const string Speakers = "/api/conferences/{conference}/speakers";
    public const string Rooms = "/api/conferences/{conference}/rooms";
    public const string Talk = "/api/conferences/{conference}/talks/{slug}";
    public const string Speaker = "/api/conferences/{conference}/speakers/{slug}";
    public const string Session = "/api/conferences/{conference}/sessions/{id}";

    public static readonly string[] Lists = [Conferences, Sessions, Talks, Speakers, Rooms];

    public static readonly string[] All = [Conferences, Conference, Sessions, Talks, Speakers, Rooms, Talk, Speaker, Session];

    /// <summary>Fills in {conference} and the item's {slug} or {id}.</summary>
    public static string Fill(string route, string conference, string? item = null) =>
        route.Replace("{conference}", conference, StringComparison.Ordinal)
            .Replace("{slug}", item, StringComparison.Ordinal)
            .Replace("{id}", item, StringComparison.Ordinal);
}

/// <summary>A response of the API with its body parsed as JSON (an empty object when there is no body).</summary>
public sealed record ApiResponse(HttpStatusCode Status, string Body, JsonElement Json, HttpResponseMessage Message)
{
    public string? ContentType => Message.Content.Headers.ContentType?.ToString();

    public string? ETag => Message.Headers.ETag?.ToString();
}

public static class ApiRequests
{
    public static async Task<ApiResponse> GetApiAsync(this HttpClient client, string path, string? ifNoneMatch = null, HttpMethod? method = null)
    {
        using var request = new HttpRequestMessage(method ?? HttpMethod.Get, path);
        if (ifNoneMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        }

        var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        var json = body.Length == 0 ? JsonDocument.Parse("{}").RootElement : JsonDocument.Parse(body).RootElement;
        return new ApiResponse(response.StatusCode, body, json, response);
    }

    /// <summary>Follows the next links from the first page and returns every item in the order received.</summary>
    public static async Task<List<JsonElement>> GetAllPagesAsync(this HttpClient client, string path, int pageSize)
    {
        var items = new List<JsonElement>();
        string? next = $"{path}?pageSize={pageSize}";
        var pages = 0;
        while (next is not null)
        {
            var page = await client.GetApiAsync(next);
            Assert.Equal(HttpStatusCode.OK, page.Status);
            items.AddRange(page.Json.GetProperty("items").EnumerateArray());
            next = page.Json.GetProperty("links").GetProperty("next").GetString();
            pages++;
            Assert.True(pages < 1000, "The next links do not end.");
        }

        return items;
    }
}
