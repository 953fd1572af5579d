using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace ConferenceApp.Domain;

/// <summary>The outcome of reading availability text: the availability, or one error per broken line.</summary>
public sealed record AvailabilityParseResult(Availability? Availability, IReadOnlyList<string> Errors)
{
    public bool IsValid => Errors.Count == 0;
}

/// <summary>
/// Reads the availability that organizers and speakers type, one interval per line in the
/// conference's local time: "2026-03-10 09:00-17:30", or "2026-03-10 22:00 - 2026-03-11 01:00"
/// for an interval that crosses midnight. Blank lines are skipped, and lines that overlap or
/// touch are merged (see <see cref="Availability.Of"/>).
/// </summary>
public static partial class AvailabilityParser
{
    public const int MaxLines = 200;

    public const int MaxLength = 20_000;

    /// <summary>The longest part of a line that an error message quotes.</summary>
    private const int QuoteLength = 60;

    /// <summary>Returns an example line for <paramref name="day"/>, such as "2026-03-10 09:00-17:30".</summary>
    public static string Example(DateOnly day) => $"{day:yyyy-MM-dd} 09:00-17:30";

    /// <summary>Returns an example of a line that crosses midnight after <paramref name="day"/>.</summary>
    public static string MidnightExample(DateOnly day) => $"{day:yyyy-MM-dd} 22:00 - {day.AddDays(1):yyyy-MM-dd} 01:00";

    /// <summary>
    /// Parses <paramref name="text"/> for <paramref name="conference"/>. Rejects lines that are not
    /// in the format, dates and times that do not exist, and local times the clocks skip. Also
    /// rejects intervals that do not end after they start, and intervals that reach more than one
    /// day before the conference's first day or after its last day.
    /// </summary>
    public static AvailabilityParseResult Parse(string? text, Conference conference)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return new AvailabilityParseResult(Availability.Always, []);
        }

        if (text.Length > MaxLength)
        {
            return Failed($"The availability has {text.Length} characters; at most {MaxLength} are allowed.");
        }

        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n');
        var filled = lines.Count(line => !string.IsNullOrWhiteSpace(line));
        if (filled > MaxLines)
        {
            return Failed($"The availability has {filled} lines; at most {MaxLines} are allowed. Merge neighbouring intervals into one line.");
        }

        var clock = new ConferenceClock(conference.TimeZoneId);
        var window = new LocalInterval(
            conference.StartDate.AddDays(-1).ToDateTime(TimeOnly.MinValue),
            conference.EndDate.AddDays(2).ToDateTime(TimeOnly.MinValue));

        var errors = new List<string>();
        var intervals = new List<LocalInterval>();
        for (var index = 0; index < lines.Length; index++)
        {
            var line = lines[index].Trim();
            if (line.Length == 0)
            {
                continue;
            }

            var error = ParseLine(line, clock, window, conference, out var interval);
            if (error is null)
            {
                intervals.Add(interval);
            }
            else
            {
                errors.Add($"Line {index + 1}, “{Quote(line)}”: {error}");
            }
        }

        return errors.Count > 0 ? new AvailabilityParseResult(null, errors) : new AvailabilityParseResult(Availability.Of(intervals), []);
    }

    private static AvailabilityParseResult Failed(string error) => new(null, [error]);

    /// <summary>Returns the error for one trimmed line, or null with the interval set.</summary>
    private static string? ParseLine(string line, ConferenceClock clock, LocalInterval window, Conference conference, out LocalInterval interval)
    {
        interval = default;

        var hiddenAt = line.ToList().FindIndex(IsHidden);
        if (hiddenAt >= 0)
        {
            return $"it contains the invisible character U+{(int)line[hiddenAt]:X4}. Type the line again using only digits, dashes, colons and spaces.";
        }

        var match = LinePattern().Match(line);
        if (!match.Success)
        {
            return $"write the interval as {Example(conference.StartDate)}, or with both dates when it crosses midnight: {MidnightExample(conference.StartDate)}.";
        }

        var startDay = match.Groups["startDay"].Value;
        var endDay = match.Groups["endDay"].Success ? match.Groups["endDay"].Value : startDay;
        var startDateError = ReadDate(startDay, out var startDate);
        var endDateError = ReadDate(endDay, out var endDate);
        var startTimeError = ReadTime(match.Groups["startTime"].Value, startDate, out var startTime);
        var endTimeError = ReadTime(match.Groups["endTime"].Value, startDate, out var endTime);
        var problem = startDateError ?? endDateError ?? startTimeError ?? endTimeError;
        if (problem is not null)
        {
            return problem;
        }

        var start = startDate.ToDateTime(startTime);
        var end = endDate.ToDateTime(endTime);
        if (end <= start)
        {
            return match.Groups["endDay"].Success
                ? "the end is not after the start."
                : $"the end is not after the start. For an interval that crosses midnight write both dates, such as {MidnightExample(startDate)}.";
        }

        if (start < window.Start || end > window.End)
        {
            return $"the conference runs from {conference.StartDate:yyyy-MM-dd} to {conference.EndDate:yyyy-MM-dd}, "
                + $"so an interval must lie between {window.Start:yyyy-MM-dd HH:mm} and {window.End:yyyy-MM-dd HH:mm}.";
        }

        var skipped = clock.IsSkipped(start) ? start : clock.IsSkipped(end) ? end : (DateTime?)null;
        if (skipped is { } moment)
        {
            return $"{moment:yyyy-MM-dd HH:mm} does not exist in {clock.TimeZoneId}, because the clocks skip it that night.";
        }

        interval = new LocalInterval(start, end);
        return null;
    }

    private static string? ReadDate(string value, out DateOnly date) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date)
            ? null
            : $"{value} is not a date in the calendar.";

    private static string? ReadTime(string value, DateOnly day, out TimeOnly time)
    {
        if (value is "24:00")
        {
            time = default;
            return $"24:00 is not a time of day. Write 00:00 of the next day, such as {day:yyyy-MM-dd} 18:00 - {day.AddDays(1):yyyy-MM-dd} 00:00.";
        }

        return TimeOnly.TryParseExact(value, ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out time)
            ? null
            : $"{value} is not a time of day; use 00:00 to 23:59.";
    }

    /// <summary>Control and format characters, which include the bidirectional overrides and isolates that reorder text on screen.</summary>
    private static bool IsHidden(char c) =>
        char.IsControl(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;

    /// <summary>Returns the line for an error message, shortened, with hidden characters shown as their code points.</summary>
    private static string Quote(string line)
    {
        var builder = new StringBuilder();
        foreach (var c in line.Length > QuoteLength ? line[..QuoteLength] : line)
        {
            builder.Append(IsHidden(c) ? $"[U+{(int)c:X4}]" : c.ToString());
        }

        return line.Length > QuoteLength ? builder.Append('…').ToString() : builder.ToString();
    }

    // ASCII digits only, because \d also matches the digits of other scripts. The separator is a
    // hyphen or an en dash, with optional spaces around it.
    [GeneratedRegex(@"^(?<startDay>[0-9]{4}-[0-9]{2}-[0-9]{2}) +(?<startTime>[0-9]{1,2}:[0-9]{2}) *[-–] *(?:(?<endDay>[0-9]{4}-[0-9]{2}-[0-9]{2}) +)?(?<endTime>[0-9]{1,2}:[0-9]{2})$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex LinePattern();
}
