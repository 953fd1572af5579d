using System.Globalization;
using ConferenceApp.Domain;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;

namespace ConferenceApp.Features.Organize.Schedule;

/// <summary>The schedule editor for one conference day: the grid, the sessions and talks not yet placed, and the conflicts.</summary>
public sealed record ScheduleEditorPage(
    OrganizeConference Conference,
    ScheduleGrid Grid,
    IReadOnlyList<ScheduleDayTab> Days,
    IReadOnlyList<ScheduleColumn> Columns,
    IReadOnlyList<ScheduleBlock> Blocks,
    IReadOnlyList<ScheduleBlock> Unscheduled,
    IReadOnlyList<ScheduleTalk> UnplacedTalks,
    IReadOnlyList<Choice> Sessions,
    int ConflictCount)
{
    /// <summary>An error to show above the grid after a rejected talk move, or null.</summary>
    public string? Alert { get; init; }

    /// <summary>The grid row (1-based, after the header row) of each row of the time axis, with its label.</summary>
    public IEnumerable<(int GridRow, int Minute, string Label, bool IsFullHour)> Rows() =>
        Enumerable.Range(0, Grid.RowCount).Select(row =>
        {
            var minute = Grid.MinuteOfRow(row);
            return (row + 2, minute, ScheduleGrid.Label(Grid.Day, Grid.TimeAt(minute)), minute % 60 == 0);
        });

    /// <summary>
    /// The calendar days a time on this grid can fall on, from the grid's day on, as yyyy-MM-dd.
    /// The script turns a minute count into a local time with them, without the browser's clock.
    /// </summary>
    public string CalendarDays =>
        string.Join(' ', Enumerable.Range(0, 3).Select(offset => ScheduleFormat.Date(Grid.Day.AddDays(offset))));

    public string Url(DateOnly day) => ScheduleFormat.EditorUrl(Conference.Slug, day, Grid.Snap);
}

/// <summary>One block of the editor with the page it sits on, for the block partial. <see cref="Placed"/> is false in the list of unscheduled sessions.</summary>
public sealed record ScheduleBlockView(ScheduleEditorPage Page, ScheduleBlock Block, bool Placed);

/// <summary>
/// A talk of a block with the number of talks in it, for the talk partial. The talk's title is
/// hidden visually when it is also the block's title, as for a session that holds one talk.
/// <see cref="ShowsSelect"/> is false in a block too short for the "Move to" select.
/// </summary>
public sealed record ScheduleTalkView(ScheduleEditorPage Page, ScheduleTalk Talk, int TalkCount, string? BlockTitle = null, bool ShowsSelect = true)
{
    public bool RepeatsBlockTitle => TalkCount == 1 && Talk.Title == BlockTitle;
}

/// <summary>A tab of the day switcher.</summary>
public sealed record ScheduleDayTab(DateOnly Day, string Label, bool IsCurrent);

/// <summary>
/// A column of the grid: the narrow "all rooms" lane (<see cref="RoomKey"/> "all") or a room.
/// <see cref="GridColumn"/> is the CSS grid column line. Column 1 contains the times.
/// </summary>
public sealed record ScheduleColumn(string RoomKey, string Name, int GridColumn);

/// <summary>A talk inside a block, with the values its move controls post.</summary>
public sealed record ScheduleTalk(int Id, Guid Version, string Title, string Speakers, int? SessionId, int Position);

/// <summary>
/// A session as the editor shows it. Placed blocks have grid rows and columns; unscheduled
/// sessions have a <see cref="DurationMinutes"/> to use when they are dropped onto the grid.
/// </summary>
public sealed record ScheduleBlock(
    int Id,
    Guid Version,
    string Title,
    string KindLabel,
    string People,
    IReadOnlyList<ScheduleTalk> Talks,
    IReadOnlyList<string> Conflicts)
{
    /// <summary>"all" for an item across all rooms, else the room id; null while unscheduled.</summary>
    public string? RoomKey { get; init; }

    public string? RoomName { get; init; }

    /// <summary>"09:30–10:15" or "23:30–00:30 +1", in the conference's zone.</summary>
    public string? TimeLabel { get; init; }

    public int StartMinute { get; init; }

    public int EndMinute { get; init; }

    public int DurationMinutes { get; init; } = 30;

    public int RowStart { get; init; }

    public int RowEnd { get; init; }

    public int ColumnStart { get; init; }

    public int ColumnEnd { get; init; }

    /// <summary>The block's lane (from 0) in its column, when blocks there overlap in time.</summary>
    public int Lane { get; init; }

    /// <summary>The number of lanes the column is split into at the block's time; 1 without overlaps.</summary>
    public int LaneCount { get; init; } = 1;

    /// <summary>True when the block is too short for more than one line, so its title, time and links share that line.</summary>
    public bool IsCompact => DurationMinutes < CompactBelowMinutes;

    /// <summary>True when the block is tall enough for the "Move to" select under each talk; shorter blocks leave it to drags and the "Move…" page.</summary>
    public bool ShowsTalkSelect => DurationMinutes >= MinutesForHeader + MinutesPerTalkWithSelect * Talks.Count;

    /// <summary>Blocks shorter than this many minutes are drawn on one line (at 4 px per minute, 25 minutes is 100 px).</summary>
    public const int CompactBelowMinutes = 25;

    private const int MinutesForHeader = 15;

    private const int MinutesPerTalkWithSelect = 15;

    public bool SpansAllRooms => RoomKey == ScheduleFormat.AllRooms;
}

/// <summary>The form behind "Move…": the day, local times and room of one session.</summary>
public sealed class PlaceForm : OrganizeForm
{
    public DateOnly? Day { get; set; }

    /// <summary>The local start as typed, hh:mm on the 24-hour clock; <see cref="PlaceTimes"/> parses it.</summary>
    public string? StartTime { get; set; }

    /// <summary>The local end as typed, hh:mm on the 24-hour clock.</summary>
    public string? EndTime { get; set; }

    /// <summary>True when the end time is on the day after <see cref="Day"/>, for a session that crosses midnight.</summary>
    public bool EndsNextDay { get; set; }

    /// <summary>The room, or null for a session across all rooms.</summary>
    public int? RoomId { get; set; }

    /// <summary>The grid row size in minutes, kept for the way back to the grid.</summary>
    public int? Snap { get; set; }

    [BindNever]
    public string Title { get; set; } = "";

    /// <summary>Where the session is now, as a sentence, or null.</summary>
    [BindNever]
    public string? CurrentPlace { get; set; }

    [BindNever]
    [ValidateNever]
    public IReadOnlyList<Choice> Rooms { get; set; } = [];

    /// <summary>The session's talks in order, with controls to reorder them or move them to another session.</summary>
    [BindNever]
    [ValidateNever]
    public IReadOnlyList<ScheduleTalk> Talks { get; set; } = [];

    /// <summary>The sessions a talk can be moved to.</summary>
    [BindNever]
    [ValidateNever]
    public IReadOnlyList<Choice> Sessions { get; set; } = [];

    /// <summary>An error to show after a rejected talk move from this page, or null.</summary>
    [BindNever]
    public string? Alert { get; set; }
}

/// <summary>The form posted by a talk's Up, Down and "Move to" controls on the grid.</summary>
public sealed class TalkOrderForm
{
    public Guid Version { get; set; }

    public int? SessionId { get; set; }

    /// <summary>The 0-based place in the session after the move; empty puts the talk last.</summary>
    public int? Position { get; set; }

    /// <summary>The grid day and row size to return to.</summary>
    public DateOnly? Day { get; set; }

    public int? Snap { get; set; }

    /// <summary>The session whose "Move…" page posted the form and is the page to return to; null returns to the grid.</summary>
    public int? ReturnToSession { get; set; }
}

/// <summary>The JSON body of a session drag: <c>{"version":"…","room":"12" or "all","start":"2023-03-09T10:00","end":"2023-03-09T10:45"}</c>.</summary>
public sealed record MoveSessionRequest(Guid Version, string? Room, string? Start, string? End);

/// <summary>The JSON body of a talk drag: <c>{"version":"…","sessionId":7,"position":0}</c>.</summary>
public sealed record MoveTalkRequest(Guid Version, int? SessionId, int? Position);

/// <summary>
/// The JSON reply to a drag: a message, and after a save the new version of the moved row, the
/// number of conflicts the move created and the address of the conflicts page when there are any.
/// </summary>
public sealed record MoveReply(string Message, Guid? Version = null, int NewConflicts = 0, string? ConflictsUrl = null);

/// <summary>Formats and addresses of the schedule editor.</summary>
public static class ScheduleFormat
{
    /// <summary>The room key of items across all rooms, in the grid and in the JSON requests.</summary>
    public const string AllRooms = "all";

    /// <summary>The format of local times in the JSON requests and the grid's data attributes.</summary>
    public const string LocalTimeFormat = "yyyy-MM-dd'T'HH:mm";

    public static string Date(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string LocalTime(DateTime local) => local.ToString(LocalTimeFormat, CultureInfo.InvariantCulture);

    /// <summary>Reads "2023-03-09T10:00" as a local time, or returns null.</summary>
    public static DateTime? ParseLocalTime(string? text) =>
        DateTime.TryParseExact(text, LocalTimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value)
            ? DateTime.SpecifyKind(value, DateTimeKind.Unspecified)
            : null;

    /// <summary>The most characters of a rejected value that an error message repeats.</summary>
    public const int MaxEchoLength = 40;

    /// <summary>Returns the value for an error message, cut to <see cref="MaxEchoLength"/> characters with an ellipsis.</summary>
    public static string Echo(string? value)
    {
        if (value is null || value.Length <= MaxEchoLength)
        {
            return value ?? "";
        }

        return string.Concat(value.AsSpan(0, MaxEchoLength), "…");
    }

    /// <summary>Reads "09:30" (hh:mm, 00:00 to 23:59) as a time of day, or returns null.</summary>
    public static TimeOnly? ParseClockTime(string? text) =>
        TimeOnly.TryParseExact(text?.Trim(), "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var value) ? value : null;

    public static string ClockTime(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);

    public static string EditorUrl(string conference, DateOnly day, int snap) =>
        $"/organize/{conference}/schedule?day={Date(day)}&snap={snap.ToString(CultureInfo.InvariantCulture)}";
}
