using ConferenceApp.Data;
using ConferenceApp.Domain;
using ConferenceApp.Features.Interop.Calendar;
using ConferenceApp.Features.Program;
using Microsoft.EntityFrameworkCore;

namespace ConferenceApp.Features.Agenda;

/// <summary>A conference's latest release as the agenda reads it; <see cref="Entries"/> is null before the first release.</summary>
public sealed record AgendaProgram(ConferenceHeader Header, AgendaEntries? Entries);

/// <summary>The stored agenda behind a feed and the release its calendar is written from.</summary>
public sealed record AgendaFeedSource(int ReleaseId, CalendarRelease Release, IReadOnlyList<AgendaItemKey> Items, DateTime UpdatedAtUtc);

/// <summary>
/// Reads the agenda page and the feeds from the latest release, like the public program: one
/// query for the conference, its latest release (and for a feed, the stored agenda), and the
/// snapshot from <see cref="ReleaseSnapshots"/>. Nothing is tracked.
/// </summary>
public sealed class AgendaQueries(ConferenceDbContext db, ProgramQueries program, ReleaseSnapshots snapshots)
{
    /// <summary>Returns null when there is no conference with that slug.</summary>
    public async Task<AgendaProgram?> FindProgramAsync(string conferenceSlug, CancellationToken cancellationToken)
    {
        var conference = await program.FindPublishedAsync(conferenceSlug, cancellationToken);
        if (conference is null)
        {
            return null;
        }

        var snapshot = conference.LatestReleaseId is { } releaseId ? await snapshots.GetAsync(releaseId, cancellationToken) : null;
        return new AgendaProgram(conference.Header, snapshot is null ? null : new AgendaEntries(conference.Header.Slug, snapshot));
    }

    /// <summary>Returns the page of the share link's <paramref name="items"/> (comma-separated keys), or null when there is no such conference.</summary>
    public async Task<AgendaPage?> GetPageAsync(string conferenceSlug, string? items, CancellationToken cancellationToken)
    {
        var found = await FindProgramAsync(conferenceSlug, cancellationToken);
        if (found is null)
        {
            return null;
        }

        if (found.Entries is null)
        {
            return new AgendaPage(found.Header, [], [], [], 0, "") { IsPublished = false };
        }

        var (keys, skipped) = AgendaItemList.ParseLink(items, AgendaItemList.MaxCount(found.Entries.ProgramItemCount));
        var (days, unscheduled, missing) = found.Entries.Find(keys);
        return new AgendaPage(found.Header, days, unscheduled, missing, skipped, AgendaItemList.Join(keys));
    }

    /// <summary>
    /// Returns the feed's agenda and the latest release, or null when the conference, its release
    /// or an agenda with this token in it does not exist.
    /// </summary>
    public async Task<AgendaFeedSource?> FindFeedAsync(string conferenceSlug, string token, CancellationToken cancellationToken)
    {
        if (!PersonalAgenda.IsWellFormedToken(token))
        {
            return null;
        }

        var hash = PersonalAgenda.HashToken(token);
        var row = await db.Conferences.AsNoTracking()
            .Where(c => c.Slug == conferenceSlug)
            .Select(c => new
            {
                c.Slug,
                Latest = db.Releases
                    .Where(r => r.ConferenceId == c.Id)
                    .OrderByDescending(r => r.Id)
                    .Select(r => new { r.Id, r.PublishedAtUtc })
                    .FirstOrDefault(),
                Agenda = db.PersonalAgendas
                    .Where(a => a.ConferenceId == c.Id && a.TokenHash == hash)
                    .Select(a => new { a.ItemKeys, a.UpdatedAtUtc })
                    .FirstOrDefault(),
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (row?.Latest is null || row.Agenda is null)
        {
            return null;
        }

        var snapshot = await snapshots.GetAsync(row.Latest.Id, cancellationToken);
        if (snapshot is null)
        {
            return null;
        }

        var publishedAt = new DateTimeOffset(DateTime.SpecifyKind(row.Latest.PublishedAtUtc, DateTimeKind.Utc));
        var items = AgendaItemList.ParseLink(row.Agenda.ItemKeys, int.MaxValue).Keys;
        return new AgendaFeedSource(row.Latest.Id, new CalendarRelease(row.Slug, snapshot, publishedAt), items, row.Agenda.UpdatedAtUtc);
    }
}
