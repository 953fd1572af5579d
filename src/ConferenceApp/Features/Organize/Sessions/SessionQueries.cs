using ConferenceApp.Data;
using ConferenceApp.Domain;
using ConferenceApp.Features.Organize.Conflicts;
using Microsoft.EntityFrameworkCore;

namespace ConferenceApp.Features.Organize.Sessions;

public sealed class SessionQueries(ConferenceDbContext db, OrganizeQueries organize, ConflictQueries conflicts)
{
    public async Task<SessionListPage> ListAsync(OrganizeConference conference, CancellationToken cancellationToken)
    {
        var sessions = await SessionTitles.ListAsync(db, conference.Id, cancellationToken);
        var conflictRows = await conflicts.FindAsync(conference.Id, cancellationToken) ?? [];
        var counts = conflictRows
            .SelectMany(c => c.Sessions.Select(s => s.Id).Distinct())
            .GroupBy(id => id)
            .ToDictionary(g => g.Key, g => g.Count());
        return new SessionListPage(conference, sessions) { ConflictCounts = counts };
    }

    public async Task<SessionForm> NewFormAsync(OrganizeConference conference, CancellationToken cancellationToken)
    {
        var form = new SessionForm { Kind = SessionKind.Talk, People = PeopleRows.WithBlankRows([]) };
        await FillChoicesAsync(form, conference, cancellationToken);
        return form;
    }

    public async Task<SessionForm?> EditFormAsync(OrganizeConference conference, int id, CancellationToken cancellationToken)
    {
        var session = await db.Sessions.AsNoTracking().OfConference(conference.Id)
            .Where(s => s.Id == id)
            .Select(s => new { s.Id, s.Version, s.Title, s.Kind, s.Description, s.Track, s.Language, s.TimeSlotId, s.RoomId, s.SampleNote })
            .FirstOrDefaultAsync(cancellationToken);
        if (session is null)
        {
            return null;
        }

        var people = await db.SessionPeople.AsNoTracking()
            .Where(p => p.SessionId == id)
            .OrderBy(p => p.Position)
            .Select(p => new { p.SpeakerId, p.Role })
            .ToListAsync(cancellationToken);

        var form = new SessionForm
        {
            Id = session.Id,
            Version = session.Version,
            Title = session.Title,
            Kind = session.Kind,
            Description = session.Description,
            Track = session.Track,
            Language = session.Language,
            TimeSlotId = session.TimeSlotId,
            RoomId = session.RoomId,
            SampleNote = session.SampleNote,
            People = PeopleRows.FromStored(people.Select(p => (p.SpeakerId, p.Role))),
        };
        await FillChoicesAsync(form, conference, cancellationToken);
        return form;
    }

    /// <summary>Sets the select-list choices, the session's talks and its display title, which a posted form lacks.</summary>
    public async Task FillChoicesAsync(SessionForm form, OrganizeConference conference, CancellationToken cancellationToken)
    {
        form.Conference = conference;
        form.People = PeopleRows.WithBlankRows(form.People);
        form.Slots = await organize.SlotChoicesAsync(conference.Id, cancellationToken);
        form.Rooms = await organize.RoomChoicesAsync(conference.Id, cancellationToken);
        form.Speakers = await organize.SpeakerChoicesAsync(conference.Id, cancellationToken);
        form.TrackSuggestions = await db.Sessions.AsNoTracking().OfConference(conference.Id)
            .Where(s => s.Track != null)
            .Select(s => s.Track!)
            .Distinct()
            .OrderBy(t => t)
            .ToListAsync(cancellationToken);

        if (form.Id is { } id)
        {
            form.Talks = await db.Talks.AsNoTracking().OfConference(conference.Id)
                .Where(t => t.SessionId == id)
                .OrderBy(t => t.Position).ThenBy(t => t.Id)
                .Select(t => new Choice(t.Id, t.Title))
                .ToListAsync(cancellationToken);
            var stored = await db.Sessions.AsNoTracking().Where(s => s.Id == id).Select(s => new { s.Title, s.Kind }).FirstOrDefaultAsync(cancellationToken);
            form.DisplayTitle = stored is null ? null : Session.DisplayTitle(stored.Title, stored.Kind, [.. form.Talks.Select(t => t.Label)]);
        }
    }

    public async Task<DeletePage?> DeletePageAsync(OrganizeConference conference, int id, string cancelUrl, CancellationToken cancellationToken)
    {
        var session = (await SessionTitles.ListAsync(db, conference.Id, cancellationToken)).FirstOrDefault(s => s.Id == id);
        var version = await db.Sessions.AsNoTracking().OfConference(conference.Id).Where(s => s.Id == id).Select(s => (Guid?)s.Version).FirstOrDefaultAsync(cancellationToken);
        if (session is null || version is null)
        {
            return null;
        }

        string[] consequences = session.TalkCount == 0
            ? ["The session holds no talk. Its people lose this session from their speaker pages."]
            : [$"Its talks ({OrganizeFormat.Count(session.TalkCount, "talk")}) are kept but become unscheduled; put them into another session afterwards.", "Its people lose this session from their speaker pages."];
        return new DeletePage(conference, "session", session.DisplayTitle, consequences, version.Value, cancelUrl);
    }
}
