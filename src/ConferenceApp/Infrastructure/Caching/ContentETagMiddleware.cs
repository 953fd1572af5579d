using System.Security.Cryptography;
using Microsoft.Net.Http.Headers;

namespace ConferenceApp.Infrastructure.Caching;

/// <summary>
/// Gives each public response without an ETag of its own (the HTML pages, the feed) one made from
/// a hash of the body, and returns 304 for a matching If-None-Match. The output cache then
/// returns 304 for later matching requests itself, from the stored entry.
/// </summary>
/// <remarks>
/// The tag is weak: the cache also serves the same page compressed, which is a different byte
/// sequence of the same content. Exports with an ETag of their own are passed through unchanged.
/// </remarks>
internal sealed class ContentETagMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method))
        {
            await next(context);
            return;
        }

        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
        }

        var response = context.Response;
        if (response.StatusCode == StatusCodes.Status200OK && !response.Headers.ContainsKey(HeaderNames.ETag))
        {
            var hash = SHA256.HashData(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
            var etag = new EntityTagHeaderValue($"\"{Convert.ToHexStringLower(hash.AsSpan(0, 16))}\"", isWeak: true);
            response.Headers.ETag = etag.ToString();

            // Browsers keep the page but ask again each time, so an edit shows on the next visit.
            if (!response.Headers.ContainsKey(HeaderNames.CacheControl))
            {
                response.Headers.CacheControl = "no-cache";
            }

            if (context.Request.GetTypedHeaders().IfNoneMatch.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(etag, useStrongComparison: false)))
            {
                response.StatusCode = StatusCodes.Status304NotModified;
                response.ContentLength = null;
                response.Headers.ContentType = default;
                return;
            }
        }

        buffer.Position = 0;
        await buffer.CopyToAsync(original, context.RequestAborted);
    }
}
