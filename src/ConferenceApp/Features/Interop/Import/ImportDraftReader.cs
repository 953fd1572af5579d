using ConferenceApp.Data;
using ConferenceApp.Domain;
using Microsoft.EntityFrameworkCore;

namespace ConferenceApp.Features.Interop.Import;

/// <summary>Loads the part of a conference's draft that the import planner compares with, in six queries.</summary>
public sealed class ImportDraftReader(ConferenceDbContext db)
{
    public async Task<ImportDraft?> ReadAsync(int conferenceId, CancellationToken cancellationToken)
    {
        var conference = await db.Conferences.AsNoTracking()
            .Where(c => c.Id == conferenceId)
            .Select(c => new { c.TimeZoneId, c.StartDate, c.EndDate })
            .FirstOrDefaultAsync(cancellationToken);
        if (conference is null)
        {
            return null;
        }

        var rooms = await db.Rooms.AsNoTracking().OfConference(conferenceId)
            .OrderBy(r => r.Id)
            .Select(r => new DraftRoom(r.Id, r.SourceKey, r.Name))
            .ToListAsync(cancellationToken);
        var slots = await db.TimeSlots.AsNoTracking().OfConference(conferenceId)
            .OrderBy(s => s.Id)
            .Select(s => new DraftSlot(s.Id, s.Start, s.End))
            .ToListAsync(cancellationToken);
        var speakers = await db.Speakers.AsNoTracking().OfConference(conferenceId)
            .OrderBy(s => s.Id)
            .Select(s => new DraftSpeaker(s.Id, s.SourceKey, s.Name, s.Headline, s.Email, s.Bio))
            .ToListAsync(cancellationToken);
        var sessions = await db.Sessions.AsNoTracking().OfConference(conferenceId)
            .OrderBy(s => s.Id)
            .Select(s => new DraftSession(s.Id, s.SourceKey, s.Title, s.Kind, s.Description, s.TimeSlotId, s.RoomId,
                s.People.OrderBy(p => p.Position).Select(p => p.SpeakerId).ToList(), s.Track, s.Language))
            .ToListAsync(cancellationToken);
        var talks = await db.Talks.AsNoTracking().OfConference(conferenceId)
            .OrderBy(t => t.Id)
            .Select(t => new DraftTalk(t.Id, t.SourceKey, t.Title, t.Abstract, t.SessionId, t.DurationMinutes,
                t.Speakers.OrderBy(p => p.Position).Select(p => p.SpeakerId).ToList()))
            .ToListAsync(cancellationToken);

        return new ImportDraft(conference.TimeZoneId, conference.StartDate, conference.EndDate, rooms, slots, speakers, sessions, talks);
    }
}
