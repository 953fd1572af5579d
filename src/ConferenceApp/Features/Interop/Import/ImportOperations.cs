using System.Globalization;
using ConferenceApp.Data;
using ConferenceApp.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ConferenceApp.Features.Interop.Import;

/// <summary>The preview of one stored upload: its plan, shown before the organizer confirms it.</summary>
public sealed record ImportPreview(Guid Token, string FileName, string FormatLabel, ImportPlan Plan, string Fingerprint);

/// <summary>The outcome of reading a stored upload: a preview, or the message of why there is none.</summary>
public sealed record PreviewResult(ImportPreview? Preview, string? Error, bool NotFound = false);

public enum ApplyOutcome
{
    Applied,
    PlanChanged,
    Failed,
    NotFound,
}

/// <summary>The outcome of a confirmation. <see cref="Preview"/> is the current plan after PlanChanged or Failed.</summary>
public sealed record ApplyResult(ApplyOutcome Outcome, ImportPreview? Preview, string? Message);

/// <summary>
/// Stores uploads, builds their preview, and applies a confirmed preview. Nothing changes the
/// draft before the confirmation, and the confirmation re-plans against the draft as it is then.
/// </summary>
public sealed class ImportOperations(
    ConferenceDbContext db,
    ImportDraftReader draftReader,
    ImportApplier applier,
    ImportConfirmations confirmations,
    TimeProvider time,
    IOptions<ImportOptions> options,
    ILogger<ImportOperations> logger)
{
    /// <summary>Stores the file for an hour and deletes the uploads older than that. Returns the token that names it.</summary>
    public async Task<Guid> StoreAsync(int conferenceId, ImportFormat format, string fileName, byte[] content, string uploadedBy, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var cutoff = now - ImportUpload.Lifetime;
        var expired = await db.ImportUploads.Where(u => u.UploadedAtUtc < cutoff).ExecuteDeleteAsync(cancellationToken);

        var upload = ImportUpload.Create(conferenceId, format.Value, fileName, content, uploadedBy, now);
        db.ImportUploads.Add(upload);
        await db.SaveChangesAsync(cancellationToken);

        logger.LogInformation("Stored import upload {UploadId} ({Format}, {Length} bytes, SHA-256 {Hash}) for conference {ConferenceId}; deleted {Expired} expired uploads",
            upload.Id, format.Value, content.Length, upload.ContentHash, conferenceId, expired);
        return upload.Token;
    }

    public async Task<PreviewResult> PreviewAsync(int conferenceId, Guid token, string user, CancellationToken cancellationToken)
    {
        var upload = await FindAsync(conferenceId, token, user, cancellationToken);
        if (upload is null)
        {
            return new PreviewResult(null, null, NotFound: true);
        }

        if (upload.IsExpired(time.GetUtcNow().UtcDateTime))
        {
            return new PreviewResult(null, "This upload is more than an hour old and has expired. Upload the file again.");
        }

        return await PlanAsync(upload, cancellationToken);
    }

    /// <summary>
    /// Applies the upload when its plan still has <paramref name="fingerprint"/>. Otherwise the
    /// draft or the file changed since the preview, and the new preview is returned instead.
    /// </summary>
    public async Task<ApplyResult> ApplyAsync(int conferenceId, Guid token, string fingerprint, string user, CancellationToken cancellationToken)
    {
        var upload = await FindAsync(conferenceId, token, user, cancellationToken);
        if (upload is null)
        {
            return new ApplyResult(ApplyOutcome.NotFound, null, null);
        }

        if (upload.IsExpired(time.GetUtcNow().UtcDateTime))
        {
            return new ApplyResult(ApplyOutcome.Failed, null, "This upload is more than an hour old and has expired, so nothing was imported. Upload the file again.");
        }

        using var turn = await confirmations.EnterAsync(cancellationToken);
        var planned = await PlanAsync(upload, cancellationToken);
        if (planned.Preview is not { } preview)
        {
            return new ApplyResult(ApplyOutcome.Failed, null, planned.Error);
        }

        if (confirmations.AppliedAt(upload.Token) is { } appliedAt)
        {
            logger.LogInformation("Did not apply import upload {UploadId} again: it was applied at {AppliedAt:u}", upload.Id, appliedAt);
            return new ApplyResult(ApplyOutcome.PlanChanged, preview,
                string.Create(CultureInfo.InvariantCulture, $"This file was already imported at {appliedAt:HH:mm} UTC, so nothing was imported again. This is what importing it once more would do to the program as it is now."));
        }

        if (!string.Equals(preview.Fingerprint, fingerprint, StringComparison.Ordinal))
        {
            logger.LogInformation("Did not apply import upload {UploadId}: the plan changed since the preview", upload.Id);
            return new ApplyResult(ApplyOutcome.PlanChanged, preview, PlanChangedMessage);
        }

        var failure = await applier.ApplyAsync(conferenceId, preview.Plan, cancellationToken);
        if (failure is not null)
        {
            logger.LogWarning("Import upload {UploadId} into conference {ConferenceId} failed and was rolled back: {Reason}", upload.Id, conferenceId, failure.Message);
            if (failure.IsUniqueViolation && (await PlanAsync(upload, cancellationToken)).Preview is { } current)
            {
                return new ApplyResult(ApplyOutcome.PlanChanged, current, PlanChangedMessage);
            }

            return new ApplyResult(ApplyOutcome.Failed, preview, $"Nothing was imported: {failure.Message}");
        }

        confirmations.MarkApplied(upload.Token, time.GetUtcNow().UtcDateTime);
        logger.LogInformation("Imported upload {UploadId} into conference {ConferenceId}: {Created} created, {Updated} updated, {Rejected} rejected",
            upload.Id, conferenceId, preview.Plan.Count(ImportAction.Create), preview.Plan.Count(ImportAction.Update), preview.Plan.Count(ImportAction.Rejected));
        return new ApplyResult(ApplyOutcome.Applied, preview, null);
    }

    private const string PlanChangedMessage =
        "The conference changed since the preview, so nothing was imported yet. This is the plan against the program as it is now; confirm again to apply it.";

    // An upload is only visible in its own conference and to the organizer who made it.
    private Task<ImportUpload?> FindAsync(int conferenceId, Guid token, string user, CancellationToken cancellationToken) =>
        db.ImportUploads.AsNoTracking()
            .FirstOrDefaultAsync(u => u.Token == token && u.ConferenceId == conferenceId && u.UploadedBy == user, cancellationToken);

    private async Task<PreviewResult> PlanAsync(ImportUpload upload, CancellationToken cancellationToken)
    {
        var format = ImportFormats.Find(upload.Format);
        var draft = await draftReader.ReadAsync(upload.ConferenceId, cancellationToken);
        if (format is null || draft is null)
        {
            return new PreviewResult(null, null, NotFound: true);
        }

        ImportedProgram program;
        try
        {
            using var content = new MemoryStream(upload.Content, writable: false);
            program = format.Parse(content, draft.TimeZoneId);
        }
        catch (ImportFileException exception)
        {
            logger.LogInformation("Could not read import upload {UploadId} as {Format}: {Reason}", upload.Id, format.Value, exception.Message);
            return new PreviewResult(null, exception.Message);
        }

        if (TooManyItems(program) is { } tooMany)
        {
            logger.LogInformation("Did not plan import upload {UploadId}: {Reason}", upload.Id, tooMany);
            return new PreviewResult(null, tooMany);
        }

        var plan = ImportPlanner.Plan(program, draft);
        return new PreviewResult(new ImportPreview(upload.Token, upload.FileName, format.Label, plan, plan.Fingerprint()), null);
    }

    private string? TooManyItems(ImportedProgram program)
    {
        var max = options.Value.MaxItems;
        var events = program.Events.Count + program.Rejections.Count(r => r.Kind is ImportItemKind.Session or ImportItemKind.Talk);
        var limit = max.ToString("N0", CultureInfo.InvariantCulture);
        if (events > max)
        {
            return $"The file has {events.ToString("N0", CultureInfo.InvariantCulture)} sessions and talks, more than the limit of {limit} for one import, so none of it can be imported. Split it into smaller files, or ask the operator to raise {ImportOptions.Section}:MaxItems.";
        }

        if (program.Speakers.Count > max)
        {
            return $"The file has {program.Speakers.Count.ToString("N0", CultureInfo.InvariantCulture)} speakers, more than the limit of {limit} for one import, so none of it can be imported. Split it into smaller files, or ask the operator to raise {ImportOptions.Section}:MaxItems.";
        }

        return null;
    }
}
