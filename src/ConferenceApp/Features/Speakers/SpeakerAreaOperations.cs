using ConferenceApp.Data;
using ConferenceApp.Domain;
using ConferenceApp.Features.Organize;
using Microsoft.EntityFrameworkCore;

namespace ConferenceApp.Features.Speakers;

/// <summary>The changes a speaker makes to their own profile and talks. Each takes an <see cref="OwnSpeaker"/> that <see cref="SpeakerAccess"/> has checked.</summary>
public sealed class SpeakerAreaOperations(ConferenceDbContext db, ChangeSaver saver, ILogger<SpeakerAreaOperations> logger)
{
    /// <summary>Saves the speaker's own edit of their profile. A change to a field the organizers locked is a field error.</summary>
    public async Task<ChangeResult> UpdateProfileAsync(OwnSpeaker own, ProfileForm form, CancellationToken cancellationToken)
    {
        var speaker = await db.Speakers.OfConference(own.ConferenceId).FirstOrDefaultAsync(s => s.Id == own.SpeakerId, cancellationToken);
        if (speaker is null)
        {
            return ChangeResult.Gone();
        }

        saver.ExpectVersion(speaker, form.Version);

        var errors = new List<FieldError>();
        DomainSteps.Run(errors, () => speaker.UpdateBySpeaker(form.Name, form.Headline, form.Bio, form.Links));
        await SetAvailabilityAsync(speaker, form.Availability, errors, cancellationToken);
        if (errors.Count > 0)
        {
            return ChangeResult.Invalid(errors);
        }

        var result = await saver.SaveAsync(null, cancellationToken);
        if (result.Outcome == ChangeOutcome.Saved)
        {
            logger.LogInformation("Speaker {SpeakerId} of conference {ConferenceId} saved their profile", own.SpeakerId, own.ConferenceId);
        }

        return result;
    }

    /// <summary>
    /// Parses and sets the speaker's own availability. While the organizers have locked it, any
    /// change is one lock error, also when the typed text does not parse.
    /// </summary>
    private async Task SetAvailabilityAsync(Speaker speaker, string? text, List<FieldError> errors, CancellationToken cancellationToken)
    {
        var conference = await db.Conferences.AsNoTracking().FirstAsync(c => c.Id == speaker.ConferenceId, cancellationToken);
        var parsed = AvailabilityParser.Parse(text, conference);
        if (parsed.Availability is null && speaker.LockedFields.HasFlag(SpeakerFields.Availability))
        {
            errors.Add(new FieldError(nameof(ProfileForm.Availability), Speaker.LockedMessage("availability")));
            return;
        }

        if (parsed.Availability is null)
        {
            errors.AddRange(parsed.Errors.Select(message => new FieldError(nameof(ProfileForm.Availability), message)));
            return;
        }

        DomainSteps.Run(errors, () => speaker.SetAvailability(parsed.Availability, bySpeaker: true));
    }

    /// <summary>
    /// Saves the speaker's new title and abstract of one of their talks. Returns NotFound for a
    /// talk that is not theirs, and a form error while the conference does not allow the edit.
    /// </summary>
    public async Task<ChangeResult> UpdateTalkAsync(OwnSpeaker own, int talkId, TalkForm form, CancellationToken cancellationToken)
    {
        var talk = await db.Talks.OfConference(own.ConferenceId)
            .Where(t => t.Id == talkId && t.Speakers.Any(ts => ts.SpeakerId == own.SpeakerId))
            .FirstOrDefaultAsync(cancellationToken);
        if (talk is null)
        {
            return ChangeResult.NotFound();
        }

        // Read again at save time: the organizers may have turned the setting off since the page was rendered.
        var allowed = await db.Conferences.AsNoTracking().Where(c => c.Id == own.ConferenceId).Select(c => c.SpeakersMayEditTalks).FirstOrDefaultAsync(cancellationToken);
        if (!allowed)
        {
            return ChangeResult.Invalid("", TalkEditClosed);
        }

        saver.ExpectVersion(talk, form.Version);

        var errors = new List<FieldError>();
        DomainSteps.Run(errors, () => talk.Update(talk.Slug, form.Title, form.Abstract));
        if (errors.Count > 0)
        {
            return ChangeResult.Invalid(errors);
        }

        var result = await saver.SaveAsync(null, cancellationToken);
        if (result.Outcome == ChangeOutcome.Saved)
        {
            logger.LogInformation("Speaker {SpeakerId} saved talk {TalkId} of conference {ConferenceId}", own.SpeakerId, talkId, own.ConferenceId);
        }

        return result;
    }

    public const string TalkEditClosed =
        "The organizers do not let speakers edit their talks at the moment, so nothing was saved. Ask them if a title or abstract needs a change.";
}
