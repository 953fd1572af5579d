using System.Globalization;
using ConferenceApp.Data;
using ConferenceApp.Domain;
using ConferenceApp.Infrastructure;
using ConferenceApp.Infrastructure.Calendar;
using ConferenceApp.Infrastructure.Email;
using Microsoft.EntityFrameworkCore;

namespace ConferenceApp.Features.Organize.Releases;

/// <summary>
/// Queues one email per speaker whose talks a release moved. The messages go into the outbox of
/// the caller's DbContext, so the publishing operation's single save commits them together with
/// the release.
/// </summary>
public sealed class MovedTalkMailer(
    ConferenceDbContext db,
    EmailOutbox outbox,
    IConfiguration configuration,
    ILogger<MovedTalkMailer> logger)
{
    private const string TalkKeyPrefix = "talk:";

    /// <summary>
    /// Adds the emails for the talks in <paramref name="moved"/> to the context without saving.
    /// Changes of another kind or of a session item are ignored. Speakers without an email
    /// address (neither an account nor an open invitation) are skipped and logged.
    /// </summary>
    /// <param name="publishedAt">The release's publication instant, which sets DTSTAMP and SEQUENCE as the calendar exports of the release set them.</param>
    public async Task QueueAsync(int conferenceId, string releaseName, DateTimeOffset publishedAt, IReadOnlyList<ReleaseChange> moved, CancellationToken cancellationToken)
    {
        var talks = MovedTalks(moved);
        if (talks.Count == 0)
        {
            return;
        }

        var conference = await db.Conferences
            .Where(c => c.Id == conferenceId)
            .Select(c => new { c.Slug, Details = new MovedTalkConference(c.Name, c.TimeZoneId, c.Venue) })
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new InvalidOperationException($"Conference {conferenceId} does not exist.");

        var speakerIds = talks.SelectMany(t => t.Change.SpeakerIds).Distinct().ToList();
        var speakers = await LoadSpeakersAsync(conferenceId, speakerIds, cancellationToken);

        // The whole conference's slugs rather than an IN list of the moved talks, which can hold more ids than SQLite takes parameters.
        var slugs = await db.Talks.OfConference(conferenceId)
            .Select(t => new { t.Id, t.Slug })
            .ToDictionaryAsync(t => t.Id, t => t.Slug, cancellationToken);

        var publicAddress = PublicUrl();
        var uidHost = IcsEventIdentity.UidHost(publicAddress);
        var sequence = IcsEventIdentity.Sequence(publishedAt);

        foreach (var speaker in speakers)
        {
            var speakerTalks = talks
                .Where(t => t.Change.SpeakerIds.Contains(speaker.Id))
                .OrderBy(t => t.Change.After!.Start)
                .ThenBy(t => t.TalkId)
                .Select(t => new MovedTalk(
                    t.TalkId,
                    t.Change.Title,
                    t.Change.Before,
                    t.Change.After!,
                    TalkPage(publicAddress, conference.Slug, slugs.GetValueOrDefault(t.TalkId))))
                .ToList();

            var address = speaker.AccountEmail ?? speaker.InvitedEmail;
            if (string.IsNullOrWhiteSpace(address))
            {
                logger.LogWarning(
                    "Speaker {SpeakerId} has no email address, so no email is sent about moved talks ({TalkCount}) in release {ReleaseName} of conference {ConferenceId}",
                    speaker.Id, speakerTalks.Count, releaseName, conferenceId);
                continue;
            }

            var message = MovedTalkEmail.Build(conference.Details, releaseName, speaker.Name, address, speakerTalks, uidHost, sequence, publishedAt);
            outbox.Enqueue(message);
            logger.LogInformation(
                "Queued an email to speaker {SpeakerId} about moved talks ({TalkCount}) in release {ReleaseName} of conference {ConferenceId}",
                speaker.Id, speakerTalks.Count, releaseName, conferenceId);
        }
    }

    /// <summary>Returns the moved talks among the changes, one per talk, each with its id.</summary>
    private static List<(int TalkId, ReleaseChange Change)> MovedTalks(IReadOnlyList<ReleaseChange> changes)
    {
        var talks = new List<(int TalkId, ReleaseChange Change)>();
        foreach (var change in changes)
        {
            if (change.Kind != ReleaseChangeKind.Moved || change.After is null
                || !change.Key.StartsWith(TalkKeyPrefix, StringComparison.Ordinal)
                || !int.TryParse(change.Key.AsSpan(TalkKeyPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var talkId))
            {
                continue;
            }

            if (talks.All(t => t.TalkId != talkId))
            {
                talks.Add((talkId, change));
            }
        }

        return talks;
    }

    /// <summary>
    /// Loads the speakers in one query, each with the email address of their account and, for
    /// speakers without one, the address of their latest invitation that was not revoked. The query
    /// reads every speaker of the conference and the requested ones are picked in memory, because an
    /// IN list of a large release's speaker ids can exceed SQLite's limit of parameters.
    /// </summary>
    private async Task<List<SpeakerAddress>> LoadSpeakersAsync(int conferenceId, List<int> speakerIds, CancellationToken cancellationToken)
    {
        var requested = speakerIds.ToHashSet();
        var all = await db.Speakers.OfConference(conferenceId)
            .OrderBy(s => s.Id)
            .Select(s => new SpeakerAddress(
                s.Id,
                s.Name,
                db.Users.Where(u => u.Id == s.UserId).Select(u => u.Email).FirstOrDefault(),
                db.SpeakerInvitations
                    .Where(i => i.SpeakerId == s.Id && i.RevokedAtUtc == null)
                    .OrderByDescending(i => i.CreatedAtUtc)
                    .Select(i => i.Email)
                    .FirstOrDefault()))
            .ToListAsync(cancellationToken);
        return [.. all.Where(s => requested.Contains(s.Id))];
    }

    private Uri? PublicUrl()
    {
        var configured = configuration[PublicAddress.Key];
        if (string.IsNullOrWhiteSpace(configured))
        {
            logger.LogWarning("{Key} is not set, so moved-talk emails carry no links to the talks' pages", PublicAddress.Key);
            return null;
        }

        // UsePublicAddress has checked at start-up that the value is an absolute http or https URL.
        return new Uri(configured.TrimEnd('/') + "/", UriKind.Absolute);
    }

    private static Uri? TalkPage(Uri? publicAddress, string conferenceSlug, string? talkSlug) =>
        publicAddress is null || talkSlug is null
            ? null
            : new Uri(publicAddress, $"{Uri.EscapeDataString(conferenceSlug)}/talks/{Uri.EscapeDataString(talkSlug)}");

    private sealed record SpeakerAddress(int Id, string Name, string? AccountEmail, string? InvitedEmail);
}
