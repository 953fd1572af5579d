using ConferenceApp.Data;
using ConferenceApp.Domain;
using Microsoft.EntityFrameworkCore;

namespace ConferenceApp.Features.Organize.TimeSlots;

/// <summary>Creates, moves and deletes time slots, from local times typed in the conference's time zone.</summary>
public sealed class TimeSlotOperations(ConferenceDbContext db, ChangeSaver saver, ILogger<TimeSlotOperations> logger)
{
    public async Task<ChangeResult> CreateAsync(int conferenceId, TimeSlotForm form, CancellationToken cancellationToken)
    {
        var conference = await db.Conferences.AsNoTracking().FirstOrDefaultAsync(c => c.Id == conferenceId, cancellationToken);
        if (conference is null)
        {
            return ChangeResult.NotFound();
        }

        var errors = new List<FieldError>();
        TimeSlot? slot = null;
        if (LocalTimes(form, errors) is var (start, end))
        {
            var domainErrors = new List<FieldError>();
            DomainSteps.Run(domainErrors, () => slot = TimeSlot.Create(conference, start, end));
            errors.AddRange(ToFormFields(domainErrors, form, conference));
        }

        FormRules.CheckSampleNote(errors, form.SampleNote);
        if (slot is null || errors.Count > 0)
        {
            return ChangeResult.Invalid(errors);
        }

        slot.MarkSample(form.SampleNote);
        db.TimeSlots.Add(slot);
        return await SaveAsync(slot, cancellationToken);
    }

    public async Task<ChangeResult> UpdateAsync(int conferenceId, int id, TimeSlotForm form, CancellationToken cancellationToken)
    {
        var slot = await db.TimeSlots.OfConference(conferenceId).FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        var conference = await db.Conferences.AsNoTracking().FirstOrDefaultAsync(c => c.Id == conferenceId, cancellationToken);
        if (slot is null || conference is null)
        {
            return await saver.WasDeletedAsync(conferenceId, nameof(TimeSlot), id, cancellationToken) ? ChangeResult.Gone() : ChangeResult.NotFound();
        }

        saver.ExpectVersion(slot, form.Version);

        var errors = new List<FieldError>();
        if (LocalTimes(form, errors) is var (start, end))
        {
            var domainErrors = new List<FieldError>();
            DomainSteps.Run(domainErrors, () => slot.Move(conference, start, end));
            errors.AddRange(ToFormFields(domainErrors, form, conference));
        }

        FormRules.CheckSampleNote(errors, form.SampleNote);
        if (errors.Count > 0)
        {
            return ChangeResult.Invalid(errors);
        }

        slot.MarkSample(form.SampleNote);
        return await SaveAsync(slot, cancellationToken);
    }

    /// <summary>Deletes the slot. Its sessions stay but leave the program (the foreign key sets null).</summary>
    public async Task<ChangeResult> DeleteAsync(int conferenceId, int id, Guid version, CancellationToken cancellationToken)
    {
        var slot = await db.TimeSlots.OfConference(conferenceId).FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (slot is null)
        {
            return await saver.WasDeletedAsync(conferenceId, nameof(TimeSlot), id, cancellationToken) ? ChangeResult.Gone() : ChangeResult.NotFound();
        }

        saver.ExpectVersion(slot, version);
        db.TimeSlots.Remove(slot);

        var result = await saver.SaveAsync(null, cancellationToken);
        if (result.Outcome == ChangeOutcome.Saved)
        {
            logger.LogInformation("Deleted time slot {SlotId} of conference {ConferenceId}", id, conferenceId);
        }

        return result;
    }

    /// <summary>
    /// Returns the local start and end from the form's day and times, or null after adding an error
    /// for each missing value. The end falls on the next day only when EndsNextDay is set.
    /// </summary>
    private static (DateTime Start, DateTime End)? LocalTimes(TimeSlotForm form, List<FieldError> errors)
    {
        if (form.Date is null)
        {
            errors.Add(new FieldError(nameof(TimeSlotForm.Date), "The day is required."));
        }

        if (form.StartTime is null)
        {
            errors.Add(new FieldError(nameof(TimeSlotForm.StartTime), "The start time is required."));
        }

        if (form.EndTime is null)
        {
            errors.Add(new FieldError(nameof(TimeSlotForm.EndTime), "The end time is required."));
        }

        if (form.Date is not { } date || form.StartTime is not { } startTime || form.EndTime is not { } endTime)
        {
            return null;
        }

        var endDate = form.EndsNextDay ? date.AddDays(1) : date;
        return (date.ToDateTime(startTime), endDate.ToDateTime(endTime));
    }

    /// <summary>
    /// Moves the domain's errors on Start and End to the form's fields. A start day outside the
    /// conference goes to Date and any other start error to StartTime. End errors go to EndTime,
    /// with a hint about the next-day box when the end time is earlier than the start time.
    /// </summary>
    private static IEnumerable<FieldError> ToFormFields(List<FieldError> errors, TimeSlotForm form, Conference conference)
    {
        foreach (var error in errors)
        {
            if (error.Field == nameof(TimeSlot.Start))
            {
                var field = conference.HasDay(form.Date!.Value) ? nameof(TimeSlotForm.StartTime) : nameof(TimeSlotForm.Date);
                yield return error with { Field = field };
            }
            else if (error.Field == nameof(TimeSlot.End))
            {
                var crossesMidnight = !form.EndsNextDay && form.EndTime < form.StartTime;
                yield return new FieldError(nameof(TimeSlotForm.EndTime),
                    crossesMidnight ? $"{error.Message} For a slot that ends after midnight, tick “Ends the next day”." : error.Message);
            }
            else
            {
                yield return error;
            }
        }
    }

    private async Task<ChangeResult> SaveAsync(TimeSlot slot, CancellationToken cancellationToken)
    {
        var result = await saver.SaveAsync(null, cancellationToken);
        if (result.Outcome == ChangeOutcome.Saved)
        {
            logger.LogInformation("Saved time slot {SlotId} of conference {ConferenceId}: {Start} to {End}", slot.Id, slot.ConferenceId, slot.Start, slot.End);
        }

        return result with { Id = slot.Id };
    }
}
