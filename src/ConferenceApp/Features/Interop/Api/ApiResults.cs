using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace ConferenceApp.Features.Interop.Api;

/// <summary>The API's JSON writing: camelCase names, and HTML-sensitive characters escaped so that no string can close a script element.</summary>
public static class ApiJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };
}

/// <summary>
/// Writes a successful API response: JSON with a weak ETag, 304 Not Modified when the request's
/// If-None-Match has that tag, and no body for HEAD.
/// </summary>
/// <remarks>
/// The ETag is the first 128 bits of the SHA-256 of the body. A release never changes, but the body
/// also contains the live speaker profiles and absolute URLs from the request's host, and hashing
/// the body covers both, so equal tags always mean equal content. The tag is weak because the same
/// content is also sent compressed, as other bytes.
/// </remarks>
public sealed class ApiJsonResult<T>(T value) : IActionResult
{
    public const string CacheControl = "public, max-age=60";

    public async Task ExecuteResultAsync(ActionContext context)
    {
        var http = context.HttpContext;
        var body = JsonSerializer.SerializeToUtf8Bytes(value, ApiJson.Options);
        var etag = new EntityTagHeaderValue($"\"{Convert.ToHexStringLower(SHA256.HashData(body))[..32]}\"", isWeak: true);

        var response = http.Response;
        response.Headers.ETag = etag.ToString();
        response.Headers.CacheControl = CacheControl;

        if (Matches(http.Request.GetTypedHeaders().IfNoneMatch, etag))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json; charset=utf-8";
        response.ContentLength = body.Length;
        if (!HttpMethods.IsHead(http.Request.Method))
        {
            await response.Body.WriteAsync(body, http.RequestAborted);
        }
    }

    // If-None-Match compares tags weakly (RFC 9110, section 13.1.2), so W/"x" matches "x".
    private static bool Matches(IList<EntityTagHeaderValue> ifNoneMatch, EntityTagHeaderValue etag) =>
        ifNoneMatch.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(etag, useStrongComparison: false));
}

/// <summary>Writes an error as application/problem+json (RFC 9457), with no body for HEAD.</summary>
public sealed class ApiProblemResult(int status, string title, string detail, string? parameter = null) : IActionResult
{
    public const string ContentType = "application/problem+json";

    public int Status => status;

    public string Detail => detail;

    public async Task ExecuteResultAsync(ActionContext context)
    {
        var problem = new ProblemDetails
        {
            Type = status == StatusCodes.Status404NotFound
                ? "https://tools.ietf.org/html/rfc9110#section-15.5.5"
                : "https://tools.ietf.org/html/rfc9110#section-15.5.1",
            Title = title,
            Status = status,
            Detail = detail,
        };
        if (parameter is not null)
        {
            problem.Extensions["parameter"] = parameter;
        }

        var body = JsonSerializer.SerializeToUtf8Bytes(problem, ApiJson.Options);
        var http = context.HttpContext;
        http.Response.StatusCode = status;
        http.Response.ContentType = $"{ContentType}; charset=utf-8";
        http.Response.ContentLength = body.Length;
        if (!HttpMethods.IsHead(http.Request.Method))
        {
            await http.Response.Body.WriteAsync(body, http.RequestAborted);
        }
    }
}
