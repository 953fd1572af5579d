using System.Globalization;
using ConferenceApp.Data;
using ConferenceApp.Domain;
using ConferenceApp.Features.Interop.Frab;
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
                t.Speakers.OrderBy(p => p.Position).Select(p => p.SpeakerId).ToList(), t.Position))
            .ToListAsync(cancellationToken);

        return new ImportDraft(conference.TimeZoneId, conference.StartDate, conference.EndDate, rooms, slots, speakers, sessions, talks)
        {
            OwnKeys = OwnKeysOf(conferenceId, sessions, talks, speakers),
        };
    }

    /// <summary>Returns the keys <see cref="FrabScheduleBuilder"/> gives the draft's items, the same in every release.</summary>
    private static OwnExportKeys OwnKeysOf(int conferenceId, List<DraftSession> sessions, List<DraftTalk> talks, List<DraftSpeaker> speakers)
    {
        var talksBySession = talks.Where(t => t.SessionId is not null).ToLookup(t => t.SessionId!.Value);
        var sessionKeys = new Dictionary<int, string>();
        foreach (var session in sessions)
        {
            var sessionTalks = talksBySession[session.Id].ToList();
            if (sessionTalks.Count == 0)
            {
                sessionKeys[session.Id] = $"frab:{FrabScheduleBuilder.SessionGuid(conferenceId, session.Id):D}";
            }
            else if (sessionTalks.Count == 1)
            {
                sessionKeys[session.Id] = $"frab:{FrabScheduleBuilder.TalkGuid(conferenceId, sessionTalks[0].Id):D}";
            }
        }

        return new OwnExportKeys(
            sessionKeys,
            talks.ToDictionary(t => t.Id, t => $"frab:{FrabScheduleBuilder.TalkGuid(conferenceId, t.Id):D}"),
            speakers.ToDictionary(s => s.Id, s => string.Create(CultureInfo.InvariantCulture, $"frab:person:{s.Id}")));
    }
}
