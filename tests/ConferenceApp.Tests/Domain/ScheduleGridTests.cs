using ConferenceApp.Domain;

namespace ConferenceApp.Tests.Domain;

public sealed class ScheduleGridTests
{
    private static readonly DateOnly Day = new(2026, 3, 28);

    private static DateTime At(int dayOffset, int hour, int minute) => Day.AddDays(dayOffset).ToDateTime(new TimeOnly(hour, minute));

    [Theory]
    [InlineData(null, 15)]
    [InlineData(5, 5)]
    [InlineData(10, 10)]
    [InlineData(15, 15)]
    [InlineData(30, 30)]
    [InlineData(0, 15)]
    [InlineData(7, 15)]
    [InlineData(60, 15)]
    [InlineData(-15, 15)]
    public void ChooseSnap_accepts_only_offered_sizes(int? requested, int expected)
    {
        Assert.Equal(expected, ScheduleGrid.ChooseSnap(requested));
    }

    [Theory]
    [InlineData(0, 15, 0)]
    [InlineData(7, 15, 0)]
    [InlineData(8, 15, 15)]
    [InlineData(22, 15, 15)]
    [InlineData(23, 15, 30)]
    [InlineData(574, 5, 575)]
    [InlineData(572, 5, 570)]
    [InlineData(584, 30, 570)]
    [InlineData(585, 30, 600)]
    [InlineData(1439, 10, 1440)]
    [InlineData(1441, 10, 1440)]
    public void RoundTo_rounds_to_nearest_step(int minute, int snap, int expected)
    {
        Assert.Equal(expected, ScheduleGrid.RoundTo(minute, snap));
    }

    [Fact]
    public void Empty_day_runs_from_nine()
    {
        var grid = ScheduleGrid.For(Day, 15, []);

        Assert.Equal(9 * 60, grid.FirstMinute);
        Assert.Equal(17 * 60, grid.EndMinute);
        Assert.Equal(32, grid.RowCount);
    }

    [Theory]
    [InlineData(9, 30, 10, 15, 15, 540, 720, 12)]
    [InlineData(8, 45, 15, 40, 15, 480, 1020, 36)]
    [InlineData(8, 45, 15, 40, 5, 480, 1020, 108)]
    [InlineData(8, 45, 15, 40, 30, 480, 1020, 18)]
    [InlineData(14, 0, 15, 0, 10, 840, 960, 12)]
    public void Axis_spans_items_in_full_hours_plus_spare(
        int startHour, int startMinute, int endHour, int endMinute, int snap, int expectedFirst, int expectedEnd, int expectedRows)
    {
        var grid = ScheduleGrid.For(Day, snap, [(At(0, startHour, startMinute), At(0, endHour, endMinute))]);

        Assert.Equal(expectedFirst, grid.FirstMinute);
        Assert.Equal(expectedEnd, grid.EndMinute);
        Assert.Equal(expectedRows, grid.RowCount);
    }

    [Fact]
    public void Axis_extends_past_midnight()
    {
        var grid = ScheduleGrid.For(Day, 30, [(At(0, 22, 0), At(0, 23, 0)), (At(0, 23, 30), At(1, 0, 30))]);

        Assert.Equal(22 * 60, grid.FirstMinute);
        Assert.Equal(26 * 60, grid.EndMinute);
        Assert.Equal(At(1, 1, 30), grid.TimeAt(grid.MinuteOfRow(7)));
    }

    [Theory]
    [InlineData(0, 9, 0, 1, 2)]
    [InlineData(0, 9, 10, 1, 2)]
    [InlineData(0, 9, 15, 2, 2)]
    [InlineData(0, 9, 50, 4, 5)]
    [InlineData(0, 10, 0, 5, 5)]
    [InlineData(0, 23, 45, 60, 60)]
    [InlineData(1, 0, 30, 63, 63)]
    public void Rows_of_a_time_at_15_minutes(int dayOffset, int hour, int minute, int expectedRowStart, int expectedRowEnd)
    {
        var grid = ScheduleGrid.For(Day, 15, [(At(0, 9, 0), At(1, 0, 45))]);

        Assert.Equal(9 * 60, grid.FirstMinute);
        Assert.Equal(expectedRowStart, grid.RowStartOf(At(dayOffset, hour, minute)));
        Assert.Equal(expectedRowEnd, grid.RowEndOf(At(dayOffset, hour, minute)));
    }

    [Theory]
    [InlineData(0, 9, 30, "09:30")]
    [InlineData(0, 0, 0, "00:00")]
    [InlineData(0, 23, 59, "23:59")]
    [InlineData(1, 0, 0, "00:00 +1")]
    [InlineData(1, 0, 30, "00:30 +1")]
    [InlineData(2, 1, 0, "01:00 +2")]
    public void Label_marks_later_days(int dayOffset, int hour, int minute, string expected)
    {
        Assert.Equal(expected, ScheduleGrid.Label(Day, At(dayOffset, hour, minute)));
    }

    [Fact]
    public void RangeLabel_of_midnight_crossing()
    {
        Assert.Equal("23:30–00:30 +1", ScheduleGrid.RangeLabel(Day, At(0, 23, 30), At(1, 0, 30)));
    }

    [Theory]
    [InlineData(0, 0, 0, 0)]
    [InlineData(0, 9, 30, 570)]
    [InlineData(1, 0, 30, 1470)]
    public void MinuteOf_counts_wall_clock_minutes(int dayOffset, int hour, int minute, int expected)
    {
        Assert.Equal(expected, ScheduleGrid.MinuteOf(Day, At(dayOffset, hour, minute)));
    }

    [Fact]
    public void MinuteOf_ignores_clock_change()
    {
        // Berlin skips 02:00–03:00 on 29 March 2026, but the grid counts wall-clock minutes, as organizers read them.
        var changeDay = new DateOnly(2026, 3, 29);

        Assert.Equal(4 * 60, ScheduleGrid.MinuteOf(changeDay, changeDay.ToDateTime(new TimeOnly(4, 0))));
    }
}
