using ConferenceApp.Data;
using ConferenceApp.Domain;
using Microsoft.EntityFrameworkCore;

namespace ConferenceApp.Features.Organize.Conferences;

/// <summary>Creates, changes and deletes conferences.</summary>
public sealed class ConferenceOperations(ConferenceDbContext db, ChangeSaver saver, ILogger<ConferenceOperations> logger)
{
    /// <summary>First path segments the app itself uses. A conference with one of these URL names would be unreachable or confusing.</summary>
    private static readonly string[] ReservedSlugs =
        ["organize", "setup", "speaker", "invitations", "photos", "identity", "error", "api", "health", "css", "js", "lib", "favicon-ico"];

    /// <summary>Creates a conference. An empty slug is made from the name and written back to the form.</summary>
    public async Task<ChangeResult> CreateAsync(ConferenceForm form, CancellationToken cancellationToken)
    {
        form.Slug = await SlugMaker.ChooseAsync(form.Slug, form.Name, "conference",
            slug => db.Conferences.AnyAsync(c => c.Slug == slug, cancellationToken));

        var errors = CheckFormOnly(form);
        Conference? conference = null;
        DomainSteps.Run(errors, () => conference = Conference.Create(Details(form)));
        if (conference is null || errors.Count > 0)
        {
            return ChangeResult.Invalid(errors);
        }

        if (await SlugTakenAsync(conference.Slug, null, cancellationToken))
        {
            return ChangeResult.Invalid([DuplicateSlug(conference.Slug)]);
        }

        conference.AllowSpeakersToEditTalks(form.SpeakersMayEditTalks);
        db.Conferences.Add(conference);
        var result = await saver.SaveAsync(DuplicateSlug(conference.Slug), cancellationToken);
        if (result.Outcome == ChangeOutcome.Saved)
        {
            logger.LogInformation("Created conference {ConferenceId} ({ConferenceSlug})", conference.Id, conference.Slug);
        }

        return result with { Id = conference.Id, Slug = conference.Slug };
    }

    /// <summary>
    /// Changes a conference. New days must still contain every time slot's start day, because the
    /// program shows slots by conference day, and every slot time must exist in the new time zone.
    /// </summary>
    public async Task<ChangeResult> UpdateAsync(int id, ConferenceForm form, CancellationToken cancellationToken)
    {
        var conference = await db.Conferences.FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (conference is null)
        {
            return await saver.WasDeletedAsync(id, nameof(Conference), id, cancellationToken) ? ChangeResult.Gone() : ChangeResult.NotFound();
        }

        saver.ExpectVersion(conference, form.Version);
        var oldStartDate = conference.StartDate;

        var errors = CheckFormOnly(form);
        DomainSteps.Run(errors, () => conference.Update(Details(form)));
        if (errors.Count > 0)
        {
            return ChangeResult.Invalid(errors);
        }

        conference.AllowSpeakersToEditTalks(form.SpeakersMayEditTalks);

        if (await SlugTakenAsync(conference.Slug, id, cancellationToken))
        {
            return ChangeResult.Invalid([DuplicateSlug(conference.Slug)]);
        }

        // Each slot is checked as it moves. The checks below read the stored times, so they would see the old days.
        var shiftDays = conference.StartDate.DayNumber - oldStartDate.DayNumber;
        if (form.MoveProgramWithDates && shiftDays != 0)
        {
            var moveErrors = await MoveProgramAsync(conference, shiftDays, cancellationToken);
            if (moveErrors.Count > 0)
            {
                return ChangeResult.Invalid(moveErrors);
            }

            return await SaveUpdateAsync(conference, cancellationToken);
        }

        var firstOutside = await db.TimeSlots.OfConference(id)
            .Where(s => s.Start < conference.StartDate.ToDateTime(TimeOnly.MinValue) || s.Start >= conference.EndDate.AddDays(1).ToDateTime(TimeOnly.MinValue))
            .OrderBy(s => s.Start)
            .Select(s => (DateTime?)s.Start)
            .FirstOrDefaultAsync(cancellationToken);
        if (firstOutside is { } start)
        {
            return ChangeResult.Invalid(nameof(ConferenceForm.StartDate),
                $"A time slot starts on {start:yyyy-MM-dd}, outside these days. Tick \"Move the program with the dates\" to move every slot by the same number of days as the first day, or move or delete the slots outside the new days first.");
        }

        var skipped = await FirstSkippedSlotTimeAsync(conference, cancellationToken);
        if (skipped is { } time)
        {
            return ChangeResult.Invalid(nameof(ConferenceForm.TimeZoneId),
                $"A time slot has the local time {time:yyyy-MM-dd HH:mm}, which does not exist in {conference.TimeZoneId} because the clocks skip it; move that slot first.");
        }

        return await SaveUpdateAsync(conference, cancellationToken);
    }

    private async Task<ChangeResult> SaveUpdateAsync(Conference conference, CancellationToken cancellationToken)
    {
        var result = await saver.SaveAsync(DuplicateSlug(conference.Slug), cancellationToken);
        if (result.Outcome == ChangeOutcome.Saved)
        {
            logger.LogInformation("Saved conference {ConferenceId} ({ConferenceSlug})", conference.Id, conference.Slug);
        }

        return result with { Id = conference.Id, Slug = conference.Slug };
    }

    /// <summary>
    /// Moves every time slot, and the rooms' and speakers' availability, by <paramref name="days"/>
    /// whole days, keeping their local times. Returns one error per slot that cannot move, such
    /// as a time the clocks skip on its new day; nothing is saved then.
    /// </summary>
    private async Task<List<FieldError>> MoveProgramAsync(Conference conference, int days, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        foreach (var slot in await db.TimeSlots.OfConference(conference.Id).ToListAsync(cancellationToken))
        {
            var (start, end) = (slot.Start, slot.End);
            var slotErrors = new List<FieldError>();
            DomainSteps.Run(slotErrors, () => slot.Move(conference, start.AddDays(days), end.AddDays(days)));
            errors.AddRange(slotErrors.Select(error => new FieldError(nameof(ConferenceForm.StartDate),
                $"The time slot {OrganizeFormat.SlotLabel(start, end)} cannot move by {days} days: {error.Message}")));
        }

        foreach (var room in await db.Rooms.OfConference(conference.Id).ToListAsync(cancellationToken))
        {
            room.SetAvailability(room.Availability.ShiftedByDays(days));
        }

        foreach (var speaker in await db.Speakers.OfConference(conference.Id).ToListAsync(cancellationToken))
        {
            speaker.SetAvailability(speaker.Availability.ShiftedByDays(days), bySpeaker: false);
        }

        logger.LogInformation("Moved the program of conference {ConferenceId} by {Days} days in memory, with {ErrorCount} slots that cannot move", conference.Id, days, errors.Count);
        return errors;
    }

    // Slot times are local times; in another zone some of them may fall in a clock change's gap.
    private async Task<DateTime?> FirstSkippedSlotTimeAsync(Conference conference, CancellationToken cancellationToken)
    {
        var clock = new ConferenceClock(conference.TimeZoneId);
        var slots = await db.TimeSlots.AsNoTracking().OfConference(conference.Id)
            .OrderBy(s => s.Start)
            .Select(s => new { s.Start, s.End })
            .ToListAsync(cancellationToken);

        return slots.SelectMany(s => new[] { s.Start, s.End }).Cast<DateTime?>().FirstOrDefault(t => clock.IsSkipped(t!.Value));
    }

    /// <summary>Deletes a conference and, through the foreign keys, every row that belongs to it.</summary>
    public async Task<ChangeResult> DeleteAsync(int id, Guid version, string? confirmSlug, CancellationToken cancellationToken)
    {
        var conference = await db.Conferences.FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (conference is null)
        {
            return await saver.WasDeletedAsync(id, nameof(Conference), id, cancellationToken) ? ChangeResult.Gone() : ChangeResult.NotFound();
        }

        if (Text.Clean(confirmSlug) != conference.Slug)
        {
            return ChangeResult.Invalid(nameof(DeletePage.ConfirmSlug),
                $"Type the URL name \"{conference.Slug}\" exactly to confirm; nothing was deleted.");
        }

        saver.ExpectVersion(conference, version);
        db.Conferences.Remove(conference);

        var result = await saver.SaveAsync(null, cancellationToken);
        if (result.Outcome == ChangeOutcome.Saved)
        {
            logger.LogInformation("Deleted conference {ConferenceId} ({ConferenceSlug}) with all its rows", id, conference.Slug);
        }

        return result;
    }

    // Dates are nullable in the form, so a missing one gets its own message. The domain then
    // checks the other values against a stand-in date.
    private static ConferenceDetails Details(ConferenceForm form)
    {
        var start = form.StartDate ?? form.EndDate ?? new DateOnly(Conference.MinYear, 1, 1);
        var end = form.EndDate ?? start;
        return new ConferenceDetails(form.Slug, form.Name, form.Venue, form.TimeZoneId, start, end, form.SampleNote);
    }

    private static List<FieldError> CheckFormOnly(ConferenceForm form)
    {
        var errors = new List<FieldError>();
        if (form.StartDate is null)
        {
            errors.Add(new FieldError(nameof(ConferenceForm.StartDate), "The first day is required."));
        }

        if (form.EndDate is null)
        {
            errors.Add(new FieldError(nameof(ConferenceForm.EndDate), "The last day is required."));
        }

        var slug = Text.Clean(form.Slug);
        if (slug is not null && ReservedSlugs.Contains(slug))
        {
            errors.Add(new FieldError(nameof(ConferenceForm.Slug), $"The URL name \"{slug}\" is reserved by the app; choose another."));
        }

        return errors;
    }

    private Task<bool> SlugTakenAsync(string slug, int? exceptId, CancellationToken cancellationToken) =>
        db.Conferences.AnyAsync(c => c.Slug == slug && c.Id != exceptId, cancellationToken);

    private static FieldError DuplicateSlug(string slug) =>
        new(nameof(ConferenceForm.Slug), $"Another conference already uses the URL name \"{slug}\"; choose another.");
}
