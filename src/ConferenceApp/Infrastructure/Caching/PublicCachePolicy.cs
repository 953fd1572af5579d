using System.Globalization;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace ConferenceApp.Infrastructure.Caching;

/// <summary>
/// Caches the public pages and exports for anonymous visitors only, and tags each entry with the
/// conference in its address so that <see cref="CacheEvictionInterceptor"/> can drop it the moment
/// that conference changes.
/// </summary>
/// <remarks>
/// A signed-in organizer or speaker gets the same addresses with their own menu. Their requests
/// neither read nor fill the cache, so no visitor gets their page and they never get a visitor's.
/// A response that sets a cookie, is not 200, or has Cache-Control no-store or private is not
/// stored either, nor one rendered while its conference changed. With <see cref="PublicCacheOptions.Enabled"/> false
/// nothing is read or stored.
/// </remarks>
internal sealed class PublicCachePolicy(IOptions<PublicCacheOptions> options, CacheGenerations generations) : IOutputCachePolicy
{
    // Where a request keeps its tag's eviction counter from the moment it started.
    private static readonly object StartGenerationKey = new();

    /// <summary>The query parameters that public responses read: the API's paging, the program page's layout, day, filters and search, and the agenda page's items. A new one must be listed here to be cached per value.</summary>
    private static readonly string[] VariedQueryKeys = ["page", "pageSize", "view", "day", "track", "room", "kind", "lang", "q", "items"];

    async ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var http = context.HttpContext;
        var request = http.Request;
        var cacheable = options.Value.Enabled
            && (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            && http.User.Identity?.IsAuthenticated != true
            && !request.Headers.ContainsKey(HeaderNames.Authorization);

        context.EnableOutputCaching = true;
        context.AllowCacheLookup = cacheable;
        context.AllowCacheStorage = cacheable;
        context.AllowLocking = true;
        context.ResponseExpirationTimeSpan = TimeSpan.FromMinutes(options.Value.Minutes);

        // Only the query parameters that change a response make entries of their own, and the
        // Accept-Encoding header counts only as the encoding it selects. Other values, such as
        // ?utm=… or an odd header, reuse the entry, so a visitor cannot fill the cache with copies.
        context.CacheVaryByRules.QueryKeys = VariedQueryKeys;
        context.CacheVaryByRules.VaryByValues["encoding"] = PublicCache.SelectedEncoding(request.Headers.AcceptEncoding);

        // The request localization middleware has already chosen the interface language, from the
        // culture cookie or Accept-Language, so each language gets its own entries.
        context.CacheVaryByRules.VaryByValues["language"] = CultureInfo.CurrentUICulture.Name;

        var tag = http.GetRouteValue("conference") is string slug ? PublicCache.ConferenceTag(slug) : PublicCache.ConferenceListTag;
        context.Tags.Add(tag);
        if (cacheable)
        {
            http.Items[StartGenerationKey] = new StartGeneration(tag, await generations.CurrentAsync(tag));
        }
    }

    ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) =>
        ValueTask.CompletedTask;

    async ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var response = context.HttpContext.Response;
        if (await ChangedSinceStartAsync(context.HttpContext, generations)
            || response.StatusCode != StatusCodes.Status200OK
            || response.Headers.ContainsKey(HeaderNames.SetCookie)
            || response.Headers.CacheControl.Any(value => value is not null
                && (value.Contains("no-store", StringComparison.OrdinalIgnoreCase) || value.Contains("private", StringComparison.OrdinalIgnoreCase))))
        {
            context.AllowCacheStorage = false;
        }
    }

    /// <summary>
    /// Returns true when the request's conference changed since the request started, or when its
    /// counter could not be read. Returns false for a request that the policy did not see.
    /// </summary>
    public static async ValueTask<bool> ChangedSinceStartAsync(HttpContext http, CacheGenerations generations)
    {
        if (http.Items[StartGenerationKey] is not StartGeneration start)
        {
            return false;
        }

        return start.Counter is null || await generations.CurrentAsync(start.Tag) != start.Counter;
    }

    private sealed record StartGeneration(string Tag, long? Counter);
}
