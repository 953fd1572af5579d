using ConferenceApp.Data;
using ConferenceApp.Domain;
using ConferenceApp.Features.Organize.Releases;
using ConferenceApp.Infrastructure.Text;
using Microsoft.EntityFrameworkCore;

namespace ConferenceApp.Features.Program;

/// <summary>
/// The public read side. Every page shows the conference's latest release: one query finds it,
/// its snapshot comes from <see cref="ReleaseSnapshots"/> (one more query when not cached), and
/// pages that show speaker profiles add one query for the live profile fields. Nothing is tracked.
/// </summary>
public sealed class ProgramQueries(ConferenceDbContext db, ReleaseSnapshots snapshots, SnapshotReader drafts, MarkdownRenderer markdown)
{
    /// <summary>
    /// Returns the slug of the conference that "/" leads to: the one running today, else the
    /// next to start, else the one that ended last. Null when there is no conference.
    /// </summary>
    /// <summary>Returns whether a conference has this slug, compared exactly.</summary>
    public Task<bool> ExistsAsync(string slug, CancellationToken cancellationToken) =>
        db.Conferences.AnyAsync(c => c.Slug == slug, cancellationToken);

    public async Task<string?> FindCurrentSlugAsync(DateOnly todayUtc, CancellationToken cancellationToken)
    {
        var conferences = await db.Conferences.AsNoTracking()
            .Select(c => new { c.Slug, c.StartDate, c.EndDate })
            .ToListAsync(cancellationToken);

        // Comparing UTC dates is off by at most a day at either end of a conference, which is
        // acceptable for choosing a default page.
        var running = conferences.Where(c => c.StartDate <= todayUtc && c.EndDate >= todayUtc).MinBy(c => c.StartDate);
        var next = conferences.Where(c => c.StartDate > todayUtc).MinBy(c => c.StartDate);
        var last = conferences.Where(c => c.EndDate < todayUtc).MaxBy(c => c.EndDate);
        return (running ?? next ?? last)?.Slug;
    }

    /// <summary>
    /// Returns the conference with its latest release, or null when there is no such conference.
    /// <see cref="PublishedConference.Pages"/> is null while nothing is published.
    /// </summary>
    public async Task<PublishedConference?> FindPublishedAsync(string slug, CancellationToken cancellationToken)
    {
        var conference = await db.Conferences.AsNoTracking()
            .Where(c => c.Slug == slug)
            .Select(c => new
            {
                Header = new ConferenceHeader(c.Id, c.Slug, c.Name, c.Venue, c.TimeZoneId, c.StartDate, c.EndDate, c.SampleNote),
                LatestReleaseId = db.Releases.Where(r => r.ConferenceId == c.Id).OrderByDescending(r => r.Id).Select(r => (int?)r.Id).FirstOrDefault(),
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (conference is null)
        {
            return null;
        }

        var snapshot = conference.LatestReleaseId is { } releaseId ? await snapshots.GetAsync(releaseId, cancellationToken) : null;
        var pages = snapshot is null ? null : new SnapshotPages(conference.Header.Id, conference.Header.Slug, snapshot);
        return new PublishedConference(pages?.Header ?? conference.Header, conference.LatestReleaseId, pages);
    }

    /// <summary>Returns the program page, which shows that nothing is published yet when there is no release.</summary>
    public async Task<ProgramPage?> GetProgramAsync(string conferenceSlug, CancellationToken cancellationToken)
    {
        var conference = await FindPublishedAsync(conferenceSlug, cancellationToken);
        if (conference is null)
        {
            return null;
        }

        return conference.Pages?.Program() ?? new ProgramPage(conference.Header, []) { IsPublished = false };
    }

    public async Task<SpeakerListPage?> GetSpeakersAsync(string conferenceSlug, CancellationToken cancellationToken)
    {
        var conference = await FindPublishedAsync(conferenceSlug, cancellationToken);
        if (conference is null)
        {
            return null;
        }

        if (conference.Pages is null)
        {
            return new SpeakerListPage(conference.Header, []);
        }

        var profiles = await LiveProfilesAsync(conference.Header.Id, null, cancellationToken);
        return conference.Pages.Speakers(profiles);
    }

    /// <summary>Returns the speaker's page as published, or null when the speaker is not in the latest release.</summary>
    public async Task<SpeakerPage?> GetSpeakerAsync(string conferenceSlug, string speakerSlug, CancellationToken cancellationToken)
    {
        var conference = await FindPublishedAsync(conferenceSlug, cancellationToken);
        return conference?.Pages is null ? null : await SpeakerPageAsync(conference.Pages, speakerSlug, cancellationToken);
    }

    /// <summary>
    /// Returns the speaker's page built from the draft, as the speaker's own area shows it, so
    /// that speakers see their talks as organizers have set them even before the next release.
    /// </summary>
    public async Task<SpeakerPage?> GetDraftSpeakerAsync(int conferenceId, string conferenceSlug, string speakerSlug, CancellationToken cancellationToken)
    {
        var draft = await drafts.ReadAsync(conferenceId, cancellationToken);
        return draft is null ? null : await SpeakerPageAsync(new SnapshotPages(conferenceId, conferenceSlug, draft), speakerSlug, cancellationToken);
    }

    /// <summary>Returns the speaker's page built from <paramref name="pages"/>, with the live profile, or null when the speaker is not in it.</summary>
    public async Task<SpeakerPage?> SpeakerPageAsync(SnapshotPages pages, string speakerSlug, CancellationToken cancellationToken)
    {
        var speaker = pages.FindSpeaker(speakerSlug);
        if (speaker is null)
        {
            return null;
        }

        var profile = (await LiveProfilesAsync(pages.Header.Id, speaker.Id, cancellationToken)).GetValueOrDefault(speaker.Id);
        return pages.Speaker(speaker, profile, markdown.ToHtml(profile?.Bio)) with { BioText = MarkdownRenderer.ToPlainText(profile?.Bio) };
    }

    /// <summary>Returns the talk's page as published, or null when the talk is not in the latest release.</summary>
    public async Task<TalkPage?> GetTalkAsync(string conferenceSlug, string talkSlug, CancellationToken cancellationToken)
    {
        var conference = await FindPublishedAsync(conferenceSlug, cancellationToken);
        return conference?.Pages?.Talk(talkSlug);
    }

    /// <summary>Loads the profile fields that releases leave live, of one speaker or of all when <paramref name="speakerId"/> is null.</summary>
    public async Task<Dictionary<int, LiveProfile>> LiveProfilesAsync(int conferenceId, int? speakerId, CancellationToken cancellationToken)
    {
        var query = db.Speakers.AsNoTracking().OfConference(conferenceId);
        if (speakerId is { } id)
        {
            query = query.Where(s => s.Id == id);
        }

        var rows = await query
            .Select(s => new { s.Id, s.Headline, s.Bio, s.PhotoHash, s.WebsiteUrl, s.LinkedInUrl, s.GitHubUrl, s.MastodonUrl, s.XUrl })
            .ToListAsync(cancellationToken);

        return rows.ToDictionary(
            s => s.Id,
            s => new LiveProfile(s.Id, s.Headline, s.Bio, s.PhotoHash, new SpeakerLinks(s.WebsiteUrl, s.LinkedInUrl, s.GitHubUrl, s.MastodonUrl, s.XUrl)));
    }
}

/// <summary>A conference and the pages of its latest release; <see cref="Pages"/> and <see cref="LatestReleaseId"/> are null before the first release.</summary>
public sealed record PublishedConference(ConferenceHeader Header, int? LatestReleaseId, SnapshotPages? Pages);
