using System.Data.Common;
using System.Runtime.CompilerServices;
using ConferenceApp.Domain;
using ConferenceApp.Infrastructure.Email;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ConferenceApp.Infrastructure.Caching;

/// <summary>
/// Evicts the cached public pages of every conference that a save changes, once the change is
/// committed: after a save that commits on its own, or after the commit of the transaction the
/// save ran in. Evicting earlier would let a request still reading the old rows cache them again.
/// </summary>
/// <remarks>
/// Any changed row that belongs to a conference counts, even one that no public page shows today,
/// so that no page can show a stale value. A needless eviction only costs one render. A changed
/// conference evicts its old and new slug, and every change evicts the conference list.
/// </remarks>
internal sealed class CacheEvictionInterceptor(IOutputCacheStore store, CacheGenerations generations, ILogger<CacheEvictionInterceptor> logger)
    : ISaveChangesInterceptor, IDbTransactionInterceptor
{
    // Rows that never appear on a public page, so changing them keeps the cache. A personal
    // agenda changes with every star of a subscribed attendee and shows only in its own feed.
    private static readonly HashSet<Type> Unpublished =
        [typeof(AuditEntry), typeof(ImportUpload), typeof(OutboxMessage), typeof(SpeakerInvitation), typeof(PersonalAgenda)];

    /// <summary>How long after a commit the shared cache's entries of the changed conferences are evicted a second time.</summary>
    public static readonly TimeSpan SharedEvictionRepeatDelay = TimeSpan.FromSeconds(2);

    // The tags that each context's saves have changed and that are not yet committed.
    private readonly ConditionalWeakTable<DbContext, HashSet<string>> _pending = new();

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is { } context)
        {
            var (tags, unresolved) = ChangedTags(context);
            if (unresolved.Count > 0)
            {
                tags.UnionWith(context.Set<Conference>().AsNoTracking().Where(c => unresolved.Contains(c.Id)).Select(c => c.Slug).ToList().Select(PublicCache.ConferenceTag));
            }

            Remember(context, tags);
        }

        return result;
    }

    public async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context)
        {
            var (tags, unresolved) = ChangedTags(context);
            if (unresolved.Count > 0)
            {
                var slugs = await context.Set<Conference>().AsNoTracking().Where(c => unresolved.Contains(c.Id)).Select(c => c.Slug).ToListAsync(cancellationToken);
                tags.UnionWith(slugs.Select(PublicCache.ConferenceTag));
            }

            await RememberAsync(context, tags);
        }

        return result;
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (eventData.Context is { Database.CurrentTransaction: null } context)
        {
            EvictAsync(context).AsTask().GetAwaiter().GetResult();
        }

        return result;
    }

    public async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { Database.CurrentTransaction: null } context)
        {
            await EvictAsync(context);
        }

        return result;
    }

    public void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        if (eventData.Context is { Database.CurrentTransaction: null } context)
        {
            _pending.Remove(context);
        }
    }

    public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        SaveChangesFailed(eventData);
        return Task.CompletedTask;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData)
    {
        if (eventData.Context is { } context)
        {
            EvictAsync(context).AsTask().GetAwaiter().GetResult();
        }
    }

    public async Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context)
        {
            await EvictAsync(context);
        }
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData)
    {
        if (eventData.Context is { } context)
        {
            _pending.Remove(context);
        }
    }

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        TransactionRolledBack(transaction, eventData);
        return Task.CompletedTask;
    }

    /// <summary>The tags of the changed conferences whose slug the tracked rows contain, and the ids of the others.</summary>
    private static (HashSet<string> Tags, List<int> Unresolved) ChangedTags(DbContext context)
    {
        var tags = new HashSet<string>(StringComparer.Ordinal);
        var conferenceIds = new HashSet<int>();
        var knownSlugs = new Dictionary<int, string>();

        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.Entity is Conference conference)
            {
                knownSlugs[conference.Id] = conference.Slug;
                if (entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
                {
                    tags.Add(PublicCache.ConferenceListTag);
                    tags.Add(PublicCache.ConferenceTag(conference.Slug));
                    tags.Add(PublicCache.ConferenceTag((string)entry.Property(nameof(Conference.Slug)).OriginalValue!));
                }

                continue;
            }

            if (entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
                && !Unpublished.Contains(entry.Metadata.ClrType)
                && ConferenceIdOf(entry) is { } conferenceId)
            {
                conferenceIds.Add(conferenceId);
            }
        }

        // The conference list shows each conference's latest release, so any change may alter it.
        if (conferenceIds.Count > 0)
        {
            tags.Add(PublicCache.ConferenceListTag);
        }

        var unresolved = new List<int>();
        foreach (var id in conferenceIds)
        {
            if (knownSlugs.TryGetValue(id, out var slug))
            {
                tags.Add(PublicCache.ConferenceTag(slug));
            }
            else
            {
                unresolved.Add(id);
            }
        }

        return (tags, unresolved);
    }

    private static int? ConferenceIdOf(EntityEntry entry) =>
        entry.Metadata.FindProperty("ConferenceId") is { } property && entry.Property(property.Name).CurrentValue is int id ? id : null;

    private void Remember(DbContext context, HashSet<string> tags)
    {
        if (tags.Count == 0)
        {
            return;
        }

        // Pages whose render starts from here on may read either state, so none of them is stored.
        foreach (var tag in tags)
        {
            generations.Advance(tag);
        }

        _pending.GetOrCreateValue(context).UnionWith(tags);
    }

    private async ValueTask RememberAsync(DbContext context, HashSet<string> tags)
    {
        if (tags.Count == 0)
        {
            return;
        }

        foreach (var tag in tags)
        {
            await generations.AdvanceAsync(tag);
        }

        _pending.GetOrCreateValue(context).UnionWith(tags);
    }

    private async ValueTask EvictAsync(DbContext context)
    {
        if (!_pending.TryGetValue(context, out var tags))
        {
            return;
        }

        _pending.Remove(context);
        foreach (var tag in tags)
        {
            await generations.AdvanceAsync(tag);
        }

        await EvictTagsAsync(tags);

        // Another instance may have checked its counter just before this commit and be writing
        // its page to Redis right now. Evicting once more a little later removes such an entry.
        if (generations.IsShared)
        {
            _ = EvictAgainAsync(tags);
        }
    }

    private async Task EvictAgainAsync(HashSet<string> tags)
    {
        await Task.Delay(SharedEvictionRepeatDelay);
        await EvictTagsAsync(tags);
    }

    private async Task EvictTagsAsync(HashSet<string> tags)
    {
        foreach (var tag in tags)
        {
            try
            {
                // The change is committed whatever the cache does; a cache that cannot be reached
                // must not turn a saved edit into an error page.
                await store.EvictByTagAsync(tag, CancellationToken.None);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogError(exception, "Eviction of the cached pages tagged {Tag} failed. They may stay stale until they expire (OutputCache:Minutes).", tag);
            }
        }
    }
}
