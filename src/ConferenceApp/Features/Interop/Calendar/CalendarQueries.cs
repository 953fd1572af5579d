using ConferenceApp.Data;
using ConferenceApp.Features.Program;
using Microsoft.EntityFrameworkCore;

namespace ConferenceApp.Features.Interop.Calendar;

/// <summary>A conference as the calendar exports see it; <see cref="Release"/> is null before the first release.</summary>
public sealed record CalendarSource(int? ReleaseId, CalendarRelease? Release);

/// <summary>
/// Loads the latest published release of a conference for the calendar exports: one query for
/// the conference and its latest release, and one more for the snapshot when it is not cached.
/// </summary>
public sealed class CalendarQueries(ConferenceDbContext db, ReleaseSnapshots snapshots)
{
    /// <summary>Returns null when there is no conference with that slug.</summary>
    public async Task<CalendarSource?> FindAsync(string conferenceSlug, CancellationToken cancellationToken)
    {
        var conference = await db.Conferences.AsNoTracking()
            .Where(c => c.Slug == conferenceSlug)
            .Select(c => new
            {
                c.Slug,
                Latest = db.Releases
                    .Where(r => r.ConferenceId == c.Id)
                    .OrderByDescending(r => r.Id)
                    .Select(r => new { r.Id, r.PublishedAtUtc })
                    .FirstOrDefault(),
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (conference is null)
        {
            return null;
        }

        if (conference.Latest is null)
        {
            return new CalendarSource(null, null);
        }

        var snapshot = await snapshots.GetAsync(conference.Latest.Id, cancellationToken);
        if (snapshot is null)
        {
            return new CalendarSource(null, null);
        }

        var publishedAt = new DateTimeOffset(DateTime.SpecifyKind(conference.Latest.PublishedAtUtc, DateTimeKind.Utc));
        return new CalendarSource(conference.Latest.Id, new CalendarRelease(conference.Slug, snapshot, publishedAt));
    }
}
