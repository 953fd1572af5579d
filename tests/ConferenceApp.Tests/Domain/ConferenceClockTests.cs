using ConferenceApp.Domain;
using static ConferenceApp.Tests.Domain.TestData;

namespace ConferenceApp.Tests.Domain;

public sealed class ConferenceClockTests
{
    private static readonly ConferenceClock Berlin = new("Europe/Berlin");

    [Fact]
    public void InZone_uses_offset_at_instant()
    {
        // 00:30 UTC on 25 October 2026 is the second 02:30 in Berlin, after the clocks went back.
        var instant = Berlin.InZone(new DateTimeOffset(2026, 10, 25, 1, 30, 0, TimeSpan.Zero));

        Assert.Equal(TimeSpan.FromHours(1), instant.Offset);
        Assert.Equal(new DateTime(2026, 10, 25, 2, 30, 0), instant.DateTime);
    }

    [Fact]
    public void ToInstant_uses_the_zone_offset()
    {
        // Israel Standard Time (+02:00) applies until 24 March 2023.
        var instant = new ConferenceClock("Asia/Jerusalem").ToInstant(Local(2023, 3, 9, 8, 45));

        Assert.Equal(TimeSpan.FromHours(2), instant.Offset);
        Assert.Equal(new DateTime(2023, 3, 9, 6, 45, 0, DateTimeKind.Utc), instant.UtcDateTime);
    }

    [Fact]
    public void ToInstant_ambiguous_hour_picks_first()
    {
        // 02:30 on 25 October 2026 happens twice in Berlin: first at +02:00 (summer time), then at +01:00.
        var instant = Berlin.ToInstant(Local(2026, 10, 25, 2, 30));

        Assert.Equal(TimeSpan.FromHours(2), instant.Offset);
        Assert.Equal(new DateTime(2026, 10, 25, 0, 30, 0, DateTimeKind.Utc), instant.UtcDateTime);
    }

    [Fact]
    public void ToInstant_rejects_skipped_time()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Berlin.ToInstant(Local(2026, 3, 29, 2, 30)));
    }

    [Fact]
    public void Display_instant_reads_skipped_time_with_winter_offset()
    {
        var instant = Berlin.ToInstantForDisplay(Local(2026, 3, 29, 2, 30));

        Assert.Equal(TimeSpan.FromHours(1), instant.Offset);
        Assert.Equal(new DateTime(2026, 3, 29, 1, 30, 0, DateTimeKind.Utc), instant.UtcDateTime);
    }

    [Fact]
    public void Display_instant_matches_ToInstant_elsewhere()
    {
        var local = Local(2026, 10, 25, 2, 30);

        Assert.Equal(Berlin.ToInstant(local), Berlin.ToInstantForDisplay(local));
    }

    [Fact]
    public void IsSkipped_marks_the_spring_gap()
    {
        Assert.True(Berlin.IsSkipped(Local(2026, 3, 29, 2, 30)));
    }

    [Fact]
    public void IsSkipped_accepts_times_around_gap()
    {
        Assert.False(Berlin.IsSkipped(Local(2026, 3, 29, 1, 59)));
        Assert.False(Berlin.IsSkipped(Local(2026, 3, 29, 3, 0)));
    }

    [Fact]
    public void Duration_across_spring_change_is_shorter()
    {
        Assert.Equal(TimeSpan.FromHours(2), Berlin.Duration(Local(2026, 3, 29, 1, 0), Local(2026, 3, 29, 4, 0)));
    }

    [Fact]
    public void Duration_across_autumn_change_is_longer()
    {
        Assert.Equal(TimeSpan.FromHours(4), Berlin.Duration(Local(2026, 10, 25, 1, 0), Local(2026, 10, 25, 4, 0)));
    }

    [Fact]
    public void Duration_without_change_is_difference()
    {
        Assert.Equal(TimeSpan.FromMinutes(80), Berlin.Duration(Local(2026, 6, 10, 11, 0), Local(2026, 6, 10, 12, 20)));
    }

    [Fact]
    public void ToLocal_reverses_ToInstant()
    {
        var local = Local(2026, 10, 25, 1, 45);

        Assert.Equal(local, Berlin.ToLocal(Berlin.ToInstant(local)));
    }

    [Fact]
    public void Constructor_rejects_unknown_zone()
    {
        var exception = Assert.Throws<DomainValidationException>(() => new ConferenceClock("Europe/Atlantis"));

        Assert.Equal(nameof(Conference.TimeZoneId), Assert.Single(exception.Errors).Field);
    }
}
