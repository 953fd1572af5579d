using ConferenceApp.Infrastructure.Calendar;
using ConferenceApp.Tests.Support;

namespace ConferenceApp.Tests.Interop;

[Collection(IcalNetResolverGroup.Name)]
public sealed class IcsTimeZoneTests
{
    public static TheoryData<string, int> ZonesAndYears => new()
    {
        { "Asia/Jerusalem", 2023 },
        { "Asia/Jerusalem", 2026 },
        { "Europe/Berlin", 2026 },
        { "America/New_York", 2026 },
        { "Australia/Sydney", 2026 },
        { "Asia/Tokyo", 2026 },
        { "UTC", 2026 },
    };

    [Theory]
    [InlineData("Europe/Berlin", 2026, "20260329T020000 +0100 +0200 DAYLIGHT", "20261025T030000 +0200 +0100 STANDARD")]
    [InlineData("America/New_York", 2026, "20260308T020000 -0500 -0400 DAYLIGHT", "20261101T020000 -0400 -0500 STANDARD")]
    [InlineData("Asia/Jerusalem", 2026, "20260327T020000 +0200 +0300 DAYLIGHT", "20261025T020000 +0300 +0200 STANDARD")]
    [InlineData("Asia/Jerusalem", 2023, "20230324T020000 +0200 +0300 DAYLIGHT", "20231029T020000 +0300 +0200 STANDARD")]
    public void For_lists_year_changes(string zoneId, int year, string spring, string autumn)
    {
        var zone = IcsTimeZone.For(TimeZoneInfo.FindSystemTimeZoneById(zoneId), year, year);

        Assert.Equal(zoneId, zone.Id);
        Assert.Equal(3, zone.Observances.Count);
        Assert.Equal(new DateTime(year, 1, 1), zone.Observances[0].LocalStart);
        Assert.False(zone.Observances[0].IsDaylight);
        Assert.Equal(zone.Observances[0].OffsetFrom, zone.Observances[0].OffsetTo);
        Assert.Equal(spring, Describe(zone.Observances[1]));
        Assert.Equal(autumn, Describe(zone.Observances[2]));
    }

    [Theory]
    [InlineData("Asia/Tokyo", "+0900")]
    [InlineData("UTC", "+0000")]
    public void For_zone_without_dst_has_one_standard(string zoneId, string offset)
    {
        var zone = IcsTimeZone.For(TimeZoneInfo.FindSystemTimeZoneById(zoneId), 2026, 2027);

        var only = Assert.Single(zone.Observances);
        Assert.Equal($"20260101T000000 {offset} {offset} STANDARD", Describe(only));
    }

    [Fact]
    public void For_covers_every_year_in_range()
    {
        var zone = IcsTimeZone.For(TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin"), 2026, 2027);

        Assert.Equal(5, zone.Observances.Count);
        Assert.Equal(new DateTime(2027, 3, 28, 2, 0, 0), zone.Observances[3].LocalStart);
        Assert.Equal(new DateTime(2027, 10, 31, 3, 0, 0), zone.Observances[4].LocalStart);
    }

    [Theory]
    [MemberData(nameof(ZonesAndYears))]
    public void ToLocal_matches_time_zone_info(string zoneId, int year)
    {
        var info = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        var zone = IcsTimeZone.For(info, year, year);

        var end = new DateTimeOffset(year + 1, 1, 1, 0, 0, 0, TimeSpan.Zero);
        for (var instant = zone.Observances[0].Onset; instant < end; instant = instant.AddMinutes(30))
        {
            Assert.Equal(TimeZoneInfo.ConvertTime(instant, info).DateTime, zone.ToLocal(instant));
        }
    }

    [Fact]
    public void ToLocal_rejects_instant_before_range()
    {
        var zone = IcsTimeZone.For(TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin"), 2026, 2026);

        Assert.Throws<ArgumentOutOfRangeException>(() => zone.ToLocal(new DateTimeOffset(2025, 12, 31, 22, 0, 0, TimeSpan.Zero)));
    }

    [Theory]
    [InlineData(2, 0, 0, "+0200")]
    [InlineData(-5, 0, 0, "-0500")]
    [InlineData(5, 30, 0, "+0530")]
    [InlineData(0, 0, 0, "+0000")]
    [InlineData(-3, -30, 0, "-0330")]
    [InlineData(0, 53, 28, "+005328")]
    public void FormatOffset_writes_rfc5545_offset(int hours, int minutes, int seconds, string expected)
    {
        Assert.Equal(expected, IcsTimeZone.FormatOffset(new TimeSpan(hours, minutes, seconds)));
    }

    [Fact]
    public void Ical_net_reads_our_vtimezone()
    {
        var zone = IcsTimeZone.For(TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin"), 2026, 2026);
        var start = new DateTimeOffset(2026, 7, 1, 8, 0, 0, TimeSpan.Zero);
        var calendarEvent = new IcsEvent("talk-1@example.org", start, start, start.AddHours(1), 0, "Summer talk");
        var ics = IcsWriter.Write(new IcsCalendar("-//ConferenceApp//Tests//EN", [calendarEvent]) { TimeZone = zone });

        // A VTIMEZONE that puts summer at UTC+5 must move the event, unless the resolver ignores it.
        var tampered = ics.Replace("TZOFFSETTO:+0200", "TZOFFSETTO:+0500", StringComparison.Ordinal);

        Assert.Contains("DTSTART;TZID=Europe/Berlin:20260701T100000", IcsReader.ReadChecked(ics));
        Assert.Equal(start.UtcDateTime, IcalNetReader.TimesFromVTimeZone(ics)["talk-1@example.org"].Start);
        Assert.Equal(start.UtcDateTime.AddHours(-3), IcalNetReader.TimesFromVTimeZone(tampered)["talk-1@example.org"].Start);
        Assert.Equal(start.UtcDateTime, IcalNetReader.TimesFromTzdb(tampered)["talk-1@example.org"].Start);
    }

    private static string Describe(IcsObservance observance) =>
        $"{IcsWriter.FormatLocal(observance.LocalStart)} {IcsTimeZone.FormatOffset(observance.OffsetFrom)} {IcsTimeZone.FormatOffset(observance.OffsetTo)} {(observance.IsDaylight ? "DAYLIGHT" : "STANDARD")}";
}
