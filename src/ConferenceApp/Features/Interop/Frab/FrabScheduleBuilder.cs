using ConferenceApp.Domain;

namespace ConferenceApp.Features.Interop.Frab;

/// <summary>The release to export and where the site is, as the controller finds them.</summary>
public sealed record FrabExportSource(int ConferenceId, string ConferenceSlug, string ReleaseName, ProgramSnapshot Snapshot, string SiteUrl);

/// <summary>
/// Turns a release snapshot into a <see cref="FrabSchedule"/>. Each talk in a scheduled session is
/// an event, and a scheduled session without talks (a break, a meal, the opening) is an event of
/// its own. Sessions without a time slot are left out.
/// </summary>
public static class FrabScheduleBuilder
{
    /// <summary>The name of the pseudo-room for items across all rooms, unless a real room has that name.</summary>
    public const string AllRoomsName = "All rooms";

    /// <summary>The namespace of every GUID in the export. Changing it would change every GUID that clients have stored.</summary>
    public static readonly Guid GuidNamespace = new("3c1f7a52-8e0b-4d6a-9f3e-5b2d1c7e9a40");

    public static FrabSchedule Build(FrabExportSource source)
    {
        var snapshot = source.Snapshot;
        var clock = new ConferenceClock(snapshot.Conference.TimeZoneId);
        var acronym = FrabText.Acronym(source.ConferenceSlug);
        var baseUrl = $"{source.SiteUrl.TrimEnd('/')}/{Uri.EscapeDataString(source.ConferenceSlug)}/";

        var rooms = snapshot.Rooms.OrderBy(r => r.Position).ThenBy(r => r.Id).ToList();
        var allRooms = new FrabRoom(AllRoomsRoomName(rooms), Uuid(source.ConferenceId, "all-rooms"));
        var context = new BuildContext(source, clock, acronym, baseUrl, rooms.ToDictionary(r => r.Id), allRooms.Name);

        var events = ScheduledEvents(context);
        var exportRooms = new List<FrabRoom>();
        if (events.Any(e => e.Event.Room == allRooms.Name))
        {
            exportRooms.Add(allRooms);
        }

        exportRooms.AddRange(rooms.Select(r => new FrabRoom(FrabText.Clean(r.Name), Uuid(source.ConferenceId, $"room:{r.Id}"))));

        var days = Days(snapshot.Conference, events, exportRooms, clock);
        var conference = new FrabConference(
            FrabText.Clean(snapshot.Conference.Name),
            acronym,
            days[0].Date,
            days[^1].Date,
            TimeslotDuration(snapshot.Slots),
            snapshot.Conference.TimeZoneId)
        {
            Tracks = [.. days.SelectMany(d => d.Rooms).SelectMany(r => r.Events).Select(e => e.Track)
                .Where(t => t.Length > 0).Distinct().Order(StringComparer.Ordinal)],
        };

        return new FrabSchedule(FrabText.Clean(source.ReleaseName), baseUrl, conference, exportRooms, days);
    }

    /// <summary>
    /// Returns the event id of a talk. Talks take the even numbers and sessions the odd ones, so
    /// the two id sequences never collide and an item keeps its id in every release.
    /// </summary>
    public static long TalkEventId(int talkId) => 2L * talkId;

    /// <summary>Returns the event id of a session shown as an item of its own; see <see cref="TalkEventId"/>.</summary>
    public static long SessionEventId(int sessionId) => (2L * sessionId) + 1;

    /// <summary>Returns the GUID of a talk, stable across exports and releases.</summary>
    public static Guid TalkGuid(int conferenceId, int talkId) => Uuid(conferenceId, $"talk:{talkId}");

    /// <summary>Returns the GUID of a session shown as an item of its own.</summary>
    public static Guid SessionGuid(int conferenceId, int sessionId) => Uuid(conferenceId, $"session:{sessionId}");

    /// <summary>
    /// Shares a slot among the talks of a session in their order. A talk with a length takes it.
    /// The time the known lengths leave is split evenly, in whole minutes, among the talks without
    /// one, and the last of those takes the leftover minutes. When the known lengths leave no time
    /// for the others, the whole slot is split evenly instead. When every talk has a length, the
    /// talks follow each other with their lengths even if they end after the slot.
    /// </summary>
    public static IReadOnlyList<(DateTimeOffset Start, TimeSpan Duration)> ShareSlot(
        DateTimeOffset slotStart, DateTimeOffset slotEnd, IReadOnlyList<int?> talkMinutes)
    {
        var slotMinutes = (int)(slotEnd - slotStart).TotalMinutes;
        var knownMinutes = talkMinutes.Sum(m => m ?? 0);
        var unknownCount = talkMinutes.Count(m => m is null);

        int[] lengths;
        if (unknownCount == 0)
        {
            lengths = [.. talkMinutes.Select(m => m!.Value)];
        }
        else if (knownMinutes < slotMinutes)
        {
            var shares = SplitEvenly(slotMinutes - knownMinutes, unknownCount);
            var next = 0;
            lengths = [.. talkMinutes.Select(m => m ?? shares[next++])];
        }
        else
        {
            lengths = SplitEvenly(slotMinutes, talkMinutes.Count);
        }

        var placed = new List<(DateTimeOffset, TimeSpan)>(lengths.Length);
        var start = slotStart;
        foreach (var minutes in lengths)
        {
            var duration = TimeSpan.FromMinutes(minutes);
            placed.Add((start, duration));
            start += duration;
        }

        return placed;
    }

    private static int[] SplitEvenly(int minutes, int count)
    {
        var shares = Enumerable.Repeat(minutes / count, count).ToArray();
        shares[^1] += minutes % count;
        return shares;
    }

    private sealed record BuildContext(
        FrabExportSource Source,
        ConferenceClock Clock,
        string Acronym,
        string BaseUrl,
        Dictionary<int, SnapshotRoom> Rooms,
        string AllRoomsName);

    // An event with the local date of its slot's start, the day it belongs to even when it ends after midnight.
    private sealed record DatedEvent(DateOnly Date, FrabEvent Event);

    private static List<DatedEvent> ScheduledEvents(BuildContext context)
    {
        var snapshot = context.Source.Snapshot;
        var slots = snapshot.Slots.ToDictionary(s => s.Id);
        var talksBySession = snapshot.Talks.Where(t => t.SessionId is not null).ToLookup(t => t.SessionId!.Value);
        var speakers = snapshot.Speakers.ToDictionary(s => s.Id);

        var events = new List<DatedEvent>();
        foreach (var session in snapshot.Sessions)
        {
            if (session.TimeSlotId is not { } slotId || !slots.TryGetValue(slotId, out var slot))
            {
                continue;
            }

            var date = DateOnly.FromDateTime(slot.Start);
            var room = session.RoomId is { } roomId && context.Rooms.TryGetValue(roomId, out var found)
                ? FrabText.Clean(found.Name)
                : context.AllRoomsName;

            // ToInstantForDisplay also reads a local time that a later change of zone made skipped.
            var slotStart = context.Clock.ToInstantForDisplay(slot.Start);
            var slotEnd = context.Clock.ToInstantForDisplay(slot.End);
            var talks = talksBySession[session.Id].OrderBy(t => t.Position).ThenBy(t => t.Id).ToList();

            if (talks.Count == 0)
            {
                var title = Session.DisplayTitle(session.Title, session.Kind, []);
                var sessionEvent = Event(context, SessionEventId(session.Id), SessionGuid(context.Source.ConferenceId, session.Id),
                    slotStart, slotEnd - slotStart, room, Domain.Slug.From(title), title, KindType(session.Kind), session.Description,
                    $"{context.BaseUrl}program", Persons(session.People, speakers)) with
                {
                    Track = FrabText.Clean(session.Track),
                    Language = session.Language ?? "",
                };
                events.Add(new DatedEvent(date, sessionEvent));
                continue;
            }

            var times = ShareSlot(slotStart, slotEnd, [.. talks.Select(t => t.DurationMinutes)]);
            var type = session.Kind == SessionKind.TalkBlock ? KindType(SessionKind.Talk) : KindType(session.Kind);
            for (var i = 0; i < talks.Count; i++)
            {
                var talk = talks[i];
                var talkEvent = Event(context, TalkEventId(talk.Id), TalkGuid(context.Source.ConferenceId, talk.Id),
                    times[i].Start, times[i].Duration, room, talk.Slug, talk.Title, type, talk.Abstract,
                    $"{context.BaseUrl}talks/{Uri.EscapeDataString(talk.Slug)}", Persons(talk.Speakers, speakers)) with
                {
                    Track = FrabText.Clean(session.Track),
                    Language = session.Language ?? "",
                };
                events.Add(new DatedEvent(date, talkEvent));
            }
        }

        return events;
    }

    private static FrabEvent Event(BuildContext context, long id, Guid guid, DateTimeOffset start, TimeSpan duration, string room,
        string slugPart, string title, string type, string? abstractText, string url, IReadOnlyList<FrabPerson> persons) =>
        new(id, guid, context.Clock.InZone(start), TimeOnly.FromDateTime(context.Clock.ToLocal(start)), duration, room,
            $"{context.Acronym}-{id}-{slugPart}", FrabText.Clean(title), type, FrabText.Clean(abstractText), url, persons);

    private static List<FrabPerson> Persons(IReadOnlyList<SnapshotPerson> people, Dictionary<int, SnapshotSpeaker> speakers) =>
        [.. people.Where(p => speakers.ContainsKey(p.SpeakerId)).Select(p => new FrabPerson(p.SpeakerId, FrabText.Clean(speakers[p.SpeakerId].Name)))];

    // The kind's label in lower case with hyphens, such as "keynote", "break" or "poster-session".
    private static string KindType(SessionKind kind) => kind.Label().ToLowerInvariant().Replace(' ', '-');

    private static List<FrabDay> Days(SnapshotConference conference, List<DatedEvent> events, List<FrabRoom> rooms, ConferenceClock clock)
    {
        var dates = new SortedSet<DateOnly>(events.Select(e => e.Date));
        for (var date = conference.StartDate; date <= conference.EndDate; date = date.AddDays(1))
        {
            dates.Add(date);
        }

        var eventsByDate = events.ToLookup(e => e.Date, e => e.Event);
        return [.. dates.Select((date, i) => Day(i + 1, date, [.. eventsByDate[date]], rooms, clock))];
    }

    private static FrabDay Day(int index, DateOnly date, List<FrabEvent> events, List<FrabRoom> rooms, ConferenceClock clock)
    {
        var start = events.Count > 0
            ? events.Min(e => e.Start)
            : clock.ToInstantForDisplay(date.ToDateTime(TimeOnly.MinValue));
        var end = events.Count > 0
            ? clock.InZone(events.Max(e => e.Start + e.Duration))
            : clock.ToInstantForDisplay(date.AddDays(1).ToDateTime(TimeOnly.MinValue));

        var dayRooms = rooms
            .Select(room => new FrabDayRoom(room.Name, [.. events.Where(e => e.Room == room.Name).OrderBy(e => e.Start).ThenBy(e => e.Id)]))
            .ToList();
        return new FrabDay(index, date, start, end, dayRooms);
    }

    // The largest number of minutes that divides the minute of the hour of every slot's start and
    // end, so that a client's grid has a line wherever a slot begins or ends; 60 without slots.
    private static TimeSpan TimeslotDuration(IReadOnlyList<SnapshotSlot> slots)
    {
        var step = 60;
        foreach (var minute in slots.SelectMany(s => new[] { s.Start.Minute, s.End.Minute }))
        {
            step = GreatestCommonDivisor(step, minute);
        }

        return TimeSpan.FromMinutes(step);
    }

    private static int GreatestCommonDivisor(int a, int b) => b == 0 ? a : GreatestCommonDivisor(b, a % b);

    private static string AllRoomsRoomName(List<SnapshotRoom> rooms)
    {
        var taken = rooms.Select(r => FrabText.Clean(r.Name)).ToHashSet(StringComparer.Ordinal);
        var name = AllRoomsName;
        for (var n = 2; taken.Contains(name); n++)
        {
            name = $"{AllRoomsName} ({n})";
        }

        return name;
    }

    private static Guid Uuid(int conferenceId, string item) => NameBasedUuid.Create(GuidNamespace, $"{conferenceId}/{item}");
}
