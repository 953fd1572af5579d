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
}
