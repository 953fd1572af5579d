using System.Globalization;

namespace ConferenceApp.Features.Program;

/// <summary>
/// Places one day's items on a CSS grid of rooms (columns) by time (rows), for wide screens. Row
/// 1 contains the room names, and each later grid line is one distinct start or end instant of the day,
/// so items of different lengths line up by time. Column 1 contains the times, and items across all
/// rooms span every room column. Placements are the custom properties --row and --column, which
/// the stylesheet applies only in the grid layout.
/// </summary>
public sealed class ProgramGrid
{
    private readonly Dictionary<string, int> _columns;
    private readonly Dictionary<DateTimeOffset, int> _lines;
    private readonly Dictionary<ProgramSlot, int> _timeShifts = new(ReferenceEqualityComparer.Instance);

    public ProgramGrid(ProgramDay day, IReadOnlyList<string> roomOrder)
    {
        var roomsOfDay = day.Slots.SelectMany(s => s.Items).Select(i => i.RoomName).OfType<string>().ToHashSet(StringComparer.Ordinal);
        Rooms = [.. roomOrder.Where(roomsOfDay.Contains), .. roomsOfDay.Except(roomOrder, StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        _columns = Rooms.Select((room, index) => (room, index)).ToDictionary(r => r.room, r => r.index + 2, StringComparer.Ordinal);

        _lines = day.Slots
            .SelectMany(s => new[] { s.Start.Instant, s.End.Instant })
            .Distinct()
            .Order()
            .Select((instant, index) => (instant, index))
            .ToDictionary(l => l.instant, l => l.index + 2);

        // Slots that start together share the first cell of the time column, so each later one
        // is shifted down by one line of text.
        foreach (var group in day.Slots.GroupBy(s => s.Start.Instant))
        {
            foreach (var (slot, index) in group.Select((slot, index) => (slot, index)))
            {
                _timeShifts[slot] = index;
            }
        }
    }

    /// <summary>The room columns of the day in order; the room names of the header row.</summary>
    public IReadOnlyList<string> Rooms { get; }

    /// <summary>Returns the style attribute value of the day's grid, with one column of times and one per room.</summary>
    public string TemplateStyle() =>
        string.Create(CultureInfo.InvariantCulture, $"--program-rooms:{Math.Max(1, Rooms.Count)}");

    /// <summary>Returns the placement of a room's name in the header row.</summary>
    public string HeaderStyle(int roomIndex) =>
        string.Create(CultureInfo.InvariantCulture, $"--row:1;--column:{roomIndex + 2}");

    /// <summary>Returns the placement of a slot's times in the time column.</summary>
    public string TimeStyle(ProgramSlot slot)
    {
        var style = string.Create(CultureInfo.InvariantCulture, $"--row:{_lines[slot.Start.Instant]}/{RowEnd(slot)};--column:1");
        var shift = _timeShifts.GetValueOrDefault(slot);
        return shift == 0 ? style : string.Create(CultureInfo.InvariantCulture, $"{style};--time-shift:{shift}");
    }

    /// <summary>Returns the placement of an item: its room's column, or every room column for an item across all rooms.</summary>
    public string ItemStyle(ProgramSlot slot, ProgramItem item)
    {
        var columns = item.RoomName is { } room && _columns.TryGetValue(room, out var column)
            ? column.ToString(CultureInfo.InvariantCulture)
            : string.Create(CultureInfo.InvariantCulture, $"2/{Math.Max(1, Rooms.Count) + 2}");
        return string.Create(CultureInfo.InvariantCulture, $"--row:{_lines[slot.Start.Instant]}/{RowEnd(slot)};--column:{columns}");
    }

    // A slot that ends when it starts still gets one row.
    private int RowEnd(ProgramSlot slot) => Math.Max(_lines[slot.End.Instant], _lines[slot.Start.Instant] + 1);
}
