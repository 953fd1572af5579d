using ConferenceApp.Data;
using ConferenceApp.Domain;
using Microsoft.EntityFrameworkCore;

namespace ConferenceApp.Features.Organize.Sessions;

/// <summary>Lists a conference's sessions under the titles the program shows them with.</summary>
public static class SessionTitles
{
    /// <summary>
    /// Returns every session of the conference, in program order: by slot start, then across all
    /// rooms before single rooms, then by room position. Sessions without a slot come last.
    /// </summary>
    public static async Task<List<SessionSummary>> ListAsync(ConferenceDbContext db, int conferenceId, CancellationToken cancellationToken)
    {
        var sessions = await db.Sessions.AsNoTracking().OfConference(conferenceId)
            .Select(s => new { s.Id, s.Title, s.Kind, s.TimeSlotId, s.RoomId, s.Track })
            .ToListAsync(cancellationToken);
        var slots = await db.TimeSlots.AsNoTracking().OfConference(conferenceId)
            .ToDictionaryAsync(s => s.Id, s => new { s.Start, s.End }, cancellationToken);
        var rooms = await db.Rooms.AsNoTracking().OfConference(conferenceId)
            .ToDictionaryAsync(r => r.Id, r => new { r.Name, r.Position }, cancellationToken);
        var talks = (await db.Talks.AsNoTracking().OfConference(conferenceId)
            .Where(t => t.SessionId != null)
            .Select(t => new { SessionId = t.SessionId!.Value, t.Title, t.Position, t.Id })
            .ToListAsync(cancellationToken))
            .ToLookup(t => t.SessionId);

        return [.. sessions
            .Select(s =>
            {
                var slot = s.TimeSlotId is { } slotId ? slots.GetValueOrDefault(slotId) : null;
                var room = s.RoomId is { } roomId ? rooms.GetValueOrDefault(roomId) : null;
                var talkTitles = talks[s.Id].OrderBy(t => t.Position).ThenBy(t => t.Id).Select(t => t.Title).ToList();
                return new
                {
                    Summary = new SessionSummary(s.Id, Session.DisplayTitle(s.Title, s.Kind, talkTitles), s.Kind, s.TimeSlotId,
                        slot?.Start, slot?.End, room?.Name, talkTitles.Count, s.Track),
                    RoomPosition = room?.Position ?? -1,
                };
            })
            .OrderBy(s => s.Summary.Start is null)
            .ThenBy(s => s.Summary.Start)
            .ThenBy(s => s.Summary.End)
            .ThenBy(s => s.RoomPosition)
            .ThenBy(s => s.Summary.Id)
            .Select(s => s.Summary)];
    }
}
