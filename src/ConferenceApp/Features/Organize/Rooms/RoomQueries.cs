using ConferenceApp.Data;
using Microsoft.EntityFrameworkCore;

namespace ConferenceApp.Features.Organize.Rooms;

public sealed class RoomQueries(ConferenceDbContext db)
{
    public async Task<RoomListPage> ListAsync(OrganizeConference conference, CancellationToken cancellationToken)
    {
        var rooms = await db.Rooms.AsNoTracking().OfConference(conference.Id)
            .OrderBy(r => r.Position).ThenBy(r => r.Name).ThenBy(r => r.Id)
            .Select(r => new RoomRow(r.Id, r.Name, r.Position, db.Sessions.Count(s => s.RoomId == r.Id)))
            .ToListAsync(cancellationToken);

        return new RoomListPage(conference, rooms);
    }

    /// <summary>Returns an empty form whose position puts the new room after the existing ones.</summary>
    public async Task<RoomForm> NewFormAsync(OrganizeConference conference, CancellationToken cancellationToken)
    {
        var last = await db.Rooms.OfConference(conference.Id).MaxAsync(r => (int?)r.Position, cancellationToken);
        return new RoomForm { Conference = conference, Position = last is null ? 0 : last + 1 };
    }

    /// <summary>Returns the form filled with the stored values, or null when the room is not in the conference.</summary>
    public async Task<RoomForm?> EditFormAsync(OrganizeConference conference, int id, CancellationToken cancellationToken)
    {
        var form = await db.Rooms.AsNoTracking().OfConference(conference.Id)
            .Where(r => r.Id == id)
            .Select(r => new RoomForm
            {
                Id = r.Id,
                Version = r.Version,
                Name = r.Name,
                Position = r.Position,
                Availability = r.Availability.ToText(),
                SampleNote = r.SampleNote,
            })
            .FirstOrDefaultAsync(cancellationToken);

        form?.Conference = conference;
        return form;
    }

    public async Task<DeletePage?> DeletePageAsync(OrganizeConference conference, int id, string cancelUrl, CancellationToken cancellationToken)
    {
        var room = await db.Rooms.AsNoTracking().OfConference(conference.Id)
            .Where(r => r.Id == id)
            .Select(r => new { r.Name, r.Version, Sessions = db.Sessions.Count(s => s.RoomId == r.Id) })
            .FirstOrDefaultAsync(cancellationToken);
        if (room is null)
        {
            return null;
        }

        string[] consequences = room.Sessions == 0
            ? ["No session is placed in this room."]
            : [$"Sessions placed in this room ({OrganizeFormat.Count(room.Sessions, "session")}) stay in their time slots without a room, which the program shows as spanning all rooms. Place them in another room afterwards."];
        return new DeletePage(conference, "room", room.Name, consequences, room.Version, cancelUrl);
    }
}
