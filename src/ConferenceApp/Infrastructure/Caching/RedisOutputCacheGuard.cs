using System.Buffers;
using System.IO.Pipelines;
using Microsoft.AspNetCore.OutputCaching;

namespace ConferenceApp.Infrastructure.Caching;

/// <summary>
/// Wraps the Redis output-cache store so that an unreachable Redis makes pages uncached instead of
/// failing them: a failed read counts as a miss and a failed write is skipped, each logged by
/// <see cref="RedisConnection.LogFailure"/>. Evictions still throw, so that
/// <see cref="CacheEvictionInterceptor"/> logs each one that failed.
/// </summary>
/// <remarks>
/// Right before a write it checks the request's eviction counter once more, because another
/// instance may have committed a change while this one sent the page to the client.
/// </remarks>
internal sealed class RedisOutputCacheGuard(
    IOutputCacheStore inner, RedisConnection redis, CacheGenerations generations, IHttpContextAccessor httpContextAccessor)
    : IOutputCacheStore, IOutputCacheBufferStore, IDisposable
{
    public ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken) => inner.EvictByTagAsync(tag, cancellationToken);

    public async ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            return await inner.GetAsync(key, cancellationToken);
        }
        catch (Exception exception) when (RedisConnection.IsRedisFailure(exception))
        {
            redis.LogFailure(exception, "a cache read");
            return null;
        }
    }

    public async ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken)
    {
        if (await ChangedMeanwhileAsync())
        {
            return;
        }

        try
        {
            await inner.SetAsync(key, value, tags, validFor, cancellationToken);
        }
        catch (Exception exception) when (RedisConnection.IsRedisFailure(exception))
        {
            redis.LogFailure(exception, "a cache write");
        }
    }

    public async ValueTask<bool> TryGetAsync(string key, PipeWriter destination, CancellationToken cancellationToken)
    {
        try
        {
            if (inner is IOutputCacheBufferStore buffered)
            {
                return await buffered.TryGetAsync(key, destination, cancellationToken);
            }

            var value = await inner.GetAsync(key, cancellationToken);
            if (value is null)
            {
                return false;
            }

            await destination.WriteAsync(value, cancellationToken);
            return true;
        }
        catch (Exception exception) when (RedisConnection.IsRedisFailure(exception))
        {
            redis.LogFailure(exception, "a cache read");
            return false;
        }
    }

    public async ValueTask SetAsync(string key, ReadOnlySequence<byte> value, ReadOnlyMemory<string> tags, TimeSpan validFor, CancellationToken cancellationToken)
    {
        if (await ChangedMeanwhileAsync())
        {
            return;
        }

        try
        {
            if (inner is IOutputCacheBufferStore buffered)
            {
                await buffered.SetAsync(key, value, tags, validFor, cancellationToken);
            }
            else
            {
                await inner.SetAsync(key, value.ToArray(), tags.ToArray(), validFor, cancellationToken);
            }
        }
        catch (Exception exception) when (RedisConnection.IsRedisFailure(exception))
        {
            redis.LogFailure(exception, "a cache write");
        }
    }

    public void Dispose() => (inner as IDisposable)?.Dispose();

    private async ValueTask<bool> ChangedMeanwhileAsync() =>
        httpContextAccessor.HttpContext is { } http && await PublicCachePolicy.ChangedSinceStartAsync(http, generations);
}
