using System.Text.Json;
using ConferenceApp.Domain;
using ConferenceApp.Features.Program;
using ConferenceApp.Features.Speakers;
using ConferenceApp.Infrastructure.Images;

namespace ConferenceApp.Features.Interop.Api;

/// <summary>
/// Builds the API's items from a release snapshot in memory, in the orders the API documents.
/// Sessions go by start time then id, and talks by start time, then position in the session,
/// then id, with talks not on the program last. Speakers go by id, rooms by position then id.
/// Only sessions with a time slot are on the program, as on the public program page.
/// </summary>
public sealed class ApiProgram
{
    private readonly string _conference;
    private readonly ProgramSnapshot _snapshot;
    private readonly ApiLinks _links;
    private readonly ConferenceClock _clock;
    private readonly Dictionary<int, SnapshotSpeaker> _speakers;
    private readonly Dictionary<int, SnapshotRoom> _rooms;
    private readonly Dictionary<int, SnapshotSlot> _slots;
    private readonly ILookup<int, SnapshotTalk> _talksBySession;
    private readonly Dictionary<int, SnapshotSession> _placedSessions;

    public ApiProgram(string conferenceSlug, ProgramSnapshot snapshot, ApiLinks links)
    {
        _conference = conferenceSlug;
        _snapshot = snapshot;
        _links = links;
        _clock = new ConferenceClock(snapshot.Conference.TimeZoneId);
        _speakers = snapshot.Speakers.ToDictionary(s => s.Id);
        _rooms = snapshot.Rooms.ToDictionary(r => r.Id);
        _slots = snapshot.Slots.ToDictionary(s => s.Id);
        _talksBySession = snapshot.Talks.Where(t => t.SessionId is not null).ToLookup(t => t.SessionId!.Value);
        _placedSessions = snapshot.Sessions
            .Where(s => s.TimeSlotId is { } slotId && _slots.ContainsKey(slotId))
            .ToDictionary(s => s.Id);
    }

    public IReadOnlyList<RoomItem> Rooms() =>
        [.. _snapshot.Rooms.OrderBy(r => r.Position).ThenBy(r => r.Id).Select(r => new RoomItem(r.Id, r.Name, r.Position))];

    public IReadOnlyList<SessionItem> Sessions() =>
        [.. _placedSessions.Values
            .OrderBy(s => Instant(_slots[s.TimeSlotId!.Value].Start))
            .ThenBy(s => s.Id)
            .Select(ToItem)];

    public SessionItem? Session(int id) => _placedSessions.TryGetValue(id, out var session) ? ToItem(session) : null;

    public IReadOnlyList<TalkItem> Talks() =>
        [.. _snapshot.Talks
            .OrderBy(t => SlotOf(t.SessionId) is { } slot ? Instant(slot.Start) : DateTimeOffset.MaxValue)
            .ThenBy(t => t.Position)
            .ThenBy(t => t.Id)
            .Select(ToItem)];

    public TalkItem? Talk(string slug) =>
        _snapshot.Talks.FirstOrDefault(t => t.Slug == slug) is { } talk ? ToItem(talk) : null;

    public IReadOnlyList<SnapshotSpeaker> SpeakersById() => [.. _snapshot.Speakers.OrderBy(s => s.Id)];

    public SnapshotSpeaker? FindSpeaker(string slug) => _snapshot.Speakers.FirstOrDefault(s => s.Slug == slug);

    /// <summary>Builds a speaker with the live <paramref name="profile"/> (null when the speaker no longer exists) and its bio as sanitized HTML.</summary>
    public SpeakerItem Speaker(SnapshotSpeaker speaker, LiveProfile? profile, string? bioHtml)
    {
        var talks = _snapshot.Talks
            .Where(t => t.Speakers.Any(p => p.SpeakerId == speaker.Id))
            .OrderBy(t => t.Id)
            .Select(TalkRefOf)
            .ToList();

        var sessions = _placedSessions.Values
            .OrderBy(s => s.Id)
            .SelectMany(s => s.People.Where(p => p.SpeakerId == speaker.Id)
                .Select(p => new LedSessionRef(s.Id, TitleOf(s), p.Role, _links.SessionPage(_conference, s.Id), _links.Session(_conference, s.Id))))
            .ToList();

        var links = profile?.Links.Present().Select(l => new ProfileLink(l.Label, l.Url)).ToList() ?? [];
        var photos = profile?.PhotoHash is { } hash
            ? PhotoProcessor.Sizes.Select(size => new PhotoRendition(size, _links.Absolute(SpeakerPhotoUrls.For(speaker.Id, hash, size)!))).ToList()
            : [];

        return new SpeakerItem(speaker.Id, speaker.Slug, speaker.Name, profile?.Headline, profile?.Bio, bioHtml, links, photos, talks, sessions,
            _links.SpeakerPage(_conference, speaker.Slug), _links.Speaker(_conference, speaker.Slug));
    }

    private SessionItem ToItem(SnapshotSession session)
    {
        var slot = _slots[session.TimeSlotId!.Value];
        var talks = _talksBySession[session.Id].OrderBy(t => t.Position).ThenBy(t => t.Id).Select(TalkRefOf).ToList();
        return new SessionItem(
            session.Id,
            TitleOf(session),
            session.Title,
            KindName(session.Kind),
            session.Description,
            session.Track,
            session.Language,
            Time(slot.Start),
            Time(slot.End),
            RoomOf(session.RoomId),
            session.RoomId is null,
            People(session.People),
            talks,
            session.SampleNote,
            _links.SessionPage(_conference, session.Id),
            _links.Session(_conference, session.Id));
    }

    private TalkItem ToItem(SnapshotTalk talk)
    {
        var session = talk.SessionId is { } id ? _placedSessions.GetValueOrDefault(id) : null;
        var slot = session is null ? null : _slots[session.TimeSlotId!.Value];
        var sessionRef = session is null
            ? null
            : new SessionRef(session.Id, TitleOf(session), _links.SessionPage(_conference, session.Id), _links.Session(_conference, session.Id));

        return new TalkItem(
            talk.Id,
            talk.Slug,
            talk.Title,
            talk.Abstract,
            session?.Track,
            session?.Language,
            sessionRef,
            slot is null ? null : Time(slot.Start),
            slot is null ? null : Time(slot.End),
            session is null ? null : RoomOf(session.RoomId),
            session is not null && session.RoomId is null,
            People(talk.Speakers),
            talk.SampleNote,
            _links.TalkPage(_conference, talk.Slug),
            _links.Talk(_conference, talk.Slug));
    }

    /// <summary>Returns the kind as the API writes it, such as "talk" or "break".</summary>
    public static string KindName(SessionKind kind) => JsonNamingPolicy.CamelCase.ConvertName(kind.ToString());

    private string TitleOf(SnapshotSession session) =>
        Domain.Session.DisplayTitle(session.Title, session.Kind, [.. _talksBySession[session.Id].OrderBy(t => t.Position).ThenBy(t => t.Id).Select(t => t.Title)]);

    private SnapshotSlot? SlotOf(int? sessionId) =>
        sessionId is { } id && _placedSessions.TryGetValue(id, out var session) ? _slots[session.TimeSlotId!.Value] : null;

    private RoomRef? RoomOf(int? roomId) =>
        roomId is { } id && _rooms.TryGetValue(id, out var room) ? new RoomRef(room.Id, room.Name) : null;

    private TalkRef TalkRefOf(SnapshotTalk talk) =>
        new(talk.Id, talk.Slug, talk.Title, _links.TalkPage(_conference, talk.Slug), _links.Talk(_conference, talk.Slug));

    private List<PersonRef> People(IEnumerable<SnapshotPerson> people) =>
        [.. people
            .Where(p => _speakers.ContainsKey(p.SpeakerId))
            .Select(p =>
            {
                var speaker = _speakers[p.SpeakerId];
                return new PersonRef(speaker.Id, speaker.Slug, speaker.Name, p.Role,
                    _links.SpeakerPage(_conference, speaker.Slug), _links.Speaker(_conference, speaker.Slug));
            })];

    private DateTimeOffset Instant(DateTime local) => _clock.ToInstantForDisplay(local);

    private ApiTime Time(DateTime local) => new(Instant(local), local, _clock.TimeZoneId);

    /// <summary>Returns an instant as the API writes it, to the whole second, with the conference's offset at that moment.</summary>
    public static ApiTime TimeOf(DateTime utc, string timeZoneId)
    {
        var clock = new ConferenceClock(timeZoneId);
        var seconds = new DateTime(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc);
        var instant = new DateTimeOffset(seconds);
        var local = clock.ToLocal(instant);
        return new ApiTime(new DateTimeOffset(local, local - instant.UtcDateTime), local, clock.TimeZoneId);
    }
}
