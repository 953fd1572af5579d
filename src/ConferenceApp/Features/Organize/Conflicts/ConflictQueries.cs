using ConferenceApp.Data;
using ConferenceApp.Domain;
using Microsoft.EntityFrameworkCore;

namespace ConferenceApp.Features.Organize.Conflicts;

public sealed record ConflictRow(ConflictKind Kind, string Message, IReadOnlyList<(int Id, string Title)> Sessions)
{
    /// <summary>The room the conflict is about, for a room double-booked or unavailable; null otherwise.</summary>
    public int? RoomId { get; init; }

    /// <summary>The person the conflict is about, for a person double-booked or unavailable; null otherwise.</summary>
    public int? SpeakerId { get; init; }

    /// <summary>A short label for the kind, shown as a badge.</summary>
    public string Label => Kind switch
    {
        ConflictKind.RoomDoubleBooked => "Room",
        ConflictKind.SpeakerDoubleBooked => "Person",
        ConflictKind.TalksExceedSlot => "Length",
        ConflictKind.RoomUnavailable => "Room availability",
        ConflictKind.SpeakerUnavailable => "Person availability",
        _ => "Days",
    };

    public bool InvolvesSession(int sessionId) => Sessions.Any(s => s.Id == sessionId);

    /// <summary>
    /// The conflict's identity across saves: its kind and what it is about, but not its message,
    /// which changes with a title or a talk length.
    /// </summary>
    public string Key => $"{Kind}:{string.Join(',', Sessions.Select(s => s.Id))}:{RoomId}:{SpeakerId}";
}

public sealed record ConflictListPage(OrganizeConference Conference, IReadOnlyList<ConflictRow> Conflicts);

/// <summary>
/// Loads the placed sessions of a conference with their talks, people, rooms and stated
/// availability, and runs the conflict rules on them. Each call sends a fixed number of SQL
/// commands (six), whatever the size of the program.
/// </summary>
public sealed class ConflictQueries(ConferenceDbContext db)
{
    public async Task<ConflictListPage?> ListAsync(OrganizeConference owner, CancellationToken cancellationToken)
    {
        var conflicts = await FindAsync(owner.Id, cancellationToken);
        return conflicts is null ? null : new ConflictListPage(owner, conflicts);
    }

    /// <summary>Returns the conflicts of the conference, or null when it does not exist.</summary>
    public async Task<List<ConflictRow>?> FindAsync(int conferenceId, CancellationToken cancellationToken)
    {
        var conference = await db.Conferences.AsNoTracking().FirstOrDefaultAsync(c => c.Id == conferenceId, cancellationToken);
        if (conference is null)
        {
            return null;
        }

        var sessions = await (
                from session in db.Sessions.AsNoTracking().OfConference(conferenceId)
                join slot in db.TimeSlots on session.TimeSlotId equals slot.Id
                select new { session.Id, session.Title, session.Kind, slot.Start, slot.End, session.RoomId })
            .ToListAsync(cancellationToken);

        var talks = await db.Talks.AsNoTracking().OfConference(conferenceId)
            .Where(t => t.SessionId != null)
            .OrderBy(t => t.Position).ThenBy(t => t.Id)
            .Select(t => new { SessionId = t.SessionId!.Value, t.Title, t.DurationMinutes, Speakers = t.Speakers.Select(s => s.SpeakerId).ToList() })
            .ToListAsync(cancellationToken);

        // A subquery rather than a list of ids, because a large program has more ids than SQLite takes parameters.
        var placedSessionIds = db.Sessions.OfConference(conferenceId).Where(s => s.TimeSlotId != null).Select(s => s.Id);
        var people = await db.SessionPeople.AsNoTracking()
            .Where(p => placedSessionIds.Contains(p.SessionId))
            .Select(p => new { p.SessionId, p.SpeakerId })
            .ToListAsync(cancellationToken);

        var speakers = await db.Speakers.AsNoTracking().OfConference(conferenceId)
            .Select(s => new { s.Id, s.Name, s.Availability })
            .ToListAsync(cancellationToken);

        var rooms = await db.Rooms.AsNoTracking().OfConference(conferenceId)
            .Select(r => new { r.Id, r.Name, r.Availability })
            .ToListAsync(cancellationToken);

        var talksBySession = talks.ToLookup(t => t.SessionId);
        var peopleBySession = people.ToLookup(p => p.SessionId, p => p.SpeakerId);
        var roomNames = rooms.ToDictionary(r => r.Id, r => r.Name);
        var items = sessions
            .Select(s => new PlacedItem(
                s.Id,
                Session.DisplayTitle(s.Title, s.Kind, [.. talksBySession[s.Id].Select(t => t.Title)]),
                s.Start,
                s.End,
                s.RoomId,
                [.. talksBySession[s.Id].SelectMany(t => t.Speakers).Concat(peopleBySession[s.Id]).Distinct()],
                s.RoomId is { } roomId ? roomNames.GetValueOrDefault(roomId) : null,
                [.. talksBySession[s.Id].Select(t => t.DurationMinutes)]))
            .ToList();

        var availability = new StatedAvailability(
            rooms.Where(r => !r.Availability.IsAlways).ToDictionary(r => r.Id, r => r.Availability),
            speakers.Where(s => !s.Availability.IsAlways).ToDictionary(s => s.Id, s => s.Availability));
        var names = speakers.ToDictionary(s => s.Id, s => s.Name);
        var titles = items.ToDictionary(i => i.SessionId, i => i.Title);
        return ScheduleConflicts.Find(conference, items, names, availability)
            .Select(c => new ConflictRow(c.Kind, c.Message, [.. c.SessionIds.Select(id => (id, titles[id]))]) { RoomId = c.RoomId, SpeakerId = c.SpeakerId })
            .ToList();
    }

    /// <summary>Returns the keys of the conference's current conflicts, to tell afterwards which conflicts a change created.</summary>
    public async Task<HashSet<string>> KeysAsync(int conferenceId, CancellationToken cancellationToken) =>
        [.. (await FindAsync(conferenceId, cancellationToken) ?? []).Select(c => c.Key)];
}
