using ConferenceApp.Data;
using ConferenceApp.Domain;
using Microsoft.EntityFrameworkCore;

namespace ConferenceApp.Features.Organize.Rooms;

/// <summary>Creates, changes and deletes the rooms of a conference.</summary>
public sealed class RoomOperations(ConferenceDbContext db, ChangeSaver saver, ILogger<RoomOperations> logger)
{
    public async Task<ChangeResult> CreateAsync(int conferenceId, RoomForm form, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        Room? room = null;
        DomainSteps.Run(errors, () => room = Room.Create(conferenceId, form.Name, form.Position ?? 0));
        var availability = await ParseAvailabilityAsync(conferenceId, form, errors, cancellationToken);
        FormRules.CheckSampleNote(errors, form.SampleNote);
        if (room is null || availability is null || errors.Count > 0)
        {
            return ChangeResult.Invalid(errors);
        }

        room.SetAvailability(availability);

        room.MarkSample(form.SampleNote);
        return await SaveAsync(room, isNew: true, cancellationToken);
    }

    public async Task<ChangeResult> UpdateAsync(int conferenceId, int id, RoomForm form, CancellationToken cancellationToken)
    {
        var room = await db.Rooms.OfConference(conferenceId).FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (room is null)
        {
            return await saver.WasDeletedAsync(conferenceId, nameof(Room), id, cancellationToken) ? ChangeResult.Gone() : ChangeResult.NotFound();
        }

        saver.ExpectVersion(room, form.Version);

        var errors = new List<FieldError>();
        DomainSteps.Run(errors, () => room.Update(form.Name, form.Position ?? room.Position));
        var availability = await ParseAvailabilityAsync(conferenceId, form, errors, cancellationToken);
        FormRules.CheckSampleNote(errors, form.SampleNote);
        if (availability is null || errors.Count > 0)
        {
            return ChangeResult.Invalid(errors);
        }

        room.SetAvailability(availability);

        room.MarkSample(form.SampleNote);
        return await SaveAsync(room, isNew: false, cancellationToken);
    }

    /// <summary>Deletes the room. Its sessions stay in their slots without a room (the foreign key sets null).</summary>
    public async Task<ChangeResult> DeleteAsync(int conferenceId, int id, Guid version, CancellationToken cancellationToken)
    {
        var room = await db.Rooms.OfConference(conferenceId).FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (room is null)
        {
            return await saver.WasDeletedAsync(conferenceId, nameof(Room), id, cancellationToken) ? ChangeResult.Gone() : ChangeResult.NotFound();
        }

        saver.ExpectVersion(room, version);
        db.Rooms.Remove(room);

        var result = await saver.SaveAsync(null, cancellationToken);
        if (result.Outcome == ChangeOutcome.Saved)
        {
            logger.LogInformation("Deleted room {RoomId} of conference {ConferenceId}", id, conferenceId);
        }

        return result;
    }

    /// <summary>Reads the typed availability against the conference's days and zone; null with errors added when a line is invalid.</summary>
    private async Task<Availability?> ParseAvailabilityAsync(int conferenceId, RoomForm form, List<FieldError> errors, CancellationToken cancellationToken)
    {
        var conference = await db.Conferences.AsNoTracking().FirstAsync(c => c.Id == conferenceId, cancellationToken);
        return AvailabilityInput.Parse(form.Availability, conference, nameof(RoomForm.Availability), errors);
    }

    private async Task<ChangeResult> SaveAsync(Room room, bool isNew, CancellationToken cancellationToken)
    {
        var duplicate = new FieldError(nameof(RoomForm.Name), $"A room named \"{room.Name}\" already exists in this conference; choose another name.");
        var nameTaken = await db.Rooms.OfConference(room.ConferenceId).AnyAsync(r => r.Name == room.Name && r.Id != room.Id, cancellationToken);
        if (nameTaken)
        {
            return ChangeResult.Invalid([duplicate]);
        }

        if (isNew)
        {
            db.Rooms.Add(room);
        }

        var result = await saver.SaveAsync(duplicate, cancellationToken);
        if (result.Outcome == ChangeOutcome.Saved)
        {
            logger.LogInformation("Saved room {RoomId} of conference {ConferenceId}", room.Id, room.ConferenceId);
        }

        return result with { Id = room.Id };
    }
}
