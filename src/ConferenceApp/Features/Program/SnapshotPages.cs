using ConferenceApp.Domain;

namespace ConferenceApp.Features.Program;

/// <summary>
/// Builds the public pages' view models from a <see cref="ProgramSnapshot"/> in memory: from the
/// latest release for the public site, or from the draft for the organizers' preview.
/// </summary>
public sealed class SnapshotPages
{
    private readonly ProgramSnapshot _snapshot;
    private readonly ConferenceClock _clock;
    private readonly Dictionary<int, SnapshotSpeaker> _speakers;
    private readonly Dictionary<int, SnapshotRoom> _rooms;
    private readonly Dictionary<int, SnapshotSlot> _slots;
    private readonly Dictionary<int, SnapshotSession> _sessions;

    public SnapshotPages(int conferenceId, string conferenceSlug, ProgramSnapshot snapshot)
    {
        _snapshot = snapshot;
        var conference = snapshot.Conference;
        Header = new ConferenceHeader(conferenceId, conferenceSlug, conference.Name, conference.Venue, conference.TimeZoneId,
            conference.StartDate, conference.EndDate, conference.SampleNote);
        _clock = new ConferenceClock(conference.TimeZoneId);
        _speakers = snapshot.Speakers.ToDictionary(s => s.Id);
        _rooms = snapshot.Rooms.ToDictionary(r => r.Id);
        _slots = snapshot.Slots.ToDictionary(s => s.Id);
        _sessions = snapshot.Sessions.ToDictionary(s => s.Id);
    }

    /// <summary>The conference header as the snapshot has it, with the id and slug of the live conference.</summary>
    public ConferenceHeader Header { get; }

    public ProgramPage Program()
    {
        var sessionsBySlot = _snapshot.Sessions.Where(s => s.TimeSlotId is not null).ToLookup(s => s.TimeSlotId!.Value);
        var talksBySession = _snapshot.Talks.Where(t => t.SessionId is not null).ToLookup(t => t.SessionId!.Value);

        var days = _snapshot.Slots
            .OrderBy(s => s.Start).ThenBy(s => s.End).ThenBy(s => s.Id)
            .GroupBy(slot => DateOnly.FromDateTime(slot.Start))
            .Select(day => new ProgramDay(day.Key, day
                .Select(slot => new ProgramSlot(
                    At(slot.Start),
                    At(slot.End),
                    sessionsBySlot[slot.Id]
                        .OrderBy(s => RoomPosition(s.RoomId))
                        .ThenBy(s => s.Id)
                        .Select(s => ToItem(s, [.. talksBySession[s.Id]]))
                        .ToList()))
                .Where(slot => slot.Items.Count > 0)
                .ToList()))
            .Where(day => day.Slots.Count > 0)
            .ToList();

        var rooms = _snapshot.Rooms.OrderBy(r => r.Position).ThenBy(r => r.Id).Select(r => r.Name).ToList();
        return new ProgramPage(Header, days) { Rooms = rooms };
    }

    /// <summary>Returns the speakers in name order, with the live headline and photo from <paramref name="profiles"/> where the speaker still exists.</summary>
    public SpeakerListPage Speakers(IReadOnlyDictionary<int, LiveProfile> profiles)
    {
        var speakers = _snapshot.Speakers
            .OrderBy(s => s.Name, StringComparer.Ordinal).ThenBy(s => s.Id)
            .Select(s =>
            {
                var profile = profiles.GetValueOrDefault(s.Id);
                return new SpeakerSummary(s.Slug, s.Name, profile?.Headline, s.Id, profile?.PhotoHash);
            })
            .ToList();

        return new SpeakerListPage(Header, speakers);
    }

    public SnapshotSpeaker? FindSpeaker(string slug) => _snapshot.Speakers.FirstOrDefault(s => s.Slug == slug);

    /// <summary>Returns the speaker's talks and led sessions as published; <paramref name="profile"/> is null when the speaker no longer exists.</summary>
    public SpeakerPage Speaker(SnapshotSpeaker speaker, LiveProfile? profile, string bioHtml)
    {
        var speakerTalks = _snapshot.Talks
            .Where(t => t.Speakers.Any(s => s.SpeakerId == speaker.Id))
            .Select(t =>
            {
                var speakers = People(t.Speakers);
                return new SpeakerTalk(
                    t.Slug,
                    t.Title,
                    t.Abstract,
                    SessionTitleOf(t.SessionId),
                    PlacementOf(t.SessionId),
                    speakers.Where(s => s.Slug != speaker.Slug).ToList(),
                    t.SampleNote);
            })
            .OrderBy(t => t.Placement.Start?.Local ?? DateTime.MaxValue)
            .ThenBy(t => t.Title, StringComparer.Ordinal)
            .ToList();

        var speakerSessions = _snapshot.Sessions
            .SelectMany(s => s.People.Where(p => p.SpeakerId == speaker.Id).Select(p => (Session: s, p.Role)))
            .Select(led => new SpeakerSession(led.Session.Title ?? led.Session.Kind.Label(), led.Role, PlacementOf(led.Session.Id)))
            .OrderBy(s => s.Placement.Start?.Local ?? DateTime.MaxValue)
            .ToList();

        var links = profile?.Links.Present().ToList() ?? [];
        var photoUrl = profile is null ? null : Features.Speakers.SpeakerPhotoUrls.For(speaker.Id, profile.PhotoHash, 256);
        return new SpeakerPage(Header, speaker.Slug, speaker.Name, profile?.Headline, bioHtml, photoUrl, links, speakerTalks, speakerSessions);
    }

    public TalkPage? Talk(string slug)
    {
        var talk = _snapshot.Talks.FirstOrDefault(t => t.Slug == slug);
        if (talk is null)
        {
            return null;
        }

        var session = talk.SessionId is { } sessionId ? _sessions.GetValueOrDefault(sessionId) : null;
        return new TalkPage(Header, talk.Slug, talk.Title, talk.Abstract, People(talk.Speakers), SessionTitleOf(talk.SessionId),
            PlacementOf(talk.SessionId), talk.SampleNote, session?.Track, session?.Language) { Id = talk.Id };
    }

    // Items across all rooms come first, then rooms in their set order.
    private int RoomPosition(int? roomId) =>
        roomId is { } id && _rooms.TryGetValue(id, out var room) ? room.Position : -1;

    private LocalTime At(DateTime local) => new(local, _clock.ToInstantForDisplay(local));

    private List<PersonLink> People(IEnumerable<SnapshotPerson> people) =>
        [.. people
            .Where(p => _speakers.ContainsKey(p.SpeakerId))
            .Select(p => new PersonLink(_speakers[p.SpeakerId].Slug, _speakers[p.SpeakerId].Name, p.Role))];

    private ProgramItem ToItem(SnapshotSession session, List<SnapshotTalk> talks)
    {
        var orderedTalks = talks.OrderBy(t => t.Position).ThenBy(t => t.Id)
            .Select(t => new ProgramTalk(t.Id, t.Slug, t.Title, People(t.Speakers), t.SampleNote, t.Abstract))
            .ToList();

        // A session without a title of its own that contains exactly one talk is that talk on the program.
        var singleTalk = session.Title is null && orderedTalks.Count == 1 ? orderedTalks[0] : null;
        var title = Session.DisplayTitle(session.Title, session.Kind, [.. orderedTalks.Select(t => t.Title)]);
        var roomName = session.RoomId is { } roomId ? _rooms.GetValueOrDefault(roomId)?.Name : null;

        return new ProgramItem(
            session.Id,
            title,
            session.Kind,
            roomName,
            session.Description,
            session.SampleNote,
            People(session.People),
            singleTalk,
            singleTalk is null ? orderedTalks : [],
            session.Track,
            session.Language);
    }

    // The title a talk page shows for its session: the session's own, or its kind unless that is "Talk".
    private string? SessionTitleOf(int? sessionId)
    {
        if (sessionId is not { } id || !_sessions.TryGetValue(id, out var session))
        {
            return null;
        }

        return session.Title ?? (session.Kind == SessionKind.Talk ? null : session.Kind.Label());
    }

    private Placement PlacementOf(int? sessionId)
    {
        if (sessionId is not { } id
            || !_sessions.TryGetValue(id, out var session)
            || session.TimeSlotId is not { } slotId
            || !_slots.TryGetValue(slotId, out var slot))
        {
            return new Placement(null, null, null, false);
        }

        var roomName = session.RoomId is { } roomId ? _rooms.GetValueOrDefault(roomId)?.Name : null;
        return new Placement(At(slot.Start), At(slot.End), roomName, session.RoomId is null);
    }
}

/// <summary>A speaker's profile as the speaker keeps it now; releases do not freeze it.</summary>
public sealed record LiveProfile(int Id, string? Headline, string? Bio, string? PhotoHash, SpeakerLinks Links);
