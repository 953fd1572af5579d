using ConferenceApp.Data;
using ConferenceApp.Domain;
using ConferenceApp.Features.Speakers;
using ConferenceApp.Infrastructure.Text;
using Microsoft.EntityFrameworkCore;

namespace ConferenceApp.Features.Program;

/// <summary>
/// The public read side: each method projects straight to a view model with a fixed number of
/// queries, whatever the size of the program, and tracks nothing.
/// </summary>
public sealed class ProgramQueries(ConferenceDbContext db, MarkdownRenderer markdown)
{
    /// <summary>
    /// Returns the slug of the conference that "/" leads to: the one running today, else the
    /// next to start, else the one that ended last. Null when there is no conference.
    /// </summary>
    public async Task<string?> FindCurrentSlugAsync(DateOnly todayUtc, CancellationToken cancellationToken)
    {
        var conferences = await db.Conferences.AsNoTracking()
            .Select(c => new { c.Slug, c.StartDate, c.EndDate })
            .ToListAsync(cancellationToken);

        // Comparing UTC dates is off by at most a day at either end of a conference, which is
        // acceptable for choosing a default page.
        var running = conferences.Where(c => c.StartDate <= todayUtc && c.EndDate >= todayUtc).MinBy(c => c.StartDate);
        var next = conferences.Where(c => c.StartDate > todayUtc).MinBy(c => c.StartDate);
        var last = conferences.Where(c => c.EndDate < todayUtc).MaxBy(c => c.EndDate);
        return (running ?? next ?? last)?.Slug;
    }

    public Task<ConferenceHeader?> FindConferenceAsync(string slug, CancellationToken cancellationToken) =>
        db.Conferences.AsNoTracking()
            .Where(c => c.Slug == slug)
            .Select(c => new ConferenceHeader(c.Id, c.Slug, c.Name, c.Venue, c.TimeZoneId, c.StartDate, c.EndDate, c.SampleNote))
            .FirstOrDefaultAsync(cancellationToken);

    public async Task<ProgramPage?> GetProgramAsync(string conferenceSlug, CancellationToken cancellationToken)
    {
        var conference = await FindConferenceAsync(conferenceSlug, cancellationToken);
        if (conference is null)
        {
            return null;
        }

        var clock = new ConferenceClock(conference.TimeZoneId);

        var slots = await db.TimeSlots.AsNoTracking().OfConference(conference.Id)
            .OrderBy(s => s.Start).ThenBy(s => s.End).ThenBy(s => s.Id)
            .Select(s => new { s.Id, s.Start, s.End })
            .ToListAsync(cancellationToken);

        var sessions = await db.Sessions.AsNoTracking().OfConference(conference.Id)
            .Where(s => s.TimeSlotId != null)
            .Select(s => new SessionRow(s.Id, s.TimeSlotId, s.RoomId, s.Title, s.Kind, s.Description, s.SampleNote))
            .ToListAsync(cancellationToken);

        var rooms = await RoomsAsync(conference.Id, cancellationToken);
        var talks = await TalksAsync(conference.Id, cancellationToken);
        var people = await SessionPeopleAsync(conference.Id, cancellationToken);

        var talksBySession = talks.Where(t => t.SessionId is not null).ToLookup(t => t.SessionId!.Value);
        var peopleBySession = people.ToLookup(p => p.SessionId);
        var sessionsBySlot = sessions.ToLookup(s => s.TimeSlotId!.Value);

        var days = slots
            .GroupBy(slot => DateOnly.FromDateTime(slot.Start))
            .Select(day => new ProgramDay(day.Key, day
                .Select(slot => new ProgramSlot(
                    At(clock, slot.Start),
                    At(clock, slot.End),
                    sessionsBySlot[slot.Id]
                        .OrderBy(s => RoomPosition(rooms, s.RoomId))
                        .ThenBy(s => s.Id)
                        .Select(s => ToItem(s, rooms, [.. talksBySession[s.Id]], [.. peopleBySession[s.Id]]))
                        .ToList()))
                .Where(slot => slot.Items.Count > 0)
                .ToList()))
            .Where(day => day.Slots.Count > 0)
            .ToList();

        return new ProgramPage(conference, days);
    }

    public async Task<SpeakerListPage?> GetSpeakersAsync(string conferenceSlug, CancellationToken cancellationToken)
    {
        var conference = await FindConferenceAsync(conferenceSlug, cancellationToken);
        if (conference is null)
        {
            return null;
        }

        var speakers = await db.Speakers.AsNoTracking().OfConference(conference.Id)
            .OrderBy(s => s.Name).ThenBy(s => s.Id)
            .Select(s => new SpeakerSummary(s.Slug, s.Name, s.Headline, s.Id, s.PhotoHash))
            .ToListAsync(cancellationToken);

        return new SpeakerListPage(conference, speakers);
    }

    public async Task<SpeakerPage?> GetSpeakerAsync(string conferenceSlug, string speakerSlug, CancellationToken cancellationToken)
    {
        var conference = await FindConferenceAsync(conferenceSlug, cancellationToken);
        if (conference is null)
        {
            return null;
        }

        var speaker = await db.Speakers.AsNoTracking().OfConference(conference.Id)
            .Where(s => s.Slug == speakerSlug)
            .Select(s => new { s.Id, s.Slug, s.Name, s.Headline, s.Bio, s.PhotoHash, s.WebsiteUrl, s.LinkedInUrl, s.GitHubUrl, s.MastodonUrl, s.XUrl })
            .FirstOrDefaultAsync(cancellationToken);
        if (speaker is null)
        {
            return null;
        }

        var talkIds = db.TalkSpeakers.Where(ts => ts.SpeakerId == speaker.Id).Select(ts => ts.TalkId);
        var talks = await TalksAsync(conference.Id, cancellationToken, talkIds);

        var ledSessions = await db.SessionPeople.AsNoTracking()
            .Where(p => p.SpeakerId == speaker.Id)
            .Join(db.Sessions.OfConference(conference.Id), p => p.SessionId, s => s.Id,
                (p, s) => new { s.Id, s.Title, s.Kind, p.Role })
            .ToListAsync(cancellationToken);

        var clock = new ConferenceClock(conference.TimeZoneId);
        var sessionIds = talks.Where(t => t.SessionId is not null).Select(t => t.SessionId!.Value).Concat(ledSessions.Select(s => s.Id));
        var placements = await PlacementsAsync(conference.Id, [.. sessionIds.Distinct()], cancellationToken);

        var speakerTalks = talks
            .Select(t => new SpeakerTalk(
                t.Slug,
                t.Title,
                t.Abstract,
                t.SessionId is { } sessionId ? placements.GetValueOrDefault(sessionId)?.Title : null,
                PlacementOf(clock, placements, t.SessionId),
                t.Speakers.Where(s => s.Slug != speaker.Slug).ToList(),
                t.SampleNote))
            .OrderBy(t => t.Placement.Start?.Local ?? DateTime.MaxValue)
            .ThenBy(t => t.Title, StringComparer.Ordinal)
            .ToList();

        var speakerSessions = ledSessions
            .Select(s => new SpeakerSession(s.Title ?? s.Kind.Label(), s.Role, PlacementOf(clock, placements, s.Id)))
            .OrderBy(s => s.Placement.Start?.Local ?? DateTime.MaxValue)
            .ToList();

        var links = new SpeakerLinks(speaker.WebsiteUrl, speaker.LinkedInUrl, speaker.GitHubUrl, speaker.MastodonUrl, speaker.XUrl);
        return new SpeakerPage(conference, speaker.Slug, speaker.Name, speaker.Headline, markdown.ToHtml(speaker.Bio),
            SpeakerPhotoUrls.For(speaker.Id, speaker.PhotoHash, 256), [.. links.Present()], speakerTalks, speakerSessions);
    }

    public async Task<TalkPage?> GetTalkAsync(string conferenceSlug, string talkSlug, CancellationToken cancellationToken)
    {
        var conference = await FindConferenceAsync(conferenceSlug, cancellationToken);
        if (conference is null)
        {
            return null;
        }

        var talkIds = db.Talks.OfConference(conference.Id).Where(t => t.Slug == talkSlug).Select(t => t.Id);
        var talk = (await TalksAsync(conference.Id, cancellationToken, talkIds)).SingleOrDefault();
        if (talk is null)
        {
            return null;
        }

        var clock = new ConferenceClock(conference.TimeZoneId);
        var placements = await PlacementsAsync(conference.Id, talk.SessionId is { } id ? [id] : [], cancellationToken);
        var sessionTitle = talk.SessionId is { } sessionId ? placements.GetValueOrDefault(sessionId)?.Title : null;

        return new TalkPage(conference, talk.Slug, talk.Title, talk.Abstract, talk.Speakers, sessionTitle,
            PlacementOf(clock, placements, talk.SessionId), talk.SampleNote);
    }

    private sealed record SessionRow(int Id, int? TimeSlotId, int? RoomId, string? Title, SessionKind Kind, string? Description, string? SampleNote);

    private sealed record RoomRow(string Name, int Position);

    private sealed record TalkRow(int Id, int? SessionId, int Position, string Slug, string Title, string? Abstract, string? SampleNote, IReadOnlyList<PersonLink> Speakers);

    private sealed record PersonRow(int SessionId, PersonLink Person);

    /// <summary>A session's title and place, as the speaker and talk pages need them.</summary>
    private sealed record PlacementRow(string? Title, DateTime? Start, DateTime? End, string? RoomName, bool AllRooms);

    // Items across all rooms come first, then rooms in their set order.
    private static int RoomPosition(Dictionary<int, RoomRow> rooms, int? roomId) =>
        roomId is { } id && rooms.TryGetValue(id, out var room) ? room.Position : -1;

    private static LocalTime At(ConferenceClock clock, DateTime local) => new(local, clock.ToInstantForDisplay(local));

    private static ProgramItem ToItem(SessionRow session, Dictionary<int, RoomRow> rooms, List<TalkRow> talks, List<PersonRow> people)
    {
        var orderedTalks = talks.OrderBy(t => t.Position).ThenBy(t => t.Id)
            .Select(t => new ProgramTalk(t.Slug, t.Title, t.Speakers, t.SampleNote))
            .ToList();

        // A session without a title of its own that contains exactly one talk is that talk on the program.
        var singleTalk = session.Title is null && orderedTalks.Count == 1 ? orderedTalks[0] : null;
        var title = Session.DisplayTitle(session.Title, session.Kind, [.. orderedTalks.Select(t => t.Title)]);
        var roomName = session.RoomId is { } roomId ? rooms.GetValueOrDefault(roomId)?.Name : null;

        return new ProgramItem(
            session.Id,
            title,
            session.Kind,
            roomName,
            session.Description,
            session.SampleNote,
            [.. people.Select(p => p.Person)],
            singleTalk,
            singleTalk is null ? orderedTalks : []);
    }

    private async Task<Dictionary<int, RoomRow>> RoomsAsync(int conferenceId, CancellationToken cancellationToken) =>
        await db.Rooms.AsNoTracking().OfConference(conferenceId)
            .ToDictionaryAsync(r => r.Id, r => new RoomRow(r.Name, r.Position), cancellationToken);

    // Loads talks with their speakers in two queries, only those in talkIds when it is given.
    private async Task<List<TalkRow>> TalksAsync(int conferenceId, CancellationToken cancellationToken, IQueryable<int>? talkIds = null)
    {
        var talkQuery = db.Talks.AsNoTracking().OfConference(conferenceId);
        if (talkIds is not null)
        {
            talkQuery = talkQuery.Where(t => talkIds.Contains(t.Id));
        }

        var talks = await talkQuery
            .Select(t => new { t.Id, t.SessionId, t.Position, t.Slug, t.Title, t.Abstract, t.SampleNote })
            .ToListAsync(cancellationToken);

        var speakers = await db.TalkSpeakers.AsNoTracking()
            .Where(ts => talkQuery.Select(t => t.Id).Contains(ts.TalkId))
            .OrderBy(ts => ts.Position)
            .Select(ts => new { ts.TalkId, ts.Speaker!.Slug, ts.Speaker.Name, ts.Role })
            .ToListAsync(cancellationToken);
        var speakersByTalk = speakers.ToLookup(s => s.TalkId, s => new PersonLink(s.Slug, s.Name, s.Role));

        return talks
            .Select(t => new TalkRow(t.Id, t.SessionId, t.Position, t.Slug, t.Title, t.Abstract, t.SampleNote, [.. speakersByTalk[t.Id]]))
            .ToList();
    }

    private async Task<List<PersonRow>> SessionPeopleAsync(int conferenceId, CancellationToken cancellationToken)
    {
        var sessionIds = db.Sessions.OfConference(conferenceId).Select(s => s.Id);
        return await db.SessionPeople.AsNoTracking()
            .Where(p => sessionIds.Contains(p.SessionId))
            .OrderBy(p => p.Position)
            .Select(p => new PersonRow(p.SessionId, new PersonLink(p.Speaker!.Slug, p.Speaker.Name, p.Role)))
            .ToListAsync(cancellationToken);
    }

    private async Task<Dictionary<int, PlacementRow>> PlacementsAsync(int conferenceId, List<int> sessionIds, CancellationToken cancellationToken)
    {
        var rows = await (
                from session in db.Sessions.AsNoTracking().OfConference(conferenceId)
                where sessionIds.Contains(session.Id)
                join slot in db.TimeSlots on session.TimeSlotId equals slot.Id into slotJoin
                from slot in slotJoin.DefaultIfEmpty()
                join room in db.Rooms on session.RoomId equals room.Id into roomJoin
                from room in roomJoin.DefaultIfEmpty()
                select new
                {
                    session.Id,
                    session.Title,
                    session.Kind,
                    Start = slot == null ? (DateTime?)null : slot.Start,
                    End = slot == null ? (DateTime?)null : slot.End,
                    RoomName = room == null ? null : room.Name,
                    session.RoomId,
                })
            .ToListAsync(cancellationToken);

        return rows.ToDictionary(
            r => r.Id,
            r => new PlacementRow(r.Title ?? (r.Kind == SessionKind.Talk ? null : r.Kind.Label()), r.Start, r.End, r.RoomName, r.RoomId is null));
    }

    private static Placement PlacementOf(ConferenceClock clock, Dictionary<int, PlacementRow> placements, int? sessionId)
    {
        if (sessionId is not { } id || !placements.TryGetValue(id, out var row) || row.Start is null || row.End is null)
        {
            return new Placement(null, null, null, false);
        }

        return new Placement(At(clock, row.Start.Value), At(clock, row.End.Value), row.RoomName, row.AllRooms);
    }
}
