namespace ConferenceApp.Infrastructure.Caching;

/// <summary>Settings of the public pages' output cache, from the "OutputCache" section.</summary>
public sealed class PublicCacheOptions
{
    public const string Section = "OutputCache";

    /// <summary>
    /// Whether public responses are served from and stored in the cache. Off, every request renders
    /// its page, which is how uncached rendering is measured. Compression and ETags still apply.
    /// </summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// How long, in minutes, an unchanged page stays cached. Edits and releases evict it at once,
    /// so this only bounds the memory that pages no one requests again take.
    /// </summary>
    public int Minutes { get; set; } = 30;

    /// <summary>The most memory, in megabytes, that cached responses may take together.</summary>
    public int SizeLimitMegabytes { get; set; } = 100;
}
