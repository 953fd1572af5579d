using System.Globalization;

namespace ConferenceApp.Domain;

/// <summary>
/// The time axis of one conference day in the schedule editor: rows of <see cref="Snap"/> minutes,
/// counted in local wall-clock minutes from the day's midnight, so that a row past 24:00 belongs to
/// the next calendar day. All arithmetic is on local times of the conference's zone.
/// </summary>
public sealed class ScheduleGrid
{
    /// <summary>The row sizes, in minutes, that the editor offers. Each divides an hour evenly.</summary>
    public static readonly IReadOnlyList<int> SnapChoices = [5, 10, 15, 30];

    public const int DefaultSnap = 15;

    /// <summary>The start of an empty day's grid, in minutes after midnight (09:00).</summary>
    public const int EmptyDayStart = 9 * 60;

    /// <summary>Rows added below the latest end, in minutes, so that a session can be dropped after the last one.</summary>
    public const int SpareMinutesAfter = 60;

    private const int MinutesPerDay = 24 * 60;

    private ScheduleGrid(DateOnly day, int snap, int firstMinute, int endMinute)
    {
        Day = day;
        Snap = snap;
        FirstMinute = firstMinute;
        EndMinute = endMinute;
    }

    public DateOnly Day { get; }

    /// <summary>The row size in minutes.</summary>
    public int Snap { get; }

    /// <summary>The minute after the day's midnight where the first row starts; always a full hour.</summary>
    public int FirstMinute { get; }

    /// <summary>The minute after the day's midnight where the last row ends; always a full hour, and may exceed 1440.</summary>
    public int EndMinute { get; }

    public int RowCount => (EndMinute - FirstMinute) / Snap;

    /// <summary>Returns <paramref name="snap"/> when it is one of <see cref="SnapChoices"/>, else <see cref="DefaultSnap"/>.</summary>
    public static int ChooseSnap(int? snap) => snap is { } value && SnapChoices.Contains(value) ? value : DefaultSnap;

    /// <summary>
    /// Builds the axis for <paramref name="day"/> from the local start and end times of the items
    /// shown on it. It starts at the full hour at or before the earliest start (09:00 for a day
    /// without items) and ends at the full hour at or after the latest end, plus one spare hour.
    /// </summary>
    public static ScheduleGrid For(DateOnly day, int snap, IEnumerable<(DateTime Start, DateTime End)> items)
    {
        var chosenSnap = ChooseSnap(snap);
        var list = items.ToList();
        if (list.Count == 0)
        {
            return new ScheduleGrid(day, chosenSnap, EmptyDayStart, EmptyDayStart + 8 * 60);
        }

        var earliest = list.Min(item => MinuteOf(day, item.Start));
        var latest = list.Max(item => MinuteOf(day, item.End));
        var first = FloorTo(Math.Max(earliest, 0), 60);
        var end = CeilingTo(Math.Max(latest, first + 60), 60) + SpareMinutesAfter;
        return new ScheduleGrid(day, chosenSnap, first, end);
    }

    /// <summary>Returns the minutes from <paramref name="day"/>'s midnight to <paramref name="local"/>, on the wall clock.</summary>
    public static int MinuteOf(DateOnly day, DateTime local) =>
        (int)Math.Round((local - day.ToDateTime(TimeOnly.MinValue)).TotalMinutes);

    /// <summary>Returns the local time <paramref name="minute"/> minutes after the day's midnight.</summary>
    public DateTime TimeAt(int minute) => Day.ToDateTime(TimeOnly.MinValue).AddMinutes(minute);

    /// <summary>Returns the 1-based row where an item starting at <paramref name="local"/> begins: the row that contains it.</summary>
    public int RowStartOf(DateTime local) =>
        Math.Clamp(FloorTo(MinuteOf(Day, local) - FirstMinute, Snap) / Snap + 1, 1, RowCount);

    /// <summary>Returns the 1-based row line where an item ending at <paramref name="local"/> stops: after the row that contains its last minute.</summary>
    public int RowEndOf(DateTime local) =>
        Math.Clamp(CeilingTo(MinuteOf(Day, local) - FirstMinute, Snap) / Snap + 1, 2, RowCount + 1);

    /// <summary>Returns the minute after the day's midnight where the 0-based row <paramref name="row"/> starts.</summary>
    public int MinuteOfRow(int row) => FirstMinute + row * Snap;

    /// <summary>Returns "09:30", or "00:30 +1" for a time on a later calendar day than <paramref name="day"/>.</summary>
    public static string Label(DateOnly day, DateTime local)
    {
        var clock = local.ToString("HH:mm", CultureInfo.InvariantCulture);
        var days = DateOnly.FromDateTime(local).DayNumber - day.DayNumber;
        return days > 0 ? $"{clock} +{days}" : clock;
    }

    /// <summary>Returns "23:30–00:30 +1": the range as the grid of <paramref name="day"/> labels it.</summary>
    public static string RangeLabel(DateOnly day, DateTime start, DateTime end) => $"{Label(day, start)}–{Label(day, end)}";

    /// <summary>Rounds <paramref name="minute"/> to the nearest multiple of <paramref name="snap"/>; halves round up.</summary>
    public static int RoundTo(int minute, int snap) => FloorTo(minute + snap / 2, snap);

    private static int FloorTo(int value, int step) => (int)Math.Floor(value / (double)step) * step;

    private static int CeilingTo(int value, int step) => (int)Math.Ceiling(value / (double)step) * step;
}
