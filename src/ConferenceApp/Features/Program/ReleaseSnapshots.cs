using ConferenceApp.Data;
using ConferenceApp.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace ConferenceApp.Features.Program;

/// <summary>
/// Loads release snapshots and keeps them deserialized in the memory cache, keyed by release id.
/// Releases never change, so a cached snapshot never goes stale.
/// </summary>
public sealed class ReleaseSnapshots(ConferenceDbContext db, IMemoryCache cache)
{
    // Snapshots that no request reads (of older releases, of deleted conferences) leave the cache after this time.
    private static readonly TimeSpan Unused = TimeSpan.FromHours(1);

    /// <summary>Returns the snapshot of each release in <paramref name="releaseIds"/> that exists, loading those not cached in one query.</summary>
    public async Task<Dictionary<int, ProgramSnapshot>> GetAsync(IReadOnlyCollection<int> releaseIds, CancellationToken cancellationToken)
    {
        var found = new Dictionary<int, ProgramSnapshot>();
        var missing = new List<int>();
        foreach (var id in releaseIds.Distinct())
        {
            if (cache.TryGetValue(Key(id), out ProgramSnapshot? snapshot) && snapshot is not null)
            {
                found[id] = snapshot;
            }
            else
            {
                missing.Add(id);
            }
        }

        if (missing.Count == 0)
        {
            return found;
        }

        var rows = await db.Releases.AsNoTracking()
            .Where(r => missing.Contains(r.Id))
            .Select(r => new { r.Id, r.Snapshot })
            .ToListAsync(cancellationToken);
        foreach (var row in rows)
        {
            var snapshot = ProgramSnapshot.FromJson(row.Snapshot);
            cache.Set(Key(row.Id), snapshot, new MemoryCacheEntryOptions { SlidingExpiration = Unused });
            found[row.Id] = snapshot;
        }

        return found;
    }

    public async Task<ProgramSnapshot?> GetAsync(int releaseId, CancellationToken cancellationToken) =>
        (await GetAsync([releaseId], cancellationToken)).GetValueOrDefault(releaseId);

    private static string Key(int releaseId) => $"release-snapshot:{releaseId}";
}
