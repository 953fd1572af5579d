using System.Globalization;
using System.Text;

namespace ConferenceApp.Infrastructure.Calendar;

/// <summary>An iCalendar object: the product that wrote it, the method, and its events.</summary>
/// <param name="ProductId">The PRODID value, such as "-//ConferenceApp//Program//EN".</param>
/// <param name="Method">The iTIP method; "PUBLISH" for a calendar that is sent for information, not as an invitation.</param>
public sealed record IcsCalendar(string ProductId, IReadOnlyList<IcsEvent> Events, string Method = "PUBLISH")
{
    /// <summary>The name calendar apps show for a subscribed or imported calendar (X-WR-CALNAME), or null.</summary>
    public string? Name { get; init; }

    /// <summary>
    /// The zone of the event times, or null. When set, the calendar carries it as a VTIMEZONE and
    /// in X-WR-TIMEZONE, and DTSTART and DTEND are written as local times with its TZID.
    /// Without it they are written in UTC.
    /// </summary>
    public IcsTimeZone? TimeZone { get; init; }
}

/// <summary>One VEVENT. DTSTAMP is written in UTC, and DTSTART and DTEND in the calendar's time zone when it has one.</summary>
/// <param name="Uid">The id that stays the same across updates of the event, so a calendar replaces its copy instead of adding one.</param>
/// <param name="Stamp">The instant the object was created (DTSTAMP).</param>
/// <param name="Sequence">The revision number; a calendar applies an update only when it is greater than the one it has.</param>
public sealed record IcsEvent(
    string Uid,
    DateTimeOffset Stamp,
    DateTimeOffset Start,
    DateTimeOffset End,
    int Sequence,
    string Summary,
    string? Description = null,
    string? Location = null,
    Uri? Url = null)
{
    /// <summary>The CATEGORIES values, such as the kind of program item, or an empty list for none.</summary>
    public IReadOnlyList<string> Categories { get; init; } = [];
}

/// <summary>Writes iCalendar (RFC 5545) text: CRLF line endings, lines folded at 75 octets, TEXT values escaped.</summary>
public static class IcsWriter
{
    /// <summary>The maximum length of a physical line in octets, not counting its CRLF (RFC 5545, section 3.1).</summary>
    public const int MaxLineOctets = 75;

    /// <summary>The media type of an .ics attachment that carries a PUBLISH calendar.</summary>
    public const string MediaType = "text/calendar; charset=utf-8; method=PUBLISH";

    private const string LineBreak = "\r\n";

    /// <summary>Returns the calendar as iCalendar text.</summary>
    public static string Write(IcsCalendar calendar)
    {
        var output = new StringBuilder();

        AppendLine(output, "BEGIN:VCALENDAR");
        AppendLine(output, "VERSION:2.0");
        AppendLine(output, "PRODID:" + EscapeText(calendar.ProductId));
        AppendLine(output, "CALSCALE:GREGORIAN");
        AppendLine(output, "METHOD:" + calendar.Method);

        if (calendar.Name is not null)
        {
            AppendLine(output, "X-WR-CALNAME:" + EscapeText(calendar.Name));
        }

        if (calendar.TimeZone is not null)
        {
            AppendLine(output, "X-WR-TIMEZONE:" + EscapeText(calendar.TimeZone.Id));
            AppendTimeZone(output, calendar.TimeZone);
        }

        foreach (var calendarEvent in calendar.Events)
        {
            AppendEvent(output, calendarEvent, calendar.TimeZone);
        }

        AppendLine(output, "END:VCALENDAR");
        return output.ToString();
    }

    /// <summary>Returns the calendar as UTF-8 bytes without a byte order mark, as an attachment carries it.</summary>
    public static byte[] WriteUtf8(IcsCalendar calendar) => new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(Write(calendar));

    /// <summary>
    /// Escapes a TEXT value: backslash, semicolon and comma get a backslash, and each line break
    /// (CRLF, LF or CR) becomes "\n". Other control characters, which TEXT does not allow, are
    /// dropped, except the tab.
    /// </summary>
    public static string EscapeText(string value)
    {
        var output = new StringBuilder(value.Length);

        for (var index = 0; index < value.Length; index++)
        {
            var character = value[index];
            switch (character)
            {
                case '\\':
                    output.Append(@"\\");
                    break;
                case ';':
                    output.Append(@"\;");
                    break;
                case ',':
                    output.Append(@"\,");
                    break;
                case '\r':
                    output.Append(@"\n");
                    if (index + 1 < value.Length && value[index + 1] == '\n')
                    {
                        index++;
                    }

                    break;
                case '\n':
                    output.Append(@"\n");
                    break;
                case '\t':
                    output.Append(character);
                    break;
                default:
                    if (!char.IsControl(character))
                    {
                        output.Append(character);
                    }

                    break;
            }
        }

        return output.ToString();
    }

    /// <summary>
    /// Folds one content line into physical lines of at most <see cref="MaxLineOctets"/> UTF-8
    /// octets, joined by CRLF and a space. It splits only between Unicode scalar values, so no
    /// UTF-8 sequence or surrogate pair is cut. Removing each CRLF and the space after it
    /// restores the line.
    /// </summary>
    public static string Fold(string line)
    {
        var output = new StringBuilder(line.Length + 8);
        var octetsInLine = 0;

        foreach (var rune in line.EnumerateRunes())
        {
            var octets = rune.Utf8SequenceLength;
            if (octetsInLine + octets > MaxLineOctets)
            {
                output.Append(LineBreak).Append(' ');

                // The space that starts a continuation line counts towards its length.
                octetsInLine = 1;
            }

            output.Append(rune.ToString());
            octetsInLine += octets;
        }

        return output.ToString();
    }

    private static void AppendTimeZone(StringBuilder output, IcsTimeZone timeZone)
    {
        AppendLine(output, "BEGIN:VTIMEZONE");
        AppendLine(output, "TZID:" + EscapeText(timeZone.Id));

        foreach (var observance in timeZone.Observances)
        {
            var name = observance.IsDaylight ? "DAYLIGHT" : "STANDARD";
            AppendLine(output, "BEGIN:" + name);
            AppendLine(output, "DTSTART:" + FormatLocal(observance.LocalStart));
            AppendLine(output, "TZOFFSETFROM:" + IcsTimeZone.FormatOffset(observance.OffsetFrom));
            AppendLine(output, "TZOFFSETTO:" + IcsTimeZone.FormatOffset(observance.OffsetTo));
            AppendLine(output, "END:" + name);
        }

        AppendLine(output, "END:VTIMEZONE");
    }

    private static void AppendEvent(StringBuilder output, IcsEvent calendarEvent, IcsTimeZone? timeZone)
    {
        AppendLine(output, "BEGIN:VEVENT");
        AppendLine(output, "UID:" + EscapeText(calendarEvent.Uid));
        AppendLine(output, "DTSTAMP:" + FormatUtc(calendarEvent.Stamp));
        AppendLine(output, "DTSTART" + FormatDateTime(calendarEvent.Start, timeZone));
        AppendLine(output, "DTEND" + FormatDateTime(calendarEvent.End, timeZone));
        AppendLine(output, "SEQUENCE:" + calendarEvent.Sequence.ToString(CultureInfo.InvariantCulture));
        AppendLine(output, "SUMMARY:" + EscapeText(calendarEvent.Summary));

        if (calendarEvent.Description is not null)
        {
            AppendLine(output, "DESCRIPTION:" + EscapeText(calendarEvent.Description));
        }

        if (calendarEvent.Location is not null)
        {
            AppendLine(output, "LOCATION:" + EscapeText(calendarEvent.Location));
        }

        if (calendarEvent.Url is not null)
        {
            AppendLine(output, "URL:" + calendarEvent.Url.AbsoluteUri);
        }

        if (calendarEvent.Categories.Count > 0)
        {
            AppendLine(output, "CATEGORIES:" + string.Join(',', calendarEvent.Categories.Select(EscapeText)));
        }

        AppendLine(output, "END:VEVENT");
    }

    /// <summary>Returns the instant in the UTC form of DATE-TIME, such as "20260305T073000Z".</summary>
    public static string FormatUtc(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    /// <summary>Returns a local time in the DATE-TIME form without a zone, such as "20260305T093000".</summary>
    public static string FormatLocal(DateTime local) =>
        local.ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture);

    // Returns the parameters and value after the property name: ";TZID=Europe/Berlin:20260329T013000" or ":20260328T233000Z".
    private static string FormatDateTime(DateTimeOffset instant, IcsTimeZone? timeZone) =>
        timeZone is null
            ? ":" + FormatUtc(instant)
            : $";TZID={ParameterValue(timeZone.Id)}:{FormatLocal(timeZone.ToLocal(instant))}";

    // A parameter value that contains a colon, semicolon or comma must be quoted (RFC 5545, section 3.2).
    private static string ParameterValue(string value) =>
        value.AsSpan().IndexOfAny(":;,") >= 0 ? $"\"{value.Replace("\"", "", StringComparison.Ordinal)}\"" : value;

    private static void AppendLine(StringBuilder output, string line) => output.Append(Fold(line)).Append(LineBreak);
}
