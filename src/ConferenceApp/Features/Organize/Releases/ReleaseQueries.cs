using ConferenceApp.Data;
using ConferenceApp.Domain;
using ConferenceApp.Features.Organize.Conflicts;
using ConferenceApp.Features.Program;
using Microsoft.EntityFrameworkCore;

namespace ConferenceApp.Features.Organize.Releases;

/// <summary>Reads the organizers' release pages: the list of releases and what the publish form shows.</summary>
public sealed class ReleaseQueries(ConferenceDbContext db, SnapshotReader reader, ReleaseSnapshots snapshots, ConflictQueries conflicts)
{
    public async Task<ReleaseListPage> ListAsync(OrganizeConference conference, CancellationToken cancellationToken)
    {
        var rows = await db.Releases.AsNoTracking()
            .Where(r => r.ConferenceId == conference.Id)
            .OrderByDescending(r => r.Id)
            .Select(r => new { r.Name, r.PublishedAtUtc, r.PublishedBy, r.Comment, r.ConflictCount, r.ConflictsConfirmed })
            .ToListAsync(cancellationToken);

        var clock = new ConferenceClock(conference.TimeZoneId);
        var releases = rows
            .Select(r => new ReleaseRow(r.Name, ChangelogQueries.LocalTimeOf(clock, r.PublishedAtUtc), r.PublishedBy, r.Comment, r.ConflictCount, r.ConflictsConfirmed))
            .ToList();
        return new ReleaseListPage(conference, releases);
    }

    /// <summary>Returns a new publish form with the suggested version name.</summary>
    public async Task<PublishForm> NewFormAsync(OrganizeConference conference, CancellationToken cancellationToken)
    {
        var form = new PublishForm { Conference = conference };
        await FillSummaryAsync(form, cancellationToken);
        var names = await NamesAsync(conference.Id, cancellationToken);
        form.Name = ReleaseNames.Suggest(form.Summary.LatestReleaseName, names);
        form.ConfirmedConflictCount = form.Summary.Conflicts.Count;
        return form;
    }

    /// <summary>Sets the form's conference and summary, after a post that is shown again.</summary>
    public async Task FillSummaryAsync(PublishForm form, CancellationToken cancellationToken)
    {
        var conference = form.Conference;
        var latest = await db.Releases.AsNoTracking()
            .Where(r => r.ConferenceId == conference.Id)
            .OrderByDescending(r => r.Id)
            .Select(r => new { r.Id, r.Name })
            .FirstOrDefaultAsync(cancellationToken);

        var before = latest is null ? null : await snapshots.GetAsync(latest.Id, cancellationToken);
        var draft = await reader.ReadAsync(conference.Id, cancellationToken);
        var changes = ReleaseDiff.Compare(before?.ToReleasedItems() ?? [], draft?.ToReleasedItems() ?? []);
        var conflictList = await conflicts.ListAsync(conference, cancellationToken);

        form.Summary = new PublishSummary(
            latest?.Name,
            ReleaseChangeList.From(changes, conference.Slug, new Dictionary<int, string>()),
            conflictList?.Conflicts ?? []);
    }

    private Task<List<string>> NamesAsync(int conferenceId, CancellationToken cancellationToken) =>
        db.Releases.AsNoTracking().Where(r => r.ConferenceId == conferenceId).Select(r => r.Name).ToListAsync(cancellationToken);
}
