using ConferenceApp.Domain;

namespace ConferenceApp.Tests.Domain;

public sealed class AvailabilityParserTests
{
    private static readonly Conference March = Conference.Create(new ConferenceDetails(
        "march-days", "March Days", null, "Europe/Berlin", new DateOnly(2026, 3, 10), new DateOnly(2026, 3, 12)));

    // Berlin's clocks jump from 02:00 to 03:00 on 29 March 2026.
    private static readonly Conference Spring = Conference.Create(new ConferenceDetails(
        "spring-days", "Spring Days", null, "Europe/Berlin", new DateOnly(2026, 3, 28), new DateOnly(2026, 3, 29)));

    private static DateTime Local(string value) => DateTime.Parse(value, System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\n\r\n  \n")]
    [InlineData(null)]
    public void Empty_text_means_always(string? text)
    {
        var result = AvailabilityParser.Parse(text, March);

        Assert.True(result.IsValid);
        Assert.Same(Availability.Always, result.Availability);
    }

    [Theory]
    [InlineData("2026-03-10 09:00-17:30", "2026-03-10 09:00", "2026-03-10 17:30")]
    [InlineData("2026-03-10 09:00 - 17:30", "2026-03-10 09:00", "2026-03-10 17:30")]
    [InlineData("  2026-03-10 9:00–17:30  ", "2026-03-10 09:00", "2026-03-10 17:30")]
    [InlineData("2026-03-10 22:00 - 2026-03-11 01:00", "2026-03-10 22:00", "2026-03-11 01:00")]
    [InlineData("2026-03-10 18:00 - 2026-03-11 00:00", "2026-03-10 18:00", "2026-03-11 00:00")]
    [InlineData("2026-03-09 00:00-08:00", "2026-03-09 00:00", "2026-03-09 08:00")]
    [InlineData("2026-03-13 12:00 - 2026-03-14 00:00", "2026-03-13 12:00", "2026-03-14 00:00")]
    public void Valid_line_is_read(string line, string start, string end)
    {
        var result = AvailabilityParser.Parse(line, March);

        Assert.True(result.IsValid, string.Join(" ", result.Errors));
        var interval = Assert.Single(result.Availability!.Intervals);
        Assert.Equal(Local(start), interval.Start);
        Assert.Equal(Local(end), interval.End);
    }

    [Fact]
    public void Overlapping_and_touching_lines_are_merged()
    {
        var result = AvailabilityParser.Parse("2026-03-11 13:00-15:00\n2026-03-10 09:00-12:00\n2026-03-10 11:00-13:00\n2026-03-11 15:00-16:00\r\n", March);

        Assert.Equal("2026-03-10 09:00-13:00\n2026-03-11 13:00-16:00", result.Availability!.ToText());
    }

    [Fact]
    public void Stored_text_reads_back_unchanged()
    {
        var text = "2026-03-10 09:00-17:30\n2026-03-10 22:00 - 2026-03-11 01:00";

        var again = AvailabilityParser.Parse(AvailabilityParser.Parse(text, March).Availability!.ToText(), March);

        Assert.Equal(text, again.Availability!.ToText());
    }

    [Theory]
    [InlineData("2026-03-10 9-17", "Line 1, “2026-03-10 9-17”: write the interval as 2026-03-10 09:00-17:30")]
    [InlineData("2026-03-10 09:00/17:30", "Line 1, “2026-03-10 09:00/17:30”: write the interval as")]
    [InlineData("2026-03-10 09:00 to 17:30", "write the interval as")]
    [InlineData("10.03.2026 09:00-17:30", "write the interval as")]
    [InlineData("2026-03-10T09:00-17:30", "write the interval as")]
    [InlineData("2026-03-10 09.00-17.30", "write the interval as")]
    [InlineData("2026-03-10 ٠٩:٠٠-١٧:٣٠", "write the interval as")]
    [InlineData("2026-03-10 09:00-24:00", "24:00 is not a time of day. Write 00:00 of the next day")]
    [InlineData("2026-03-10 25:00-26:00", "25:00 is not a time of day; use 00:00 to 23:59.")]
    [InlineData("2026-02-30 09:00-10:00", "2026-02-30 is not a date in the calendar.")]
    [InlineData("2026-03-10 12:00-09:00", "the end is not after the start. For an interval that crosses midnight write both dates")]
    [InlineData("2026-03-10 12:00-12:00", "the end is not after the start.")]
    [InlineData("2026-03-11 01:00 - 2026-03-10 22:00", "the end is not after the start.")]
    [InlineData("2026-03-08 09:00-10:00", "the conference runs from 2026-03-10 to 2026-03-12, so an interval must lie between 2026-03-09 00:00 and 2026-03-14 00:00.")]
    [InlineData("2026-03-13 20:00 - 2026-03-14 01:00", "an interval must lie between")]
    [InlineData("2027-03-10 09:00-10:00", "an interval must lie between")]
    public void Invalid_line_is_rejected(string line, string expected)
    {
        var result = AvailabilityParser.Parse($"2026-03-10 09:00-10:00\n{line}", March);

        Assert.Null(result.Availability);
        var error = Assert.Single(result.Errors);
        Assert.StartsWith("Line 2, “", error, StringComparison.Ordinal);
        Assert.Contains(expected.Replace("Line 1", "Line 2", StringComparison.Ordinal), error, StringComparison.Ordinal);
    }

    [Fact]
    public void Skipped_time_is_rejected()
    {
        var result = AvailabilityParser.Parse("2026-03-29 01:00-02:30", Spring);

        Assert.Equal("Line 1, “2026-03-29 01:00-02:30”: 2026-03-29 02:30 does not exist in Europe/Berlin, because the clocks skip it that night.", Assert.Single(result.Errors));
    }

    [Fact]
    public void Interval_across_skipped_hour_is_read()
    {
        var result = AvailabilityParser.Parse("2026-03-29 01:00-04:00", Spring);

        Assert.True(result.IsValid);
    }

    [Theory]
    [InlineData('\u202E')]
    [InlineData('\u2066')]
    [InlineData('\u200F')]
    [InlineData('\u0000')]
    public void Hidden_character_is_rejected_and_shown(char hidden)
    {
        var result = AvailabilityParser.Parse($"2026-03-10 09:00-{hidden}17:30", March);

        var error = Assert.Single(result.Errors);
        var code = $"U+{(int)hidden:X4}";
        Assert.Contains($"“2026-03-10 09:00-[{code}]17:30”", error, StringComparison.Ordinal);
        Assert.Contains($"invisible character {code}", error, StringComparison.Ordinal);
        Assert.DoesNotContain(hidden, error);
    }

    [Fact]
    public void Every_broken_line_gets_an_error()
    {
        var result = AvailabilityParser.Parse("nonsense\n2026-03-10 09:00-10:00\n\n2026-02-30 09:00-10:00", March);

        Assert.Equal(2, result.Errors.Count);
        Assert.StartsWith("Line 1, “nonsense”", result.Errors[0], StringComparison.Ordinal);
        Assert.StartsWith("Line 4, “2026-02-30 09:00-10:00”", result.Errors[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Long_line_is_quoted_shortened()
    {
        var result = AvailabilityParser.Parse(new string('x', 500), March);

        var error = Assert.Single(result.Errors);
        Assert.Contains($"“{new string('x', 60)}…”", error, StringComparison.Ordinal);
    }

    [Fact]
    public void More_than_200_lines_are_refused()
    {
        var lines = Enumerable.Range(0, 201).Select(i => "2026-03-10 09:00-10:00");

        var result = AvailabilityParser.Parse(string.Join("\n", lines), March);

        Assert.Null(result.Availability);
        Assert.Equal("The availability has 201 lines; at most 200 are allowed. Merge neighbouring intervals into one line.", Assert.Single(result.Errors));
    }

    [Fact]
    public void Two_hundred_lines_are_accepted()
    {
        var lines = Enumerable.Range(0, 200).Select(i => $"2026-03-1{i % 3} {i / 10:00}:{i % 10:00}-{i / 10:00}:{i % 10 + 10:00}");

        var result = AvailabilityParser.Parse(string.Join("\n", lines), March);

        Assert.True(result.IsValid, string.Join(" ", result.Errors.Take(3)));
    }

    [Fact]
    public void Huge_text_is_refused()
    {
        var result = AvailabilityParser.Parse(new string(' ', 10) + new string('1', AvailabilityParser.MaxLength), March);

        Assert.Contains($"characters; at most {AvailabilityParser.MaxLength} are allowed.", Assert.Single(result.Errors), StringComparison.Ordinal);
    }
}
