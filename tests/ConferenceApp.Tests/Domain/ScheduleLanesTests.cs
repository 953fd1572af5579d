using ConferenceApp.Domain;

namespace ConferenceApp.Tests.Domain;

public sealed class ScheduleLanesTests
{
    [Fact]
    public void Separate_blocks_fill_column()
    {
        var places = ScheduleLanes.Assign([(540, 600), (600, 660), (700, 720)]);

        Assert.All(places, place => Assert.Equal(new LanePlace(0, 1), place));
    }

    [Fact]
    public void Two_overlapping_blocks_share_column()
    {
        var places = ScheduleLanes.Assign([(660, 740), (690, 720)]);

        Assert.Equal(new LanePlace(0, 2), places[0]);
        Assert.Equal(new LanePlace(1, 2), places[1]);
    }

    [Fact]
    public void Same_times_get_separate_lanes()
    {
        var places = ScheduleLanes.Assign([(600, 630), (600, 630), (600, 630)]);

        Assert.Equal([0, 1, 2], places.Select(p => p.Lane));
        Assert.All(places, place => Assert.Equal(3, place.LaneCount));
    }

    [Fact]
    public void Freed_lane_is_reused_in_group()
    {
        // 09:00–11:00 overlaps both others, which follow each other, so two lanes are enough.
        var places = ScheduleLanes.Assign([(540, 660), (540, 600), (600, 660)]);

        Assert.Equal(new LanePlace(0, 2), places[0]);
        Assert.Equal(new LanePlace(1, 2), places[1]);
        Assert.Equal(new LanePlace(1, 2), places[2]);
    }

    [Fact]
    public void Lane_count_is_per_group()
    {
        var places = ScheduleLanes.Assign([(540, 600), (550, 590), (700, 760)]);

        Assert.Equal(2, places[0].LaneCount);
        Assert.Equal(2, places[1].LaneCount);
        Assert.Equal(new LanePlace(0, 1), places[2]);
    }

    [Fact]
    public void Empty_input_gives_no_places()
    {
        Assert.Empty(ScheduleLanes.Assign([]));
    }
}
