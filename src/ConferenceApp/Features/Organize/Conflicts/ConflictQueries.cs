using ConferenceApp.Data;
using ConferenceApp.Domain;
using Microsoft.EntityFrameworkCore;

namespace ConferenceApp.Features.Organize.Conflicts;

public sealed record ConflictRow(ConflictKind Kind, string Message, IReadOnlyList<(int Id, string Title)> Sessions)
{
    /// <summary>A one-word label for the kind, shown as a badge.</summary>
    public string Label => Kind switch
    {
        ConflictKind.RoomDoubleBooked => "Room",
        ConflictKind.SpeakerDoubleBooked => "Person",
        _ => "Days",
    };
}

public sealed record ConflictListPage(OrganizeConference Conference, IReadOnlyList<ConflictRow> Conflicts);

/// <summary>Loads the placed sessions of a conference and runs the conflict rules on them.</summary>
public sealed class ConflictQueries(ConferenceDbContext db)
{
    public async Task<ConflictListPage?> ListAsync(OrganizeConference owner, CancellationToken cancellationToken)
    {
        var conference = await db.Conferences.AsNoTracking().FirstOrDefaultAsync(c => c.Id == owner.Id, cancellationToken);
        if (conference is null)
        {
            return null;
        }

        var sessions = await (
                from session in db.Sessions.AsNoTracking().OfConference(owner.Id)
                join slot in db.TimeSlots on session.TimeSlotId equals slot.Id
                select new { session.Id, session.Title, session.Kind, slot.Start, slot.End, session.RoomId })
            .ToListAsync(cancellationToken);

        var talks = await db.Talks.AsNoTracking().OfConference(owner.Id)
            .Where(t => t.SessionId != null)
            .Select(t => new { SessionId = t.SessionId!.Value, t.Title, Speakers = t.Speakers.Select(s => s.SpeakerId).ToList() })
            .ToListAsync(cancellationToken);

        var sessionIds = sessions.Select(s => s.Id).ToList();
        var people = await db.SessionPeople.AsNoTracking()
            .Where(p => sessionIds.Contains(p.SessionId))
            .Select(p => new { p.SessionId, p.SpeakerId })
            .ToListAsync(cancellationToken);

        var names = await db.Speakers.AsNoTracking().OfConference(owner.Id).ToDictionaryAsync(s => s.Id, s => s.Name, cancellationToken);

        var talksBySession = talks.ToLookup(t => t.SessionId);
        var peopleBySession = people.ToLookup(p => p.SessionId, p => p.SpeakerId);
        var items = sessions
            .Select(s => new PlacedItem(
                s.Id,
                Session.DisplayTitle(s.Title, s.Kind, [.. talksBySession[s.Id].Select(t => t.Title)]),
                s.Start,
                s.End,
                s.RoomId,
                [.. talksBySession[s.Id].SelectMany(t => t.Speakers).Concat(peopleBySession[s.Id]).Distinct()]))
            .ToList();

        var titles = items.ToDictionary(i => i.SessionId, i => i.Title);
        var conflicts = ScheduleConflicts.Find(conference, items, names)
            .Select(c => new ConflictRow(c.Kind, c.Message, [.. c.SessionIds.Select(id => (id, titles[id]))]))
            .ToList();

        return new ConflictListPage(owner, conflicts);
    }
}
