using ConferenceApp.Data;
using ConferenceApp.Features.Organize.Sessions;
using Microsoft.EntityFrameworkCore;

namespace ConferenceApp.Features.Organize;

/// <summary>The read side that every organizer page shares: the conference of the route, and the choices for select lists.</summary>
public sealed class OrganizeQueries(ConferenceDbContext db)
{
    public Task<OrganizeConference?> FindConferenceAsync(string slug, CancellationToken cancellationToken) =>
        db.Conferences.AsNoTracking()
            .Where(c => c.Slug == slug)
            .Select(c => new OrganizeConference(c.Id, c.Slug, c.Name, c.TimeZoneId, c.StartDate, c.EndDate))
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>Returns the conference's rooms in their set order.</summary>
    public Task<List<Choice>> RoomChoicesAsync(int conferenceId, CancellationToken cancellationToken) =>
        db.Rooms.AsNoTracking().OfConference(conferenceId)
            .OrderBy(r => r.Position).ThenBy(r => r.Name).ThenBy(r => r.Id)
            .Select(r => new Choice(r.Id, r.Name))
            .ToListAsync(cancellationToken);

    /// <summary>Returns the conference's time slots in time order, labelled like "Thu 9 Mar, 09:30–09:50".</summary>
    public async Task<List<Choice>> SlotChoicesAsync(int conferenceId, CancellationToken cancellationToken)
    {
        var slots = await db.TimeSlots.AsNoTracking().OfConference(conferenceId)
            .OrderBy(s => s.Start).ThenBy(s => s.End).ThenBy(s => s.Id)
            .Select(s => new { s.Id, s.Start, s.End })
            .ToListAsync(cancellationToken);

        return [.. slots.Select(s => new Choice(s.Id, OrganizeFormat.SlotLabel(s.Start, s.End)))];
    }

    /// <summary>Returns the conference's speakers by name.</summary>
    public Task<List<Choice>> SpeakerChoicesAsync(int conferenceId, CancellationToken cancellationToken) =>
        db.Speakers.AsNoTracking().OfConference(conferenceId)
            .OrderBy(s => s.Name).ThenBy(s => s.Id)
            .Select(s => new Choice(s.Id, s.Name))
            .ToListAsync(cancellationToken);

    /// <summary>Returns the conference's sessions in program order (unplaced ones last), labelled with their display title and time.</summary>
    public async Task<List<Choice>> SessionChoicesAsync(int conferenceId, CancellationToken cancellationToken)
    {
        var sessions = await SessionTitles.ListAsync(db, conferenceId, cancellationToken);
        return [.. sessions.Select(s => new Choice(s.Id, s.Start is { } start ? $"{s.DisplayTitle} ({OrganizeFormat.SlotLabel(start, s.End!.Value)})" : s.DisplayTitle))];
    }
}
