using ConferenceApp.Data;
using ConferenceApp.Domain;
using ConferenceApp.Features.Organize.Conflicts;
using ConferenceApp.Features.Program;
using Microsoft.EntityFrameworkCore;

namespace ConferenceApp.Features.Organize.Releases;

/// <summary>
/// Publishes the draft program as a new release: freezes the draft into a snapshot, compares it
/// with the latest release, and adds the release in one save, so the public pages switch to it at once.
/// </summary>
public sealed class PublishOperation(
    ConferenceDbContext db,
    SnapshotReader reader,
    ReleaseSnapshots snapshots,
    ConflictQueries conflicts,
    MovedTalkMailer movedTalkMailer,
    ChangeSaver saver,
    IAuditActor actor,
    TimeProvider time,
    ILogger<PublishOperation> logger)
{
    public async Task<ChangeResult> PublishAsync(OrganizeConference conference, PublishRequest request, CancellationToken cancellationToken)
    {
        var draft = await reader.ReadAsync(conference.Id, cancellationToken);
        if (draft is null)
        {
            return ChangeResult.NotFound();
        }

        var previous = await db.Releases.AsNoTracking()
            .Where(r => r.ConferenceId == conference.Id)
            .OrderByDescending(r => r.Id)
            .Select(r => new { r.Id, r.Name })
            .FirstOrDefaultAsync(cancellationToken);
        var names = await db.Releases.AsNoTracking().Where(r => r.ConferenceId == conference.Id).Select(r => r.Name).ToListAsync(cancellationToken);
        var conflictCount = (await conflicts.ListAsync(conference, cancellationToken))?.Conflicts.Count ?? 0;

        // A confirmation covers the conflicts the organizer saw. New ones since then need a look first.
        var confirmed = request.ConflictsConfirmed && request.ConfirmedConflictCount == conflictCount;
        var errors = new List<FieldError>();
        if (request.ConflictsConfirmed && !confirmed && conflictCount > 0)
        {
            errors.Add(new FieldError(nameof(PublishForm.ConflictsConfirmed),
                $"The number of conflicts changed from {request.ConfirmedConflictCount} to {conflictCount} while you were on this page. Check them below and confirm again."));
        }

        var details = new ReleaseDetails(conference.Id, request.Name, request.Comment, time.GetUtcNow().UtcDateTime, actor.Name, conflictCount, confirmed);
        Release? release = null;
        DomainSteps.Run(errors, () => release = Release.Create(details, names, draft));
        if (release is null || errors.Count > 0)
        {
            return ChangeResult.Invalid(errors.DistinctBy(e => e.Field).ToList());
        }

        var before = previous is null ? null : await snapshots.GetAsync(previous.Id, cancellationToken);
        var changes = ReleaseDiff.Compare(before?.ToReleasedItems() ?? [], draft.ToReleasedItems());
        var movedTalks = changes.Where(c => c.Kind == ReleaseChangeKind.Moved && ReleaseChangeList.TalkIdOf(c.Key) is not null).ToList();

        // The mailer adds outbox rows without saving, so the emails are committed with the release or not at all.
        var publishedAt = new DateTimeOffset(DateTime.SpecifyKind(release.PublishedAtUtc, DateTimeKind.Utc));
        await movedTalkMailer.QueueAsync(conference.Id, release.Name, publishedAt, movedTalks, cancellationToken);

        db.Releases.Add(release);
        var duplicate = new FieldError(nameof(PublishForm.Name), $"A release named \"{release.Name}\" was published while you were on this page; choose another version name.");
        var result = await saver.SaveAsync(duplicate, cancellationToken);
        if (result.Outcome == ChangeOutcome.Saved)
        {
            logger.LogInformation(
                "Published release {ReleaseId} \"{ReleaseName}\" of conference {ConferenceId} with {ChangeCount} changes ({MovedTalkCount} moved talks) and {ConflictCount} conflicts",
                release.Id, release.Name, conference.Id, changes.Count, movedTalks.Count, conflictCount);
        }

        return result with { Id = release.Id };
    }
}
