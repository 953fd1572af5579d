using ConferenceApp.Data;
using ConferenceApp.Domain;
using Microsoft.EntityFrameworkCore;

namespace ConferenceApp.Features.Organize.Schedule;

/// <summary>Where a session goes: local start and end in the conference's zone, and a room or, with a null <see cref="RoomId"/>, all rooms.</summary>
public sealed record SessionPlacement(Guid Version, int? RoomId, DateTime Start, DateTime End);

/// <summary>
/// Places a session at a time and in a room, as a drag on the schedule grid or the "Move…" form
/// requests it. The session goes into the time slot with exactly that start and end, and a new
/// slot is created when none exists. Other slots are never resized, because other sessions may
/// share them, and a slot left empty stays for the organizers to delete on the time slot pages.
/// </summary>
public sealed class MoveSession(ConferenceDbContext db, ChangeSaver saver, ILogger<MoveSession> logger)
{
    public async Task<ChangeResult> RunAsync(int conferenceId, int sessionId, SessionPlacement placement, CancellationToken cancellationToken)
    {
        var session = await db.Sessions.OfConference(conferenceId).FirstOrDefaultAsync(s => s.Id == sessionId, cancellationToken);
        var conference = await db.Conferences.AsNoTracking().FirstOrDefaultAsync(c => c.Id == conferenceId, cancellationToken);
        if (session is null || conference is null)
        {
            return await saver.WasDeletedAsync(conferenceId, nameof(Session), sessionId, cancellationToken) ? ChangeResult.Gone() : ChangeResult.NotFound();
        }

        var start = WholeMinute(placement.Start);
        var end = WholeMinute(placement.End);
        var errors = TimeSlot.Validate(conference, start, end);

        Room? room = null;
        if (placement.RoomId is { } roomId)
        {
            room = await db.Rooms.OfConference(conferenceId).FirstOrDefaultAsync(r => r.Id == roomId, cancellationToken);
            if (room is null)
            {
                errors.Add(new FieldError("RoomId", $"The room with id {roomId} does not exist in this conference; choose one from the list."));
            }
        }

        if (errors.Count > 0)
        {
            return ChangeResult.Invalid(errors);
        }

        // A new slot needs its id before the session can point at it, so the slot and the session
        // are two saves. The transaction makes them one change: a rejected session save leaves no slot.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        var slot = await db.TimeSlots.OfConference(conferenceId)
            .Where(s => s.Start == start && s.End == end)
            .OrderBy(s => s.Id)
            .FirstOrDefaultAsync(cancellationToken);
        if (slot is null)
        {
            slot = TimeSlot.Create(conference, start, end);
            db.TimeSlots.Add(slot);
            var created = await saver.SaveAsync(null, cancellationToken);
            if (created.Outcome != ChangeOutcome.Saved)
            {
                return created;
            }
        }

        saver.ExpectVersion(session, placement.Version);
        session.PlaceIn(slot, room);

        var result = await saver.SaveAsync(null, cancellationToken);
        if (result.Outcome != ChangeOutcome.Saved)
        {
            return result;
        }

        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Moved session {SessionId} of conference {ConferenceId} to slot {SlotId} ({Start} to {End}) and room {RoomId}",
            session.Id, conferenceId, slot.Id, start, end, session.RoomId);
        return result with { Id = session.Id, Version = session.Version };
    }

    private static DateTime WholeMinute(DateTime value) =>
        new(value.Year, value.Month, value.Day, value.Hour, value.Minute, 0, DateTimeKind.Unspecified);
}
