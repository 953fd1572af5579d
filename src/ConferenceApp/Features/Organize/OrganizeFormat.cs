using System.Globalization;
using ConferenceApp.Features.Program;

namespace ConferenceApp.Features.Organize;

/// <summary>Day, time-slot and count formats of the organizer pages.</summary>
public static class OrganizeFormat
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    /// <summary>Returns "Thu 9 Mar 2023".</summary>
    public static string ShortDay(DateOnly day) => day.ToString("ddd d MMM yyyy", English);

    /// <summary>Returns "Thu 9 Mar 2023, 09:30–09:50", with " (+1 day)" when the slot ends on a later day.</summary>
    public static string SlotLabel(DateTime start, DateTime end) =>
        $"{ShortDay(DateOnly.FromDateTime(start))}, {TimeFormat.Clock(start)}–{TimeFormat.Clock(end)}{TimeFormat.NextDayMark(start, end)}";

    /// <summary>Returns "1 room" or "3 rooms": the count with the noun, adding "s" unless <paramref name="plural"/> gives another form.</summary>
    public static string Count(int count, string noun, string? plural = null) =>
        count == 1 ? $"1 {noun}" : $"{count} {plural ?? noun + "s"}";
}
