using ConferenceApp.Domain;

namespace ConferenceApp.Tests.Domain;

public sealed class ScheduleConflictsTests
{
    private const int Hall = 1;
    private const int Studio = 2;
    private const int Dana = 10;
    private const int Omer = 11;

    private static readonly Conference Berlin = Conference.Create(new ConferenceDetails(
        "data-days", "Data Days", null, "Europe/Berlin", new DateOnly(2026, 10, 24), new DateOnly(2026, 10, 25)));

    private static readonly Dictionary<int, string> Names = new() { [Dana] = "Dana Levi", [Omer] = "Omer Katz" };

    private static PlacedItem Item(int id, string start, string end, int? room, params int[] speakers) =>
        new(id, $"Item {id}", DateTime.Parse(start, System.Globalization.CultureInfo.InvariantCulture),
            DateTime.Parse(end, System.Globalization.CultureInfo.InvariantCulture), room, speakers);

    private static List<ScheduleConflict> Find(params PlacedItem[] items) => ScheduleConflicts.Find(Berlin, items, Names);

    public static TheoryData<string, PlacedItem, PlacedItem, ConflictKind?> Pairs => new()
    {
        { "touching items", Item(1, "2026-10-24 09:00", "2026-10-24 10:00", Hall), Item(2, "2026-10-24 10:00", "2026-10-24 11:00", Hall), null },
        { "partial overlap", Item(1, "2026-10-24 09:00", "2026-10-24 10:00", Hall), Item(2, "2026-10-24 09:30", "2026-10-24 10:30", Hall), ConflictKind.RoomDoubleBooked },
        { "nested overlap", Item(1, "2026-10-24 09:00", "2026-10-24 12:00", Hall), Item(2, "2026-10-24 10:00", "2026-10-24 10:30", Hall), ConflictKind.RoomDoubleBooked },
        { "same time other rooms", Item(1, "2026-10-24 09:00", "2026-10-24 10:00", Hall), Item(2, "2026-10-24 09:00", "2026-10-24 10:00", Studio), null },
        { "all rooms item", Item(1, "2026-10-24 12:00", "2026-10-24 13:00", null), Item(2, "2026-10-24 12:30", "2026-10-24 13:30", Studio), ConflictKind.RoomDoubleBooked },
        { "speaker across rooms", Item(1, "2026-10-24 09:00", "2026-10-24 10:00", Hall, Dana), Item(2, "2026-10-24 09:45", "2026-10-24 10:30", Studio, Dana), ConflictKind.SpeakerDoubleBooked },
        { "speaker in touching items", Item(1, "2026-10-24 09:00", "2026-10-24 10:00", Hall, Dana), Item(2, "2026-10-24 10:00", "2026-10-24 11:00", Studio, Dana), null },
        { "midnight crossing", Item(1, "2026-10-24 23:00", "2026-10-25 01:00", Hall), Item(2, "2026-10-25 00:30", "2026-10-25 01:30", Hall), ConflictKind.RoomDoubleBooked },
        // On 25 October 2026 Berlin's clocks go back at 03:00, so 02:00 to 03:00 happens twice.
        // Both items are read in the first of those hours and overlap by 15 minutes.
        { "autumn night overlap", Item(1, "2026-10-25 02:00", "2026-10-25 02:45", Hall), Item(2, "2026-10-25 02:30", "2026-10-25 03:30", Hall), ConflictKind.RoomDoubleBooked },
    };

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Pair_gives_expected_conflict(string description, PlacedItem first, PlacedItem second, ConflictKind? expected)
    {
        var kinds = Find(first, second).Select(c => (ConflictKind?)c.Kind).ToList();

        if (expected is null)
        {
            Assert.True(kinds.Count == 0, $"{description}: expected no conflict, got {string.Join(", ", kinds)}.");
        }
        else
        {
            Assert.True(kinds.Contains(expected), $"{description}: expected {expected}, got {string.Join(", ", kinds)}.");
        }
    }

    [Fact]
    public void Speaker_conflict_names_the_person()
    {
        var conflict = Assert.Single(Find(
            Item(1, "2026-10-24 09:00", "2026-10-24 10:00", Hall, Dana, Omer),
            Item(2, "2026-10-24 09:30", "2026-10-24 10:30", Studio, Omer)));

        Assert.Equal(ConflictKind.SpeakerDoubleBooked, conflict.Kind);
        Assert.Equal([1, 2], conflict.SessionIds);
        Assert.Contains("Omer Katz", conflict.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Item_outside_days_is_reported()
    {
        var conflict = Assert.Single(Find(Item(7, "2026-10-26 09:00", "2026-10-26 10:00", Hall)));

        Assert.Equal(ConflictKind.OutsideConferenceDays, conflict.Kind);
        Assert.Contains("2026-10-26", conflict.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Three_overlapping_items_give_three_pairs()
    {
        var conflicts = Find(
            Item(1, "2026-10-24 09:00", "2026-10-24 11:00", Hall),
            Item(2, "2026-10-24 09:30", "2026-10-24 10:30", Hall),
            Item(3, "2026-10-24 10:00", "2026-10-24 12:00", Hall));

        Assert.Equal(3, conflicts.Count(c => c.Kind == ConflictKind.RoomDoubleBooked));
    }

    private static readonly Conference Spring = Conference.Create(new ConferenceDetails(
        "spring-days", "Spring Days", null, "Europe/Berlin", new DateOnly(2026, 3, 28), new DateOnly(2026, 3, 29)));

    private static DateTime Local(string value) => DateTime.Parse(value, System.Globalization.CultureInfo.InvariantCulture);

    private static Availability Times(params string[] intervals) =>
        Availability.Of(intervals.Select(i => i.Split(" / ")).Select(p => new LocalInterval(Local(p[0]), Local(p[1]))));

    private static PlacedItem Timed(int id, string start, string end, int? room, int[] speakers, params int?[] talkMinutes) =>
        new(id, $"Item {id}", Local(start), Local(end), room, speakers, room is null ? null : $"Room {room}", talkMinutes);

    /// <summary>Cases for both the room and the person rule: the stated times, the item, and whether the item breaks them.</summary>
    private static readonly (string Description, Conference Conference, Availability Times, string Start, string End, bool Breaks)[] AvailabilityCases =
    [
        ("item equal to interval", Berlin, Times("2026-10-24 09:00 / 2026-10-24 12:00"), "2026-10-24 09:00", "2026-10-24 12:00", false),
        ("item touching interval start", Berlin, Times("2026-10-24 09:00 / 2026-10-24 12:00"), "2026-10-24 09:00", "2026-10-24 10:00", false),
        ("item touching interval end", Berlin, Times("2026-10-24 09:00 / 2026-10-24 12:00"), "2026-10-24 11:00", "2026-10-24 12:00", false),
        ("item nested in interval", Berlin, Times("2026-10-24 09:00 / 2026-10-24 12:00"), "2026-10-24 10:00", "2026-10-24 11:00", false),
        ("item just before interval", Berlin, Times("2026-10-24 09:00 / 2026-10-24 12:00"), "2026-10-24 08:00", "2026-10-24 09:00", true),
        ("item overlapping interval end", Berlin, Times("2026-10-24 09:00 / 2026-10-24 12:00"), "2026-10-24 11:00", "2026-10-24 13:00", true),
        ("item around interval", Berlin, Times("2026-10-24 10:00 / 2026-10-24 11:00"), "2026-10-24 09:00", "2026-10-24 12:00", true),
        ("item across a gap", Berlin, Times("2026-10-24 09:00 / 2026-10-24 12:00", "2026-10-24 13:00 / 2026-10-24 17:00"), "2026-10-24 11:30", "2026-10-24 13:30", true),
        ("item across touching intervals", Berlin, Times("2026-10-24 09:00 / 2026-10-24 12:00", "2026-10-24 12:00 / 2026-10-24 14:00"), "2026-10-24 11:00", "2026-10-24 13:00", false),
        ("midnight item in midnight interval", Berlin, Times("2026-10-24 22:00 / 2026-10-25 01:30"), "2026-10-24 23:00", "2026-10-25 01:00", false),
        ("midnight item past midnight interval", Berlin, Times("2026-10-24 22:00 / 2026-10-25 01:30"), "2026-10-24 23:00", "2026-10-25 01:45", true),
        ("midnight item in day interval", Berlin, Times("2026-10-24 09:00 / 2026-10-24 23:59"), "2026-10-24 23:00", "2026-10-25 00:30", true),
        // Berlin's clocks go back at 03:00 on 25 October 2026, so 02:00 to 03:00 happens twice and
        // a repeated local time is read as its first occurrence.
        ("autumn item inside repeated hour", Berlin, Times("2026-10-25 01:00 / 2026-10-25 03:00"), "2026-10-25 02:30", "2026-10-25 03:00", false),
        ("autumn item past interval", Berlin, Times("2026-10-25 01:00 / 2026-10-25 03:00"), "2026-10-25 02:00", "2026-10-25 03:30", true),
        // Berlin's clocks jump from 02:00 to 03:00 on 29 March 2026.
        ("spring item across skipped hour", Spring, Times("2026-03-29 01:00 / 2026-03-29 04:00"), "2026-03-29 01:30", "2026-03-29 03:30", false),
        ("spring item touching interval end", Spring, Times("2026-03-29 01:00 / 2026-03-29 04:00"), "2026-03-29 03:00", "2026-03-29 04:00", false),
        ("spring item past interval", Spring, Times("2026-03-29 01:00 / 2026-03-29 04:00"), "2026-03-29 03:00", "2026-03-29 04:30", true),
    ];

    public static TheoryData<string, ConflictKind> AvailabilityTable()
    {
        var data = new TheoryData<string, ConflictKind>();
        foreach (var kind in new[] { ConflictKind.RoomUnavailable, ConflictKind.SpeakerUnavailable })
        {
            foreach (var test in AvailabilityCases)
            {
                data.Add(test.Description, kind);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AvailabilityTable))]
    public void Availability_case_gives_expected_conflict(string description, ConflictKind kind)
    {
        var test = AvailabilityCases.Single(c => c.Description == description);
        var times = new Dictionary<int, Availability> { [kind == ConflictKind.RoomUnavailable ? Hall : Dana] = test.Times };
        var availability = kind == ConflictKind.RoomUnavailable
            ? new StatedAvailability(times, new Dictionary<int, Availability>())
            : new StatedAvailability(new Dictionary<int, Availability>(), times);

        var conflicts = ScheduleConflicts.Find(test.Conference, [Timed(1, test.Start, test.End, Hall, [Dana])], Names, availability);

        var found = conflicts.Where(c => c.Kind == kind).ToList();
        Assert.True(found.Count == (test.Breaks ? 1 : 0), $"{description} ({kind}): expected {(test.Breaks ? "one conflict" : "none")}, got {found.Count}.");
        Assert.DoesNotContain(conflicts, c => c.Kind is ConflictKind.RoomUnavailable or ConflictKind.SpeakerUnavailable && c.Kind != kind);
    }

    [Fact]
    public void Room_conflict_names_room_and_time()
    {
        var availability = new StatedAvailability(new Dictionary<int, Availability> { [Hall] = Times("2026-10-24 09:00 / 2026-10-24 12:00") }, new Dictionary<int, Availability>());

        var conflict = Assert.Single(ScheduleConflicts.Find(Berlin, [Timed(1, "2026-10-24 11:00", "2026-10-24 13:00", Hall, [])], Names, availability));

        Assert.Equal(ConflictKind.RoomUnavailable, conflict.Kind);
        Assert.Equal(Hall, conflict.RoomId);
        Assert.Equal("“Item 1” (2026-10-24 11:00-13:00) is in Room 1, but not entirely inside one of the room's available times.", conflict.Message);
    }

    [Fact]
    public void All_rooms_item_ignores_room_times()
    {
        var availability = new StatedAvailability(new Dictionary<int, Availability> { [Hall] = Times("2026-10-24 09:00 / 2026-10-24 10:00") }, new Dictionary<int, Availability>());

        var conflicts = ScheduleConflicts.Find(Berlin, [Timed(1, "2026-10-24 12:00", "2026-10-24 13:00", null, [])], Names, availability);

        Assert.Empty(conflicts);
    }

    [Fact]
    public void Person_conflict_names_each_person()
    {
        var times = Times("2026-10-24 09:00 / 2026-10-24 10:00");
        var availability = new StatedAvailability(new Dictionary<int, Availability>(), new Dictionary<int, Availability> { [Dana] = times, [Omer] = times });

        var conflicts = ScheduleConflicts.Find(Berlin, [Timed(4, "2026-10-24 09:30", "2026-10-24 10:30", Studio, [Omer, Dana])], Names, availability);

        Assert.Equal([Dana, Omer], conflicts.Select(c => c.SpeakerId));
        Assert.All(conflicts, c => Assert.Equal(ConflictKind.SpeakerUnavailable, c.Kind));
        Assert.Equal("Dana Levi is in “Item 4” (2026-10-24 09:30-10:30), which is not entirely inside one of the times they are available.", conflicts[0].Message);
    }

    /// <summary>Talk lengths against the slot: the slot, the talks' minutes (null for unknown), and the expected message or null.</summary>
    public static TheoryData<string, Conference, string, string, int?[], string?> TalkLengthTable => new()
    {
        { "talks fill the slot exactly", Berlin, "2026-10-24 09:00", "2026-10-24 09:45", [20, 25], null },
        { "talks longer than the slot", Berlin, "2026-10-24 09:00", "2026-10-24 09:45", [20, 20, 10], "The talks of “Item 1” last 50 minutes, 5 more than its 45-minute slot." },
        { "one talk longer than the slot", Berlin, "2026-10-24 09:00", "2026-10-24 09:45", [50], "The talk of “Item 1” lasts 50 minutes, 5 more than its 45-minute slot." },
        { "unknown lengths count as zero", Berlin, "2026-10-24 09:00", "2026-10-24 09:45", [30, null, 20], "The talks of “Item 1” with a known length last 50 minutes, 5 more than its 45-minute slot, and 1 of its 3 talks has no length yet." },
        { "only unknown lengths", Berlin, "2026-10-24 09:00", "2026-10-24 09:45", [null, null], null },
        { "midnight slot long enough", Berlin, "2026-10-24 23:30", "2026-10-25 00:30", [60], null },
        { "midnight slot too short", Berlin, "2026-10-24 23:30", "2026-10-25 00:30", [40, 30], "The talks of “Item 1” last 70 minutes, 10 more than its 60-minute slot." },
        // 02:00 to 03:00 on the autumn night lasts two real hours, because the hour is repeated.
        { "autumn slot with repeated hour", Berlin, "2026-10-25 02:00", "2026-10-25 03:00", [90], null },
        // 01:30 to 03:30 on the spring night lasts one real hour, because 02:00 to 03:00 is skipped.
        { "spring slot with skipped hour", Spring, "2026-03-29 01:30", "2026-03-29 03:30", [45, 45], "The talks of “Item 1” last 90 minutes, 30 more than its 60-minute slot." },
    };

    [Theory]
    [MemberData(nameof(TalkLengthTable))]
    public void Talk_lengths_give_expected_conflict(string description, Conference conference, string start, string end, int?[] minutes, string? expected)
    {
        var conflicts = ScheduleConflicts.Find(conference, [Timed(1, start, end, Hall, [], minutes)], Names)
            .Where(c => c.Kind == ConflictKind.TalksExceedSlot)
            .ToList();

        if (expected is null)
        {
            Assert.True(conflicts.Count == 0, $"{description}: expected no conflict, got \"{string.Join(" ", conflicts.Select(c => c.Message))}\".");
        }
        else
        {
            Assert.Equal(expected, Assert.Single(conflicts).Message);
        }
    }
}
