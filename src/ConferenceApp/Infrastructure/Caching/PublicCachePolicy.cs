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

    ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
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

        // Paging and filters live in the query; compressed and plain bodies are different entries.
        context.CacheVaryByRules.QueryKeys = "*";
        context.CacheVaryByRules.HeaderNames = HeaderNames.AcceptEncoding;

        var tag = http.GetRouteValue("conference") is string slug ? PublicCache.ConferenceTag(slug) : PublicCache.ConferenceListTag;
        context.Tags.Add(tag);
        http.Items[StartGenerationKey] = (tag, generations.Current(tag));
        return ValueTask.CompletedTask;
    }

    ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) =>
        ValueTask.CompletedTask;

    ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var response = context.HttpContext.Response;
        var changedMeanwhile = context.HttpContext.Items[StartGenerationKey] is (string tag, long started) && generations.Current(tag) != started;
        if (changedMeanwhile
            || response.StatusCode != StatusCodes.Status200OK
            || response.Headers.ContainsKey(HeaderNames.SetCookie)
            || response.Headers.CacheControl.Any(value => value is not null
                && (value.Contains("no-store", StringComparison.OrdinalIgnoreCase) || value.Contains("private", StringComparison.OrdinalIgnoreCase))))
        {
            context.AllowCacheStorage = false;
        }

        return ValueTask.CompletedTask;
    }
}
