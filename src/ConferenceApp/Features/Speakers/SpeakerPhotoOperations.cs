using ConferenceApp.Data;
using ConferenceApp.Domain;
using ConferenceApp.Features.Organize;
using ConferenceApp.Infrastructure.Images;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ConferenceApp.Features.Speakers;

/// <summary>
/// Replaces and removes speakers' photos, for the speakers themselves (who are bound by the photo
/// lock) and for organizers. The renditions, the removal of the old rows and the speaker's new
/// photo hash are saved together.
/// </summary>
public sealed class SpeakerPhotoOperations(
    ConferenceDbContext db,
    ChangeSaver saver,
    IOptions<SpeakerPhotoOptions> options,
    ILogger<SpeakerPhotoOperations> logger)
{
    /// <summary>The form field of the photo file, which errors are reported on.</summary>
    public const string Field = "Photo";

    public async Task<ChangeResult> ReplaceAsync(int conferenceId, int speakerId, IFormFile? file, bool bySpeaker, CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0)
        {
            return ChangeResult.Invalid(Field, "Choose a JPEG, PNG or WebP file to upload.");
        }

        var speaker = await db.Speakers.OfConference(conferenceId).FirstOrDefaultAsync(s => s.Id == speakerId, cancellationToken);
        if (speaker is null)
        {
            return ChangeResult.NotFound();
        }

        ProcessedPhoto photo;
        try
        {
            photo = PhotoProcessor.Process(await ReadAsync(file, cancellationToken), file.FileName, options.Value.MaxPhotoBytes);
        }
        catch (PhotoRejectedException exception)
        {
            logger.LogInformation("Rejected a photo for speaker {SpeakerId} ({FileName}, {Length} bytes): {Reason}",
                speakerId, file.FileName, file.Length, exception.Message);
            return ChangeResult.Invalid(Field, exception.Message);
        }

        var errors = new List<FieldError>();
        DomainSteps.Run(errors, () => speaker.SetPhoto(photo.ContentHash, bySpeaker));
        if (errors.Count > 0)
        {
            return ChangeResult.Invalid(errors);
        }

        await RemoveRenditionsAsync(speakerId, cancellationToken);
        foreach (var (size, bytes) in photo.Renditions)
        {
            db.SpeakerPhotos.Add(new SpeakerPhoto { ConferenceId = conferenceId, SpeakerId = speakerId, Size = size, ContentHash = photo.ContentHash, Bytes = bytes });
        }

        var result = await saver.SaveAsync(null, cancellationToken);
        if (result.Outcome == ChangeOutcome.Saved)
        {
            logger.LogInformation("Stored photo {PhotoHash} of speaker {SpeakerId} (by the speaker: {BySpeaker})", photo.ContentHash, speakerId, bySpeaker);
        }

        return result;
    }

    public async Task<ChangeResult> RemoveAsync(int conferenceId, int speakerId, bool bySpeaker, CancellationToken cancellationToken)
    {
        var speaker = await db.Speakers.OfConference(conferenceId).FirstOrDefaultAsync(s => s.Id == speakerId, cancellationToken);
        if (speaker is null)
        {
            return ChangeResult.NotFound();
        }

        var errors = new List<FieldError>();
        DomainSteps.Run(errors, () => speaker.SetPhoto(null, bySpeaker));
        if (errors.Count > 0)
        {
            return ChangeResult.Invalid(errors);
        }

        await RemoveRenditionsAsync(speakerId, cancellationToken);
        var result = await saver.SaveAsync(null, cancellationToken);
        if (result.Outcome == ChangeOutcome.Saved)
        {
            logger.LogInformation("Removed the photo of speaker {SpeakerId} (by the speaker: {BySpeaker})", speakerId, bySpeaker);
        }

        return result;
    }

    private async Task RemoveRenditionsAsync(int speakerId, CancellationToken cancellationToken)
    {
        var old = await db.SpeakerPhotos.Where(p => p.SpeakerId == speakerId).ToListAsync(cancellationToken);
        db.SpeakerPhotos.RemoveRange(old);
    }

    // The request limit already bounds the length, so the whole file fits in memory.
    private static async Task<byte[]> ReadAsync(IFormFile file, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }
}
