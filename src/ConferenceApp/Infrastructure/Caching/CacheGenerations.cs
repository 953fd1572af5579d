using System.Collections.Concurrent;

namespace ConferenceApp.Infrastructure.Caching;

/// <summary>
/// A counter per cache tag that goes up at every eviction. A page rendered while its conference
/// changed may show the old state, so the policy does not store a page whose counter moved
/// between the start and the end of its request.
/// </summary>
/// <remarks>The counters live in this process only: another app instance's change does not move them.</remarks>
internal sealed class CacheGenerations
{
    private readonly ConcurrentDictionary<string, long> _counters = new(StringComparer.Ordinal);

    public long Current(string tag) => _counters.TryGetValue(tag, out var value) ? value : 0;

    public void Advance(string tag) => _counters.AddOrUpdate(tag, 1, (_, value) => value + 1);
}
