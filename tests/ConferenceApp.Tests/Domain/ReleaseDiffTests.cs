using System.Globalization;
using ConferenceApp.Domain;

namespace ConferenceApp.Tests.Domain;

public sealed class ReleaseDiffTests
{
    private static ItemPlacement At(string start, string end, string? room) =>
        new(DateTime.Parse(start, CultureInfo.InvariantCulture), DateTime.Parse(end, CultureInfo.InvariantCulture), room);

    private static ReleasedItem Talk(int id, string title, ItemPlacement? placement, params int[] speakers) =>
        new($"talk:{id}", title, placement, speakers);

    private static readonly ItemPlacement Morning = At("2026-03-10 09:00", "2026-03-10 09:30", "Hall A");
    private static readonly ItemPlacement MorningOtherRoom = At("2026-03-10 09:00", "2026-03-10 09:30", "Hall B");
    private static readonly ItemPlacement Noon = At("2026-03-10 12:00", "2026-03-10 12:30", "Hall A");
    private static readonly ItemPlacement Longer = At("2026-03-10 09:00", "2026-03-10 09:45", "Hall A");
    private static readonly ItemPlacement AllRooms = At("2026-03-10 09:00", "2026-03-10 09:30", null);

    public static TheoryData<string, ReleasedItem?, ReleasedItem?, ReleaseChangeKind[]> Cases => new()
    {
        { "unchanged", Talk(1, "Graphs", Morning), Talk(1, "Graphs", Morning), [] },
        { "added", null, Talk(1, "Graphs", Morning), [ReleaseChangeKind.Added] },
        { "removed", Talk(1, "Graphs", Morning), null, [ReleaseChangeKind.Removed] },
        { "moved in time", Talk(1, "Graphs", Morning), Talk(1, "Graphs", Noon), [ReleaseChangeKind.Moved] },
        { "moved to another room", Talk(1, "Graphs", Morning), Talk(1, "Graphs", MorningOtherRoom), [ReleaseChangeKind.Moved] },
        { "moved across all rooms", Talk(1, "Graphs", Morning), Talk(1, "Graphs", AllRooms), [ReleaseChangeKind.Moved] },
        { "end changed", Talk(1, "Graphs", Morning), Talk(1, "Graphs", Longer), [ReleaseChangeKind.Moved] },
        { "renamed", Talk(1, "Graphs", Morning), Talk(1, "Graph learning", Morning), [ReleaseChangeKind.Renamed] },
        { "renamed in case only", Talk(1, "Graphs", Morning), Talk(1, "graphs", Morning), [ReleaseChangeKind.Renamed] },
        { "moved and renamed", Talk(1, "Graphs", Morning), Talk(1, "Graph learning", Noon), [ReleaseChangeKind.Moved, ReleaseChangeKind.Renamed] },
        { "scheduled for the first time", Talk(1, "Graphs", null), Talk(1, "Graphs", Morning), [ReleaseChangeKind.Added] },
        { "taken off the program", Talk(1, "Graphs", Morning), Talk(1, "Graphs", null), [ReleaseChangeKind.Removed] },
        { "never scheduled", Talk(1, "Graphs", null), Talk(1, "Graph learning", null), [] },
        { "speakers changed only", Talk(1, "Graphs", Morning, 5), Talk(1, "Graphs", Morning, 6), [] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void One_item_gives_the_expected_changes(string description, ReleasedItem? before, ReleasedItem? after, ReleaseChangeKind[] expected)
    {
        var changes = ReleaseDiff.Compare(before is null ? [] : [before], after is null ? [] : [after]);

        Assert.True(expected.SequenceEqual(changes.Select(c => c.Kind)),
            $"{description}: expected [{string.Join(", ", expected)}], got [{string.Join(", ", changes.Select(c => c.Kind))}].");
    }

    [Fact]
    public void Moved_change_carries_both_placements_and_the_speakers()
    {
        var change = Assert.Single(ReleaseDiff.Compare([Talk(1, "Graphs", Morning, 7)], [Talk(1, "Graphs", Noon, 7, 8)]));

        Assert.Equal(ReleaseChangeKind.Moved, change.Kind);
        Assert.Equal(Morning, change.Before);
        Assert.Equal(Noon, change.After);
        Assert.Equal([7, 8], change.SpeakerIds);
    }

    [Fact]
    public void Renamed_change_keeps_the_old_title()
    {
        var change = Assert.Single(ReleaseDiff.Compare([Talk(1, "Graphs", Morning)], [Talk(1, "Graph learning", Morning)]));

        Assert.Equal("Graph learning", change.Title);
        Assert.Equal("Graphs", change.OldTitle);
    }

    [Fact]
    public void Removed_change_has_the_old_placement_only()
    {
        var change = Assert.Single(ReleaseDiff.Compare([Talk(1, "Graphs", Morning, 3)], []));

        Assert.Equal(Morning, change.Before);
        Assert.Null(change.After);
        Assert.Equal([3], change.SpeakerIds);
    }

    [Fact]
    public void Talk_and_session_keys_differ()
    {
        var before = new[] { new ReleasedItem("session:1", "Lunch", Noon, []) };
        var after = new[] { new ReleasedItem("talk:1", "Lunch", Noon, []) };

        var kinds = ReleaseDiff.Compare(before, after).Select(c => c.Kind).Order();

        Assert.Equal([ReleaseChangeKind.Added, ReleaseChangeKind.Removed], kinds);
    }

    [Fact]
    public void Changes_are_ordered_by_the_time_they_concern()
    {
        var before = new[] { Talk(1, "Late", Noon), Talk(2, "Early", Morning) };
        var after = new[] { Talk(3, "Newest", At("2026-03-10 10:00", "2026-03-10 10:30", "Hall A")) };

        var titles = ReleaseDiff.Compare(before, after).Select(c => c.Title);

        Assert.Equal(["Early", "Newest", "Late"], titles);
    }

    [Fact]
    public void Midnight_crossing_keeps_next_day_end()
    {
        var late = At("2026-03-10 23:30", "2026-03-11 00:30", "Hall A");
        var later = At("2026-03-10 23:45", "2026-03-11 00:45", "Hall A");

        var change = Assert.Single(ReleaseDiff.Compare([Talk(1, "Night owls", late)], [Talk(1, "Night owls", later)]));

        Assert.Equal(new DateTime(2026, 3, 11, 0, 45, 0), change.After!.End);
    }

    [Fact]
    public void Key_repeated_in_one_release_is_refused()
    {
        var twice = new[] { Talk(1, "Graphs", Morning), Talk(1, "Graphs again", Noon) };

        Assert.Throws<ArgumentException>(() => ReleaseDiff.Compare(twice, []));
    }

    [Fact]
    public void Same_releases_give_no_changes_whatever_the_order()
    {
        var items = new[] { Talk(1, "Graphs", Morning), Talk(2, "Trees", Noon), new ReleasedItem("session:9", "Lunch", AllRooms, []) };

        Assert.Empty(ReleaseDiff.Compare(items, [.. items.Reverse()]));
    }
}
