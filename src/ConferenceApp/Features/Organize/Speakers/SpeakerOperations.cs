using ConferenceApp.Data;
using ConferenceApp.Domain;
using Microsoft.EntityFrameworkCore;

namespace ConferenceApp.Features.Organize.Speakers;

/// <summary>Creates, changes and deletes the speakers of a conference.</summary>
public sealed class SpeakerOperations(ConferenceDbContext db, ChangeSaver saver, ILogger<SpeakerOperations> logger)
{
    /// <summary>Creates a speaker. An empty slug is made from the name and written back to the form.</summary>
    public async Task<ChangeResult> CreateAsync(int conferenceId, SpeakerForm form, CancellationToken cancellationToken)
    {
        form.Slug = await SlugMaker.ChooseAsync(form.Slug, form.Name, "speaker",
            slug => db.Speakers.OfConference(conferenceId).AnyAsync(s => s.Slug == slug, cancellationToken));

        var errors = new List<FieldError>();
        Speaker? speaker = null;
        DomainSteps.Run(errors, () => speaker = Speaker.Create(conferenceId, Details(form)));
        DomainSteps.Run(errors, () => speaker?.SetLinks(form.Links));
        var availability = await ParseAvailabilityAsync(conferenceId, form, errors, cancellationToken);
        FormRules.CheckSampleNote(errors, form.SampleNote);
        if (speaker is null || availability is null || errors.Count > 0)
        {
            return ChangeResult.Invalid(errors);
        }

        speaker.SetAvailability(availability, bySpeaker: false);

        speaker.MarkSample(form.SampleNote);
        speaker.LockFields(form.LockedFields);
        return await SaveAsync(speaker, isNew: true, cancellationToken);
    }

    public async Task<ChangeResult> UpdateAsync(int conferenceId, int id, SpeakerForm form, CancellationToken cancellationToken)
    {
        var speaker = await db.Speakers.OfConference(conferenceId).FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (speaker is null)
        {
            return await saver.WasDeletedAsync(conferenceId, nameof(Speaker), id, cancellationToken) ? ChangeResult.Gone() : ChangeResult.NotFound();
        }

        saver.ExpectVersion(speaker, form.Version);

        var errors = new List<FieldError>();
        DomainSteps.Run(errors, () => speaker.Update(Details(form)));
        DomainSteps.Run(errors, () => speaker.SetLinks(form.Links));
        var availability = await ParseAvailabilityAsync(conferenceId, form, errors, cancellationToken);
        FormRules.CheckSampleNote(errors, form.SampleNote);
        if (availability is null || errors.Count > 0)
        {
            return ChangeResult.Invalid(errors);
        }

        speaker.SetAvailability(availability, bySpeaker: false);

        speaker.MarkSample(form.SampleNote);
        speaker.LockFields(form.LockedFields);
        return await SaveAsync(speaker, isNew: false, cancellationToken);
    }

    /// <summary>Deletes the speaker. The foreign keys remove their talk and session links and keep the talks and sessions.</summary>
    public async Task<ChangeResult> DeleteAsync(int conferenceId, int id, Guid version, CancellationToken cancellationToken)
    {
        var speaker = await db.Speakers.OfConference(conferenceId).FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (speaker is null)
        {
            return await saver.WasDeletedAsync(conferenceId, nameof(Speaker), id, cancellationToken) ? ChangeResult.Gone() : ChangeResult.NotFound();
        }

        saver.ExpectVersion(speaker, version);
        db.Speakers.Remove(speaker);

        var result = await saver.SaveAsync(null, cancellationToken);
        if (result.Outcome == ChangeOutcome.Saved)
        {
            logger.LogInformation("Deleted speaker {SpeakerId} of conference {ConferenceId}", id, conferenceId);
        }

        return result;
    }

    /// <summary>Reads the typed availability against the conference's days and zone; null with errors added when a line is invalid.</summary>
    private async Task<Availability?> ParseAvailabilityAsync(int conferenceId, SpeakerForm form, List<FieldError> errors, CancellationToken cancellationToken)
    {
        var conference = await db.Conferences.AsNoTracking().FirstAsync(c => c.Id == conferenceId, cancellationToken);
        return AvailabilityInput.Parse(form.Availability, conference, nameof(SpeakerForm.Availability), errors);
    }

    private static SpeakerDetails Details(SpeakerForm form) => new(form.Slug, form.Name, form.Headline, form.Bio);

    private async Task<ChangeResult> SaveAsync(Speaker speaker, bool isNew, CancellationToken cancellationToken)
    {
        var duplicate = new FieldError(nameof(SpeakerForm.Slug), $"Another speaker of this conference already uses the URL name \"{speaker.Slug}\"; choose another.");
        if (await db.Speakers.OfConference(speaker.ConferenceId).AnyAsync(s => s.Slug == speaker.Slug && s.Id != speaker.Id, cancellationToken))
        {
            return ChangeResult.Invalid([duplicate]);
        }

        if (isNew)
        {
            db.Speakers.Add(speaker);
        }

        var result = await saver.SaveAsync(duplicate, cancellationToken);
        if (result.Outcome == ChangeOutcome.Saved)
        {
            logger.LogInformation("Saved speaker {SpeakerId} of conference {ConferenceId}", speaker.Id, speaker.ConferenceId);
        }

        return result with { Id = speaker.Id };
    }
}
