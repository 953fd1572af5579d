using System.Collections.Concurrent;

namespace ConferenceApp.Infrastructure.Caching;

/// <summary>
/// A counter per cache tag that goes up at every eviction. A page rendered while its conference
/// changed may show the old state, so the policy does not store a page whose counter moved
/// between the start and the end of its request.
/// </summary>
/// <remarks>
/// Without Redis the counters live in this process, which is the only one filling its cache. With
/// Redis they are Redis keys, so a change saved by one instance stops every instance from storing
/// a page that it rendered meanwhile.
/// </remarks>
internal sealed class CacheGenerations(RedisConnection? redis = null)
{
    private readonly ConcurrentDictionary<string, long> _counters = new(StringComparer.Ordinal);

    /// <summary>True when the counters are shared by every instance through Redis.</summary>
    public bool IsShared => redis is not null;

    /// <summary>Returns the tag's counter, or null when Redis cannot be read, which callers treat as a change.</summary>
    public async ValueTask<long?> CurrentAsync(string tag)
    {
        if (redis is null)
        {
            return _counters.TryGetValue(tag, out var value) ? value : 0;
        }

        try
        {
            var database = await redis.GetDatabaseAsync();
            var stored = await database.StringGetAsync(Key(tag));
            return stored.IsNull ? 0 : (long)stored;
        }
        catch (Exception exception) when (RedisConnection.IsRedisFailure(exception))
        {
            redis.LogFailure(exception, "the read of an eviction counter");
            return null;
        }
    }

    public void Advance(string tag)
    {
        _counters.AddOrUpdate(tag, 1, (_, value) => value + 1);
        if (redis is null)
        {
            return;
        }

        try
        {
            redis.GetDatabase().StringIncrement(Key(tag));
        }
        catch (Exception exception) when (RedisConnection.IsRedisFailure(exception))
        {
            redis.LogFailure(exception, "the increment of an eviction counter");
        }
    }

    public async ValueTask AdvanceAsync(string tag)
    {
        _counters.AddOrUpdate(tag, 1, (_, value) => value + 1);
        if (redis is null)
        {
            return;
        }

        try
        {
            var database = await redis.GetDatabaseAsync();
            await database.StringIncrementAsync(Key(tag));
        }
        catch (Exception exception) when (RedisConnection.IsRedisFailure(exception))
        {
            redis.LogFailure(exception, "the increment of an eviction counter");
        }
    }

    private static string Key(string tag) => RedisConnection.KeyPrefix + "generation:" + tag;
}
