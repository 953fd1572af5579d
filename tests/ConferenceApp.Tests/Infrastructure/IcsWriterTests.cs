using System.Text;
using ConferenceApp.Infrastructure.Calendar;
using ConferenceApp.Tests.Support;

namespace ConferenceApp.Tests.Infrastructure;

public sealed class IcsWriterTests
{
    private static readonly DateTimeOffset Stamp = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    public static TheoryData<string> LongTexts => new()
    {
        string.Concat(Enumerable.Repeat("Attention is all you need, again and again. ", 8)),
        string.Concat(Enumerable.Repeat("למידת מכונה בשירות הבריאות הציבורית ", 10)),
        string.Concat(Enumerable.Repeat("Data 📊 science 🧪 with emoji 👩‍🔬 ", 10)),
        new string('א', 200),
        string.Concat(Enumerable.Repeat("😀", 60)),
    };

    [Theory]
    [MemberData(nameof(LongTexts))]
    public void Fold_keeps_lines_within_75_octets(string text)
    {
        var folded = IcsWriter.Fold("SUMMARY:" + text);

        foreach (var line in folded.Split("\r\n"))
        {
            Assert.True(Encoding.UTF8.GetByteCount(line) <= IcsWriter.MaxLineOctets, $"\"{line}\" is too long.");
        }

        Assert.Contains("\r\n ", folded, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(LongTexts))]
    public void Fold_then_unfold_restores_text(string text)
    {
        var line = "SUMMARY:" + text;

        var folded = IcsWriter.Fold(line);

        Assert.Equal(line, folded.Replace("\r\n ", "", StringComparison.Ordinal));
        Assert.DoesNotContain('\uFFFD', folded);
        Assert.Equal(Encoding.UTF8.GetBytes(line), Encoding.UTF8.GetBytes(folded.Replace("\r\n ", "", StringComparison.Ordinal)));
    }

    [Fact]
    public void Fold_leaves_short_line_alone()
    {
        var line = "SUMMARY:" + new string('x', 75 - "SUMMARY:".Length);

        Assert.Equal(line, IcsWriter.Fold(line));
    }

    [Fact]
    public void Fold_never_splits_surrogate_pair()
    {
        // 74 ASCII octets leave one octet, too few for a 4-octet emoji, so it moves to the next line.
        var line = new string('a', 74) + "😀";

        var physical = IcsWriter.Fold(line).Split("\r\n");

        Assert.Equal(2, physical.Length);
        Assert.Equal(new string('a', 74), physical[0]);
        Assert.Equal(" 😀", physical[1]);
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData(@"back\slash", @"back\\slash")]
    [InlineData("semi;colon", @"semi\;colon")]
    [InlineData("com,ma", @"com\,ma")]
    [InlineData("line\nbreak", @"line\nbreak")]
    [InlineData("windows\r\nbreak", @"windows\nbreak")]
    [InlineData("old mac\rbreak", @"old mac\nbreak")]
    [InlineData("two\n\nbreaks", @"two\n\nbreaks")]
    [InlineData("tab\tkept", "tab\tkept")]
    [InlineData("bell\u0007dropped", "belldropped")]
    [InlineData("colon: kept", "colon: kept")]
    [InlineData("\"quotes\" kept", "\"quotes\" kept")]
    [InlineData(@"all\;,", @"all\\\;\,")]
    public void EscapeText_follows_rfc5545(string text, string expected)
    {
        Assert.Equal(expected, IcsWriter.EscapeText(text));
    }

    [Fact]
    public void Write_uses_crlf_everywhere()
    {
        var ics = IcsWriter.Write(Calendar(Event("talk-1@example.org", "Line one\nLine two, with a comma", new string('x', 300))));

        Assert.DoesNotContain("\n", ics.Replace("\r\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("\r", ics.Replace("\r\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.EndsWith("END:VCALENDAR\r\n", ics, StringComparison.Ordinal);
        IcsReader.ReadChecked(ics);
    }

    [Fact]
    public void Write_has_calendar_properties()
    {
        var lines = IcsReader.ReadChecked(IcsWriter.Write(Calendar()));

        Assert.Equal("BEGIN:VCALENDAR", lines[0]);
        Assert.Equal("2.0", IcsReader.Value(lines, "VERSION"));
        Assert.Equal("-//ConferenceApp//Tests//EN", IcsReader.Value(lines, "PRODID"));
        Assert.Equal("PUBLISH", IcsReader.Value(lines, "METHOD"));
        Assert.Empty(IcsReader.Components(lines, "VEVENT"));
    }

    [Fact]
    public void Write_has_event_properties_in_utc()
    {
        var start = new DateTimeOffset(2026, 3, 5, 9, 30, 0, TimeSpan.FromHours(2));
        var calendarEvent = new IcsEvent(
            "talk-7@example.org", Stamp, start, start.AddMinutes(45), 3,
            "Fairness; bias, and \\ models", "Room A\nSecond line", "Room A, Hall 2", new Uri("https://example.org/wids/talks/fairness"));

        var lines = IcsReader.ReadChecked(IcsWriter.Write(Calendar(calendarEvent)));

        var properties = Assert.Single(IcsReader.Components(lines, "VEVENT"));
        Assert.Equal("talk-7@example.org", IcsReader.Value(properties, "UID"));
        Assert.Equal("20260301T120000Z", IcsReader.Value(properties, "DTSTAMP"));
        Assert.Equal("20260305T073000Z", IcsReader.Value(properties, "DTSTART"));
        Assert.Equal("20260305T081500Z", IcsReader.Value(properties, "DTEND"));
        Assert.Equal("3", IcsReader.Value(properties, "SEQUENCE"));
        Assert.Equal(@"Fairness\; bias\, and \\ models", IcsReader.Value(properties, "SUMMARY"));
        Assert.Equal("Fairness; bias, and \\ models", IcsReader.UnescapeText(IcsReader.Value(properties, "SUMMARY")!));
        Assert.Equal("Room A\nSecond line", IcsReader.UnescapeText(IcsReader.Value(properties, "DESCRIPTION")!));
        Assert.Equal("Room A, Hall 2", IcsReader.UnescapeText(IcsReader.Value(properties, "LOCATION")!));
        Assert.Equal("https://example.org/wids/talks/fairness", IcsReader.Value(properties, "URL"));
    }

    [Fact]
    public void Write_folds_long_hebrew_summary()
    {
        var title = string.Concat(Enumerable.Repeat("בינה מלאכותית, אתיקה; ושקיפות ", 6));

        var lines = IcsReader.ReadChecked(IcsWriter.Write(Calendar(Event("talk-9@example.org", title))));

        var properties = Assert.Single(IcsReader.Components(lines, "VEVENT"));
        Assert.Equal(title, IcsReader.UnescapeText(IcsReader.Value(properties, "SUMMARY")!));
    }

    [Fact]
    public void WriteUtf8_has_no_byte_order_mark()
    {
        var bytes = IcsWriter.WriteUtf8(Calendar(Event("talk-1@example.org", "שלום")));

        Assert.Equal((byte)'B', bytes[0]);
        Assert.Contains("SUMMARY:שלום\r\n", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
    }

    private static IcsCalendar Calendar(params IcsEvent[] events) => new("-//ConferenceApp//Tests//EN", events);

    private static IcsEvent Event(string uid, string summary, string? description = null) =>
        new(uid, Stamp, Stamp.AddDays(3), Stamp.AddDays(3).AddHours(1), 0, summary, description);
}
