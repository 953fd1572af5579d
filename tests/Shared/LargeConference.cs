using System.Globalization;
using ConferenceApp.Domain;
using ConferenceApp.Features.Interop.Frab;

namespace ConferenceApp.Testing;

/// <summary>The size of a generated conference: days, rooms, events (talks and breaks) and speakers.</summary>
public sealed record LargeConferenceSize(int Days, int Rooms, int Events, int Speakers)
{
    /// <summary>The size the import must handle quickly: 2 days, 30 rooms, 800 events, 1,000 speakers.</summary>
    public static LargeConferenceSize Standard { get; } = new(2, 30, 800, 1000);
}

/// <summary>
/// A generated frab schedule XML file and what the importer must create from it: one session per
/// event, one talk per event that is not a break, a time slot per distinct pair of local start and
/// end (<see cref="TimeSlotCount"/>), and <see cref="SpeakerAssignmentCount"/> links of talks to speakers.
/// </summary>
public sealed record GeneratedConference(
    byte[] Xml,
    string TimeZoneId,
    DateOnly StartDate,
    DateOnly EndDate,
    IReadOnlyList<string> RoomNames,
    IReadOnlyList<Guid> TalkGuids,
    IReadOnlyList<Guid> BreakGuids,
    IReadOnlyList<int> SpeakerIds,
    int TimeSlotCount,
    int SpeakerAssignmentCount);

/// <summary>
/// Generates a large conference as a frab schedule XML file, written by <see cref="FrabXmlWriter"/>
/// as /{conference}/schedule.xml writes it. The same seed and size always give the same bytes.
/// </summary>
/// <remarks>
/// Each day runs rows of 30-minute steps from 09:00, with a coffee break after the second row, lunch
/// after the fourth and another coffee break after the sixth, each across all rooms. A talk fills
/// 20 to 30 minutes of its step and has 1 to 3 speakers, and every speaker gives at least one talk.
/// Some titles and names use typographic quotes, accents or Hebrew.
/// </remarks>
public sealed class LargeConferenceGenerator(int seed = 20260509)
{
    public const string TimeZoneId = "Europe/Berlin";

    public static readonly DateOnly FirstDay = new(2027, 5, 18);

    private const string BaseUrl = "https://conference.example.org/large/";

    private static readonly int[] BreakAfterRow = [2, 4, 6];

    private static readonly int[] TalkMinutes = [20, 25, 30];

    private static readonly string[] FirstNames =
    [
        "Ada", "Grace", "Linus", "Zoë", "José", "Łukasz", "Noa", "Yael", "Søren", "Amélie", "Björn", "Chiara", "Dmitri", "Émile",
        "Fatma", "Giulia", "Hiroshi", "Ingrid", "Jürgen", "Kateřina", "Lea", "Mateo", "Nadia", "Oğuz", "Priya", "Quentin", "Rūta",
        "דנה", "יוסי", "מיכל", "אורי",
    ];

    private static readonly string[] LastNames =
    [
        "Lovelace", "Hopper", "Ångström", "Núñez", "Żółkiewski", "O’Brien", "Müller", "Dvořák", "Lindqvist", "Moreau", "Rossi",
        "Tanaka", "Kowalska", "Šimková", "Yılmaz", "Petrova", "Navarro", "Ferreira", "van der Berg", "Nakamura",
        "כהן", "לוי", "מזרחי", "פרץ",
    ];

    private static readonly string[] Subjects =
    [
        "Schema migrations", "Time zones", "Event sourcing", "Accessible forms", "Build caching", "Query plans", "Feature flags",
        "Structured logging", "Load shedding", "Static analysis", "Unicode text", "Offline sync", "Rate limits", "Search ranking",
        "Release trains", "Memory profiling", "Contract tests", "Edge caching", "Data retention", "Incident reviews",
    ];

    private static readonly string[] Angles =
    [
        "in production", "without downtime", "— a field report", "at scale", "for small teams", "the hard way",
        "“done right”", "after ten years", "on a budget", "and their pitfalls", "in 25 minutes", "beyond the basics",
    ];

    private static readonly string[] HebrewTitles =
    [
        "מבוא לאזורי זמן", "בדיקות אמינות בקנה מידה", "עיצוב ממשקים נגישים", "ניהול גרסאות של סכמות",
    ];

    private static readonly string[] Sentences =
    [
        "This talk walks through a real system and the decisions that shaped it.",
        "We start from the failure that made the team rethink the design, and the numbers behind it.",
        "Expect code, measurements and a list of the mistakes we made on the way.",
        "The second half compares three approaches under load and shows where each one breaks.",
        "No prior knowledge of the tools is needed, but the examples assume you have shipped a service before.",
        "Attendees leave with a checklist they can apply to their own projects the next morning.",
        "We also cover the “boring” parts: monitoring, rollbacks and what to tell the support desk.",
        "Slides, scripts and the data set are published under an open licence after the session.",
    ];

    private readonly Random _random = new(seed);

    /// <exception cref="ArgumentException">The size has too few events for its breaks, or too few talks to give every speaker one.</exception>
    public GeneratedConference Generate(LargeConferenceSize size)
    {
        ArgumentNullException.ThrowIfNull(size);
        var breaks = size.Days * BreakAfterRow.Length;
        var talks = size.Events - breaks;
        if (size.Days < 1 || size.Rooms < 1 || talks < 1 || size.Speakers < 1)
        {
            throw new ArgumentException($"The size {size} needs at least one day, room and speaker, and more than {breaks} events.", nameof(size));
        }

        if (talks * 3 < size.Speakers)
        {
            throw new ArgumentException($"The size {size} has {talks} talks with at most 3 speakers each, too few for {size.Speakers} speakers.", nameof(size));
        }

        var clock = new ConferenceClock(TimeZoneId);
        var rooms = Enumerable.Range(1, size.Rooms).Select(RoomName).ToList();
        var speakers = Enumerable.Range(1, size.Speakers).Select(id => new FrabPerson(id, PersonName(id))).ToList();
        var speakerLists = AssignSpeakers(talks, speakers);

        var days = new List<FrabDay>();
        var slots = new HashSet<(DateTime, DateTime)>();
        var nextTalk = 0;
        var nextId = 1L;
        for (var dayIndex = 0; dayIndex < size.Days; dayIndex++)
        {
            var dayTalks = (talks / size.Days) + (dayIndex < talks % size.Days ? 1 : 0);
            var date = FirstDay.AddDays(dayIndex);
            var events = new List<FrabEvent>();
            var local = date.ToDateTime(new TimeOnly(9, 0));
            var row = 0;
            var placed = 0;
            var breaksLeft = BreakAfterRow.Length;

            // A day ends after its talks, but every day still gets all of its breaks.
            while (placed < dayTalks || breaksLeft > 0)
            {
                for (var room = 0; room < size.Rooms && placed < dayTalks; room++, placed++)
                {
                    var minutes = TalkMinutes[_random.Next(TalkMinutes.Length)];
                    var talk = Talk(nextId++, clock, local, minutes, rooms[room], speakerLists[nextTalk++]);
                    slots.Add((local, local.AddMinutes(minutes)));
                    events.Add(talk);
                }

                local = local.AddMinutes(30);
                row++;
                if (breaksLeft > 0 && (BreakAfterRow.Contains(row) || placed == dayTalks))
                {
                    var lunch = breaksLeft == 2;
                    var length = lunch ? 60 : 30;
                    events.Add(Break(nextId++, clock, local, length, lunch));
                    slots.Add((local, local.AddMinutes(length)));
                    local = local.AddMinutes(length);
                    breaksLeft--;
                }
            }

            days.Add(Day(dayIndex + 1, date, events, rooms, clock));
        }

        var schedule = new FrabSchedule(
            "1.0",
            BaseUrl,
            new FrabConference("Large Conference “2027”", "large", FirstDay, FirstDay.AddDays(size.Days - 1), TimeSpan.FromMinutes(5), TimeZoneId),
            [new FrabRoom(FrabScheduleBuilder.AllRoomsName, Uuid("all-rooms")), .. rooms.Select(r => new FrabRoom(r, Uuid($"room:{r}")))],
            days);

        var allEvents = days.SelectMany(d => d.Rooms).SelectMany(r => r.Events).ToList();
        return new GeneratedConference(
            FrabXmlWriter.Write(schedule),
            TimeZoneId,
            FirstDay,
            FirstDay.AddDays(size.Days - 1),
            rooms,
            [.. allEvents.Where(e => e.Persons.Count > 0).Select(e => e.Uuid)],
            [.. allEvents.Where(e => e.Persons.Count == 0).Select(e => e.Uuid)],
            [.. speakers.Select(s => s.Id)],
            slots.Count,
            speakerLists.Sum(l => l.Count));
    }

    // Gives each talk 1 to 3 distinct speakers. The places are first filled from a shuffled list of
    // all speakers, so every speaker is used, and the remaining places get random speakers.
    private List<List<FrabPerson>> AssignSpeakers(int talks, List<FrabPerson> speakers)
    {
        var counts = Enumerable.Range(0, talks).Select(_ => 1 + _random.Next(3)).ToArray();
        for (var i = 0; counts.Sum() < speakers.Count; i = (i + 1) % talks)
        {
            counts[i] = Math.Min(3, counts[i] + 1);
        }

        var shuffled = speakers.ToArray();
        _random.Shuffle(shuffled);
        var next = 0;
        var lists = new List<List<FrabPerson>>(talks);
        foreach (var count in counts)
        {
            var list = new List<FrabPerson>(count);
            while (list.Count < count)
            {
                var speaker = next < shuffled.Length ? shuffled[next++] : speakers[_random.Next(speakers.Count)];
                if (!list.Contains(speaker))
                {
                    list.Add(speaker);
                }
            }

            lists.Add(list);
        }

        return lists;
    }

    private FrabEvent Talk(long id, ConferenceClock clock, DateTime local, int minutes, string room, List<FrabPerson> persons)
    {
        var title = id % 10 == 3 ? $"{HebrewTitles[_random.Next(HebrewTitles.Length)]} ({id})" : $"{Pick(Subjects)} {Pick(Angles)} #{id}";
        return Event(id, clock, local, minutes, room, title, "lecture", Abstract(), $"{BaseUrl}talks/{id}", persons);
    }

    private static FrabEvent Break(long id, ConferenceClock clock, DateTime local, int minutes, bool lunch) =>
        Event(id, clock, local, minutes, FrabScheduleBuilder.AllRoomsName, lunch ? "Lunch" : "Coffee break", lunch ? "lunch" : "break", "", $"{BaseUrl}program", []);

    private static FrabEvent Event(
        long id, ConferenceClock clock, DateTime local, int minutes, string room, string title, string type, string abstractText, string url, List<FrabPerson> persons) =>
        new(id, Uuid($"event:{id}"), clock.ToInstant(local), TimeOnly.FromDateTime(local), TimeSpan.FromMinutes(minutes), room,
            $"large-{id}", title, type, abstractText, url, persons);

    private static FrabDay Day(int index, DateOnly date, List<FrabEvent> events, List<string> rooms, ConferenceClock clock)
    {
        var dayRooms = new List<FrabDayRoom> { new(FrabScheduleBuilder.AllRoomsName, [.. events.Where(e => e.Room == FrabScheduleBuilder.AllRoomsName)]) };
        dayRooms.AddRange(rooms.Select(room => new FrabDayRoom(room, [.. events.Where(e => e.Room == room)])));
        return new FrabDay(index, date, events.Min(e => e.Start), clock.InZone(events.Max(e => e.Start + e.Duration)), dayRooms);
    }

    // Returns 4 to 7 of the sentences above, between 287 and 713 characters.
    private string Abstract()
    {
        var count = 4 + _random.Next(4);
        return string.Join(" ", Enumerable.Range(0, count).Select(_ => Pick(Sentences)));
    }

    private static string RoomName(int number) => number % 10 == 7
        ? string.Create(CultureInfo.InvariantCulture, $"אולם {number}")
        : string.Create(CultureInfo.InvariantCulture, $"Hall {number:00}");

    // Names repeat across the list, as they do in real programs. The speaker id distinguishes them.
    private static string PersonName(int id) =>
        $"{FirstNames[id % FirstNames.Length]} {LastNames[(id / FirstNames.Length) % LastNames.Length]}";

    private string Pick(string[] values) => values[_random.Next(values.Length)];

    private static Guid Uuid(string name) => NameBasedUuid.Create(FrabScheduleBuilder.GuidNamespace, $"large-conference:{name}");
}
