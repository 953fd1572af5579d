using System.Collections.Concurrent;

namespace ConferenceApp.Infrastructure.RateLimiting;

/// <summary>
/// Decides which rate-limit rejections are logged: the first of each client and kind of request,
/// then at most one a minute with the number left out since, so that a flood of rejected
/// requests does not flood the log too.
/// </summary>
public sealed class RejectionLogThrottle(TimeProvider time)
{
    /// <summary>The shortest time between two entries for the same key.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    // Bounds the memory an attack from many addresses can take. Clearing it only logs a few entries more.
    private const int MaxKeys = 10_000;

    private readonly ConcurrentDictionary<string, Entry> _entries = new();

    /// <summary>
    /// Returns true when the rejection for <paramref name="key"/> is to be logged, with the number
    /// of rejections for it that were not logged since the last entry.
    /// </summary>
    public bool ShouldLog(string key, out int skipped)
    {
        if (_entries.Count > MaxKeys)
        {
            _entries.Clear();
        }

        var now = time.GetUtcNow();
        var logged = false;
        var skippedBefore = 0;
        _entries.AddOrUpdate(
            key,
            _ =>
            {
                logged = true;
                return new Entry(now, 0);
            },
            (_, entry) =>
            {
                if (now - entry.LoggedAt >= Interval)
                {
                    logged = true;
                    skippedBefore = entry.Skipped;
                    return new Entry(now, 0);
                }

                logged = false;
                return entry with { Skipped = entry.Skipped + 1 };
            });

        skipped = skippedBefore;
        return logged;
    }

    private sealed record Entry(DateTimeOffset LoggedAt, int Skipped);
}
