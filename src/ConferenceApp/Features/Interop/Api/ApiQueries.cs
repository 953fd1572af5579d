using ConferenceApp.Data;
using ConferenceApp.Domain;
using ConferenceApp.Features.Program;
using ConferenceApp.Infrastructure.Text;
using Microsoft.EntityFrameworkCore;

namespace ConferenceApp.Features.Interop.Api;

/// <summary>
/// Loads what the JSON API serves: the latest release of each conference, through the same
/// snapshot cache as the public pages, and the live speaker profiles. Nothing is tracked and
/// nothing reads the draft tables except the speakers' profile fields, which releases leave live.
/// </summary>
public sealed class ApiQueries(ConferenceDbContext db, ReleaseSnapshots snapshots, ProgramQueries program, MarkdownRenderer markdown)
{
    /// <summary>Lists the conferences that have a release, by start date then slug.</summary>
    public async Task<IReadOnlyList<ConferenceSummary>> ListConferencesAsync(ApiLinks links, CancellationToken cancellationToken)
    {
        var rows = await LatestReleases(db.Conferences.AsNoTracking()).ToListAsync(cancellationToken);
        var published = rows.Where(r => r.Release is not null).ToList();
        var loaded = await snapshots.GetAsync([.. published.Select(r => r.Release!.Id)], cancellationToken);

        return [.. published
            .Where(r => loaded.ContainsKey(r.Release!.Id))
            .Select(r => new PublishedProgram(r.Slug, r.Release!, loaded[r.Release!.Id]))
            .OrderBy(p => p.Snapshot.Conference.StartDate)
            .ThenBy(p => p.Slug, StringComparer.Ordinal)
            .Select(p => p.Summary(links))];
    }

    /// <summary>Returns the conference's latest release, or null when there is no such conference or it has no release.</summary>
    public async Task<PublishedProgram?> FindAsync(string slug, CancellationToken cancellationToken)
    {
        var row = await LatestReleases(db.Conferences.AsNoTracking().Where(c => c.Slug == slug)).FirstOrDefaultAsync(cancellationToken);
        if (row?.Release is null)
        {
            return null;
        }

        var snapshot = await snapshots.GetAsync(row.Release.Id, cancellationToken);
        return snapshot is null ? null : new PublishedProgram(row.Slug, row.Release, snapshot) { ConferenceId = row.Id };
    }

    /// <summary>Builds every speaker of the release with the live profiles, loaded in one query.</summary>
    public async Task<IReadOnlyList<SpeakerItem>> SpeakersAsync(PublishedProgram published, ApiProgram items, CancellationToken cancellationToken)
    {
        var profiles = await program.LiveProfilesAsync(published.ConferenceId, null, cancellationToken);
        return [.. items.SpeakersById().Select(s => Speaker(items, s, profiles.GetValueOrDefault(s.Id)))];
    }

    /// <summary>Builds the speaker with the live profile, or returns null when the speaker is not in the release.</summary>
    public async Task<SpeakerItem?> SpeakerAsync(PublishedProgram published, ApiProgram items, string speakerSlug, CancellationToken cancellationToken)
    {
        var speaker = items.FindSpeaker(speakerSlug);
        if (speaker is null)
        {
            return null;
        }

        var profiles = await program.LiveProfilesAsync(published.ConferenceId, speaker.Id, cancellationToken);
        return Speaker(items, speaker, profiles.GetValueOrDefault(speaker.Id));
    }

    private SpeakerItem Speaker(ApiProgram items, SnapshotSpeaker speaker, LiveProfile? profile) =>
        items.Speaker(speaker, profile, profile?.Bio is null ? null : markdown.ToHtml(profile.Bio));

    private IQueryable<ConferenceRelease> LatestReleases(IQueryable<Conference> conferences) =>
        conferences.Select(c => new ConferenceRelease(
            c.Id,
            c.Slug,
            db.Releases.Where(r => r.ConferenceId == c.Id)
                .OrderByDescending(r => r.Id)
                .Select(r => new ReleaseRow(r.Id, r.Name, r.PublishedAtUtc))
                .FirstOrDefault()));

    private sealed record ConferenceRelease(int Id, string Slug, ReleaseRow? Release);
}

/// <summary>A release's id, name and publication time.</summary>
public sealed record ReleaseRow(int Id, string Name, DateTime PublishedAtUtc);

/// <summary>A conference's latest release: its snapshot with the live conference slug.</summary>
public sealed record PublishedProgram(string Slug, ReleaseRow Release, ProgramSnapshot Snapshot)
{
    public int ConferenceId { get; init; }

    public ApiRelease ApiRelease => new(Release.Name, ApiProgram.TimeOf(Release.PublishedAtUtc, Snapshot.Conference.TimeZoneId));

    public ConferenceSummary Summary(ApiLinks links)
    {
        var c = Snapshot.Conference;
        return new ConferenceSummary(Slug, c.Name, c.Venue, c.TimeZoneId, c.StartDate, c.EndDate, ApiRelease,
            links.ProgramPage(Slug), links.Conference(Slug));
    }

    public ConferenceDetail Detail(ApiLinks links)
    {
        var c = Snapshot.Conference;
        var conferenceLinks = new ConferenceLinks(
            links.ProgramPage(Slug),
            links.ChangesPage(Slug),
            links.List(Slug, "sessions"),
            links.List(Slug, "talks"),
            links.List(Slug, "speakers"),
            links.List(Slug, "rooms"));
        return new ConferenceDetail(Slug, c.Name, c.Venue, c.TimeZoneId, c.StartDate, c.EndDate, c.SampleNote, ApiRelease,
            links.ProgramPage(Slug), links.Conference(Slug), conferenceLinks);
    }
}
