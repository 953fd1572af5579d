using System.Globalization;
using ConferenceApp.Features.Program;

namespace ConferenceApp.Features.Organize;

/// <summary>How organizer pages write days and time slots.</summary>
public static class OrganizeFormat
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    /// <summary>Returns "Thu 9 Mar 2023".</summary>
    public static string ShortDay(DateOnly day) => day.ToString("ddd d MMM yyyy", English);

    /// <summary>Returns "Thu 9 Mar 2023, 09:30–09:50", with " (+1 day)" when the slot ends on a later day.</summary>
    public static string SlotLabel(DateTime start, DateTime end) =>
        $"{ShortDay(DateOnly.FromDateTime(start))}, {TimeFormat.Clock(start)}–{TimeFormat.Clock(end)}{TimeFormat.NextDayMark(start, end)}";
}
