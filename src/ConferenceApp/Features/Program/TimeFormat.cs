using System.Globalization;

namespace ConferenceApp.Features.Program;

/// <summary>How the public pages write local times and days. English is the interface language.</summary>
public static class TimeFormat
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    /// <summary>Returns "08:45", the 24-hour local clock time.</summary>
    public static string Clock(DateTime local) => local.ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>Returns the value for a &lt;time datetime&gt; attribute: ISO 8601 with the UTC offset, such as 2023-03-09T08:45:00+02:00.</summary>
    public static string Machine(LocalTime time) => time.Instant.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    /// <summary>Returns "Thursday, 9 March 2023".</summary>
    public static string Day(DateOnly day) => day.ToString("dddd, d MMMM yyyy", English);

    /// <summary>Returns "9 March 2023" or "9–10 March 2023" for the conference's days.</summary>
    public static string Days(DateOnly start, DateOnly end)
    {
        if (start == end)
        {
            return start.ToString("d MMMM yyyy", English);
        }

        return start.Year == end.Year && start.Month == end.Month
            ? $"{start.Day}–{end.ToString("d MMMM yyyy", English)}"
            : $"{start.ToString("d MMMM yyyy", English)} – {end.ToString("d MMMM yyyy", English)}";
    }

    /// <summary>Returns how many days after <paramref name="start"/>'s date <paramref name="end"/> falls, 0 on the same date.</summary>
    public static int DaysLater(DateTime start, DateTime end) =>
        Math.Max(0, DateOnly.FromDateTime(end).DayNumber - DateOnly.FromDateTime(start).DayNumber);

    /// <summary>Returns " (+1 day)" when <paramref name="end"/> falls on a later day than <paramref name="start"/>, else "".</summary>
    public static string NextDayMark(DateTime start, DateTime end)
    {
        var days = DateOnly.FromDateTime(end).DayNumber - DateOnly.FromDateTime(start).DayNumber;
        return days > 0 ? $" (+{days} day{(days > 1 ? "s" : "")})" : "";
    }

    /// <summary>
    /// Returns the zone's IANA id with its UTC offset at <paramref name="at"/>, such as
    /// "Asia/Jerusalem (UTC+02:00)". The system's display names of zones are not used: on Linux
    /// .NET reads them once, in the interface language of the first request, and keeps them for
    /// the process, so an English page could show a Hebrew name.
    /// </summary>
    public static string Zone(string zoneId, DateTimeOffset at) => $"{zoneId} ({Utc(at.Offset)})";

    /// <summary>
    /// Returns the zone label for items that start at <paramref name="starts"/>. When they all
    /// share one UTC offset it is <see cref="Zone(string, DateTimeOffset)"/> at the first of them.
    /// When the program crosses a daylight-saving change it names each offset from the day it
    /// begins, such as "Europe/Berlin (UTC+01:00, from Sun 29 Mar UTC+02:00)", because one offset
    /// would be wrong for part of the program. <paramref name="fallback"/> is used without starts.
    /// </summary>
    public static string Zone(string zoneId, IReadOnlyList<DateTimeOffset> starts, DateTimeOffset fallback)
    {
        if (starts.Count == 0)
        {
            return Zone(zoneId, fallback);
        }

        var ordered = starts.OrderBy(s => s.UtcDateTime).ToList();
        var changes = new List<DateTimeOffset> { ordered[0] };
        foreach (var start in ordered.Skip(1))
        {
            if (start.Offset != changes[^1].Offset)
            {
                changes.Add(start);
            }
        }

        if (changes.Count == 1)
        {
            return Zone(zoneId, ordered[0]);
        }

        var parts = changes.Select((change, index) => index == 0
            ? Utc(change.Offset)
            : $"from {ShortDay(DateOnly.FromDateTime(change.DateTime))} {Utc(change.Offset)}");
        return $"{zoneId} ({string.Join(", ", parts)})";
    }

    // "UTC+02:00"; the hours and minutes of the offset with its sign.
    private static string Utc(TimeSpan offset) =>
        "UTC" + (offset < TimeSpan.Zero ? "-" : "+") + offset.Duration().ToString(@"hh\:mm", CultureInfo.InvariantCulture);

    /// <summary>Returns "Thu 9 Mar", the short form of a day for the day switcher.</summary>
    public static string ShortDay(DateOnly day) => day.ToString("ddd d MMM", English);
}
