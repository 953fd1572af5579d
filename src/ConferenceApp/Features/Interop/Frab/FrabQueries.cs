using ConferenceApp.Data;
using ConferenceApp.Domain;
using ConferenceApp.Features.Program;
using Microsoft.EntityFrameworkCore;

namespace ConferenceApp.Features.Interop.Frab;

/// <summary>Finds the latest release of a conference for the frab exports: one query, plus one for a snapshot not yet cached.</summary>
public sealed class FrabQueries(ConferenceDbContext db, ReleaseSnapshots snapshots)
{
    /// <summary>Returns the conference and its latest release, or null when there is no such conference.</summary>
    public async Task<FrabConferenceRelease?> FindAsync(string conferenceSlug, CancellationToken cancellationToken)
    {
        var found = await db.Conferences.AsNoTracking()
            .Where(c => c.Slug == conferenceSlug)
            .Select(c => new
            {
                c.Id,
                c.Slug,
                Latest = db.Releases.Where(r => r.ConferenceId == c.Id)
                    .OrderByDescending(r => r.Id)
                    .Select(r => new { r.Id, r.Name })
                    .FirstOrDefault(),
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return null;
        }

        if (found.Latest is null)
        {
            return new FrabConferenceRelease(found.Id, found.Slug, null);
        }

        var snapshot = await snapshots.GetAsync(found.Latest.Id, cancellationToken)
            ?? throw new InvalidOperationException($"Release {found.Latest.Id} of conference {found.Id} has no snapshot.");
        return new FrabConferenceRelease(found.Id, found.Slug, new PublishedRelease(found.Latest.Id, found.Latest.Name, snapshot));
    }
}

/// <summary>A conference and its latest release; <see cref="Release"/> is null before the first release.</summary>
public sealed record FrabConferenceRelease(int ConferenceId, string ConferenceSlug, PublishedRelease? Release);

/// <summary>A release's id, version name and frozen program.</summary>
public sealed record PublishedRelease(int Id, string Name, ProgramSnapshot Snapshot);
