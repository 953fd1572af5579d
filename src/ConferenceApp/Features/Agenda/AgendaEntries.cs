using ConferenceApp.Domain;
using ConferenceApp.Features.Program;

namespace ConferenceApp.Features.Agenda;

/// <summary>
/// Finds starred items in a release snapshot. A talk key finds the talk; a session key finds the
/// session, or its talk when the program shows the session as that single talk. Each item is
/// listed once, however many keys find it.
/// </summary>
public sealed class AgendaEntries
{
    private readonly ProgramSnapshot _snapshot;
    private readonly string _conferenceSlug;
    private readonly ConferenceClock _clock;
    private readonly Dictionary<int, SnapshotTalk> _talks;
    private readonly Dictionary<int, SnapshotSession> _sessions;
    private readonly Dictionary<int, SnapshotSlot> _slots;
    private readonly Dictionary<int, SnapshotRoom> _rooms;
    private readonly Dictionary<int, SnapshotSpeaker> _speakers;
    private readonly ILookup<int, SnapshotTalk> _talksBySession;

    public AgendaEntries(string conferenceSlug, ProgramSnapshot snapshot)
    {
        _snapshot = snapshot;
        _conferenceSlug = conferenceSlug;
        _clock = new ConferenceClock(snapshot.Conference.TimeZoneId);
        _talks = snapshot.Talks.ToDictionary(t => t.Id);
        _sessions = snapshot.Sessions.ToDictionary(s => s.Id);
        _slots = snapshot.Slots.ToDictionary(s => s.Id);
        _rooms = snapshot.Rooms.ToDictionary(r => r.Id);
        _speakers = snapshot.Speakers.ToDictionary(s => s.Id);
        _talksBySession = snapshot.Talks.Where(t => t.SessionId is not null).ToLookup(t => t.SessionId!.Value);
    }

    /// <summary>The number of talks and sessions in the snapshot, which bounds how many keys a list may hold.</summary>
    public int ProgramItemCount => _snapshot.Talks.Count + _snapshot.Sessions.Count;

    /// <summary>
    /// Returns the found items by day in time order, the talks without a time slot, and the keys
    /// that find nothing in this release.
    /// </summary>
    public (IReadOnlyList<AgendaDay> Days, IReadOnlyList<AgendaEntry> Unscheduled, IReadOnlyList<string> Missing) Find(IReadOnlyList<AgendaItemKey> keys)
    {
        var found = new List<AgendaEntry>();
        var missing = new List<string>();
        var listed = new HashSet<(bool IsTalk, int Id)>();

        foreach (var key in keys)
        {
            var (entry, identity) = Resolve(key);
            if (entry is null)
            {
                missing.Add(key.ToString());
            }
            else if (listed.Add(identity))
            {
                found.Add(entry);
            }
        }

        var days = found
            .Where(e => e.Start is not null)
            .OrderBy(e => e.Start!.Local).ThenBy(e => e.End!.Local).ThenBy(e => e.Title, StringComparer.Ordinal)
            .GroupBy(e => DateOnly.FromDateTime(e.Start!.Local))
            .Select(day => new AgendaDay(day.Key, [.. day]))
            .ToList();
        var unscheduled = found.Where(e => e.Start is null).OrderBy(e => e.Title, StringComparer.Ordinal).ToList();
        return (days, unscheduled, missing);
    }

    private (AgendaEntry? Entry, (bool, int) Identity) Resolve(AgendaItemKey key)
    {
        if (key.Kind == AgendaItemKind.Talk)
        {
            return _talks.TryGetValue(key.Id, out var talk) ? (TalkEntry(key, talk), (true, talk.Id)) : (null, default);
        }

        if (!_sessions.TryGetValue(key.Id, out var session))
        {
            return (null, default);
        }

        var talks = _talksBySession[session.Id].OrderBy(t => t.Position).ThenBy(t => t.Id).ToList();
        if (session.Title is null && talks.Count == 1)
        {
            return (TalkEntry(key, talks[0]), (true, talks[0].Id));
        }

        var title = Session.DisplayTitle(session.Title, session.Kind, [.. talks.Select(t => t.Title)]);
        var url = $"/{Uri.EscapeDataString(_conferenceSlug)}/program#session-{session.Id}";
        var (start, end, room, allRooms) = PlacementOf(session);
        return (new AgendaEntry(key.ToString(), title, session.Kind, url, start, end, room, allRooms, People(session.People)), (false, session.Id));
    }

    private AgendaEntry TalkEntry(AgendaItemKey key, SnapshotTalk talk)
    {
        var session = talk.SessionId is { } sessionId ? _sessions.GetValueOrDefault(sessionId) : null;
        var (start, end, room, allRooms) = session is null ? (null, null, null, false) : PlacementOf(session);
        var url = $"/{Uri.EscapeDataString(_conferenceSlug)}/talks/{Uri.EscapeDataString(talk.Slug)}";
        return new AgendaEntry(key.ToString(), talk.Title, session?.Kind ?? SessionKind.Talk, url, start, end, room, allRooms, People(talk.Speakers));
    }

    private (LocalTime? Start, LocalTime? End, string? Room, bool AllRooms) PlacementOf(SnapshotSession session)
    {
        if (session.TimeSlotId is not { } slotId || !_slots.TryGetValue(slotId, out var slot))
        {
            return (null, null, null, false);
        }

        var room = session.RoomId is { } roomId ? _rooms.GetValueOrDefault(roomId)?.Name : null;
        return (At(slot.Start), At(slot.End), room, session.RoomId is null);
    }

    private LocalTime At(DateTime local) => new(local, _clock.ToInstantForDisplay(local));

    private List<PersonLink> People(IEnumerable<SnapshotPerson> people) =>
        [.. people
            .Where(p => _speakers.ContainsKey(p.SpeakerId))
            .Select(p => new PersonLink(_speakers[p.SpeakerId].Slug, _speakers[p.SpeakerId].Name, p.Role))];
}
