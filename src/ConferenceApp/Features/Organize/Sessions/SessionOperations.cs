using ConferenceApp.Data;
using ConferenceApp.Domain;
using Microsoft.EntityFrameworkCore;

namespace ConferenceApp.Features.Organize.Sessions;

/// <summary>Creates, changes, places and deletes sessions, and sets the people who lead them.</summary>
public sealed class SessionOperations(ConferenceDbContext db, ChangeSaver saver, ILogger<SessionOperations> logger)
{
    public async Task<ChangeResult> CreateAsync(int conferenceId, SessionForm form, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        Session? session = null;
        DomainSteps.Run(errors, () => session = Session.Create(conferenceId, form.Title, KindOf(form, errors), form.Description));
        if (session is null)
        {
            return ChangeResult.Invalid(errors);
        }

        await ApplyAsync(session, form, errors, cancellationToken);
        if (errors.Count > 0)
        {
            return ChangeResult.Invalid(errors);
        }

        db.Sessions.Add(session);
        return await SaveAsync(session, cancellationToken);
    }

    public async Task<ChangeResult> UpdateAsync(int conferenceId, int id, SessionForm form, CancellationToken cancellationToken)
    {
        var session = await db.Sessions.OfConference(conferenceId)
            .Include(s => s.People)
            .FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (session is null)
        {
            return await saver.WasDeletedAsync(conferenceId, nameof(Session), id, cancellationToken) ? ChangeResult.Gone() : ChangeResult.NotFound();
        }

        // Marks the version modified as well, so that a change of the people alone is checked too.
        saver.ExpectVersion(session, form.Version);

        var errors = new List<FieldError>();
        DomainSteps.Run(errors, () => session.Update(form.Title, KindOf(form, errors), form.Description));
        await ApplyAsync(session, form, errors, cancellationToken);
        if (errors.Count > 0)
        {
            return ChangeResult.Invalid(errors);
        }

        return await SaveAsync(session, cancellationToken);
    }

    /// <summary>Deletes the session. Its talks stay, unscheduled, because the foreign key sets null. Its people rows go with it.</summary>
    public async Task<ChangeResult> DeleteAsync(int conferenceId, int id, Guid version, CancellationToken cancellationToken)
    {
        var session = await db.Sessions.OfConference(conferenceId).FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (session is null)
        {
            return await saver.WasDeletedAsync(conferenceId, nameof(Session), id, cancellationToken) ? ChangeResult.Gone() : ChangeResult.NotFound();
        }

        saver.ExpectVersion(session, version);
        db.Sessions.Remove(session);

        var result = await saver.SaveAsync(null, cancellationToken);
        if (result.Outcome == ChangeOutcome.Saved)
        {
            logger.LogInformation("Deleted session {SessionId} of conference {ConferenceId}", id, conferenceId);
        }

        return result;
    }

    // A missing kind gets its own error. The domain then checks the other values with a stand-in kind.
    private static SessionKind KindOf(SessionForm form, List<FieldError> errors)
    {
        if (form.Kind is { } kind)
        {
            return kind;
        }

        errors.Add(new FieldError(nameof(SessionForm.Kind), "Choose what kind of item this is."));
        return SessionKind.Other;
    }

    /// <summary>Places the session in the chosen slot and room and sets its people, adding an error for each id not in the conference.</summary>
    private async Task ApplyAsync(Session session, SessionForm form, List<FieldError> errors, CancellationToken cancellationToken)
    {
        TimeSlot? slot = null;
        if (form.TimeSlotId is { } slotId)
        {
            slot = await db.TimeSlots.OfConference(session.ConferenceId).FirstOrDefaultAsync(s => s.Id == slotId, cancellationToken);
            if (slot is null)
            {
                errors.Add(new FieldError(nameof(SessionForm.TimeSlotId), $"The time slot with id {slotId} does not exist in this conference; choose one from the list."));
            }
        }

        Room? room = null;
        if (form.RoomId is { } roomId)
        {
            room = await db.Rooms.OfConference(session.ConferenceId).FirstOrDefaultAsync(r => r.Id == roomId, cancellationToken);
            if (room is null)
            {
                errors.Add(new FieldError(nameof(SessionForm.RoomId), $"The room with id {roomId} does not exist in this conference; choose one from the list."));
            }
        }

        DomainSteps.Run(errors, () => session.SetTrackAndLanguage(form.Track, form.Language));
        DomainSteps.Run(errors, () => session.PlaceIn(slot, room));

        var people = await PeopleRows.ResolveAsync(db, session.ConferenceId, form.People, nameof(SessionForm.People), errors, cancellationToken);
        DomainSteps.Run(errors, () => session.SetPeople(people));
        FormRules.CheckSampleNote(errors, form.SampleNote);
        session.MarkSample(form.SampleNote);
    }

    private async Task<ChangeResult> SaveAsync(Session session, CancellationToken cancellationToken)
    {
        var result = await saver.SaveAsync(null, cancellationToken);
        if (result.Outcome == ChangeOutcome.Saved)
        {
            logger.LogInformation("Saved session {SessionId} of conference {ConferenceId} in slot {SlotId} and room {RoomId}",
                session.Id, session.ConferenceId, session.TimeSlotId, session.RoomId);
        }

        return result with { Id = session.Id };
    }
}
