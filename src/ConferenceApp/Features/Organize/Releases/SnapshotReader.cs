using ConferenceApp.Data;
using ConferenceApp.Domain;
using Microsoft.EntityFrameworkCore;

namespace ConferenceApp.Features.Organize.Releases;

/// <summary>Reads the draft program (the live tables that organizers edit) into a <see cref="ProgramSnapshot"/>, in eight queries whatever its size.</summary>
public sealed class SnapshotReader(ConferenceDbContext db)
{
    /// <summary>Returns the conference's draft, or null when the conference does not exist.</summary>
    public async Task<ProgramSnapshot?> ReadAsync(int conferenceId, CancellationToken cancellationToken)
    {
        var conference = await db.Conferences.AsNoTracking()
            .Where(c => c.Id == conferenceId)
            .Select(c => new SnapshotConference(c.Name, c.Venue, c.TimeZoneId, c.StartDate, c.EndDate, c.SampleNote))
            .FirstOrDefaultAsync(cancellationToken);
        if (conference is null)
        {
            return null;
        }

        var rooms = await db.Rooms.AsNoTracking().OfConference(conferenceId)
            .OrderBy(r => r.Position).ThenBy(r => r.Id)
            .Select(r => new SnapshotRoom(r.Id, r.Name, r.Position))
            .ToListAsync(cancellationToken);

        var slots = await db.TimeSlots.AsNoTracking().OfConference(conferenceId)
            .OrderBy(s => s.Start).ThenBy(s => s.End).ThenBy(s => s.Id)
            .Select(s => new SnapshotSlot(s.Id, s.Start, s.End))
            .ToListAsync(cancellationToken);

        var sessionIds = db.Sessions.OfConference(conferenceId).Select(s => s.Id);
        var people = (await db.SessionPeople.AsNoTracking()
                .Where(p => sessionIds.Contains(p.SessionId))
                .OrderBy(p => p.Position)
                .Select(p => new { p.SessionId, p.SpeakerId, p.Role })
                .ToListAsync(cancellationToken))
            .ToLookup(p => p.SessionId, p => new SnapshotPerson(p.SpeakerId, p.Role));

        var sessions = (await db.Sessions.AsNoTracking().OfConference(conferenceId)
                .OrderBy(s => s.Id)
                .Select(s => new { s.Id, s.Title, s.Kind, s.Description, s.TimeSlotId, s.RoomId, s.SampleNote, s.Track, s.Language })
                .ToListAsync(cancellationToken))
            .Select(s => new SnapshotSession(s.Id, s.Title, s.Kind, s.Description, s.TimeSlotId, s.RoomId, s.SampleNote, [.. people[s.Id]], s.Track, s.Language))
            .ToList();

        var talkIds = db.Talks.OfConference(conferenceId).Select(t => t.Id);
        var talkSpeakers = (await db.TalkSpeakers.AsNoTracking()
                .Where(ts => talkIds.Contains(ts.TalkId))
                .OrderBy(ts => ts.Position)
                .Select(ts => new { ts.TalkId, ts.SpeakerId, ts.Role })
                .ToListAsync(cancellationToken))
            .ToLookup(ts => ts.TalkId, ts => new SnapshotPerson(ts.SpeakerId, ts.Role));

        var talks = (await db.Talks.AsNoTracking().OfConference(conferenceId)
                .OrderBy(t => t.Id)
                .Select(t => new { t.Id, t.Slug, t.Title, t.Abstract, t.SessionId, t.Position, t.SampleNote, t.DurationMinutes })
                .ToListAsync(cancellationToken))
            .Select(t => new SnapshotTalk(t.Id, t.Slug, t.Title, t.Abstract, t.SessionId, t.Position, t.SampleNote, [.. talkSpeakers[t.Id]], t.DurationMinutes))
            .ToList();

        var speakers = await db.Speakers.AsNoTracking().OfConference(conferenceId)
            .OrderBy(s => s.Name).ThenBy(s => s.Id)
            .Select(s => new SnapshotSpeaker(s.Id, s.Slug, s.Name))
            .ToListAsync(cancellationToken);

        return new ProgramSnapshot(conference, rooms, slots, sessions, talks, speakers);
    }
}
