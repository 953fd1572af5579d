using ConferenceApp.Data;
using ConferenceApp.Domain;
using Microsoft.EntityFrameworkCore;

namespace ConferenceApp.Features.Program;

/// <summary>A release on the public changelog, with its changes against the release before it.</summary>
public sealed record ChangelogEntry(string Name, string? Comment, LocalTime PublishedAt, Guid FeedId, ReleaseChangeList Changes)
{
    /// <summary>The id of the entry's element on the changelog page.</summary>
    public string Anchor => $"release-{FeedId:N}";
}

/// <summary>Every release of a conference, newest first.</summary>
public sealed record ChangelogPage(ConferenceHeader Conference, IReadOnlyList<ChangelogEntry> Entries);

/// <summary>Reads the public changelog: every release, compared with the one before it, in two queries when the snapshots are cached.</summary>
public sealed class ChangelogQueries(ConferenceDbContext db, ReleaseSnapshots snapshots)
{
    public async Task<ChangelogPage?> GetAsync(string conferenceSlug, CancellationToken cancellationToken)
    {
        var conference = await db.Conferences.AsNoTracking()
            .Where(c => c.Slug == conferenceSlug)
            .Select(c => new ConferenceHeader(c.Id, c.Slug, c.Name, c.Venue, c.TimeZoneId, c.StartDate, c.EndDate, c.SampleNote))
            .FirstOrDefaultAsync(cancellationToken);
        if (conference is null)
        {
            return null;
        }

        var releases = await db.Releases.AsNoTracking()
            .Where(r => r.ConferenceId == conference.Id)
            .OrderBy(r => r.Id)
            .Select(r => new { r.Id, r.Name, r.Comment, r.PublishedAtUtc, r.Guid })
            .ToListAsync(cancellationToken);
        if (releases.Count == 0)
        {
            return new ChangelogPage(conference, []);
        }

        var snapshotsById = await snapshots.GetAsync([.. releases.Select(r => r.Id)], cancellationToken);
        var latest = snapshotsById[releases[^1].Id];
        var header = new SnapshotPages(conference.Id, conference.Slug, latest).Header;
        var clock = new ConferenceClock(header.TimeZoneId);
        var publicTalks = latest.Talks.ToDictionary(t => t.Id, t => t.Slug);

        var entries = new List<ChangelogEntry>();
        IReadOnlyList<ReleasedItem> previousItems = [];
        foreach (var release in releases)
        {
            var items = snapshotsById[release.Id].ToReleasedItems();
            var changes = ReleaseChangeList.From(ReleaseDiff.Compare(previousItems, items), conference.Slug, publicTalks);
            entries.Add(new ChangelogEntry(release.Name, release.Comment, LocalTimeOf(clock, release.PublishedAtUtc), release.Guid, changes));
            previousItems = items;
        }

        entries.Reverse();
        return new ChangelogPage(header, entries);
    }

    /// <summary>Returns the conference's local time of a UTC instant, with the instant for a &lt;time&gt; element.</summary>
    public static LocalTime LocalTimeOf(ConferenceClock clock, DateTime utc)
    {
        var instant = new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc));
        var local = clock.ToLocal(instant);
        return new LocalTime(local, new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), local - instant.UtcDateTime));
    }
}
