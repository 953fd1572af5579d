using ConferenceApp.Domain;
using static ConferenceApp.Tests.Domain.TestData;

namespace ConferenceApp.Tests.Domain;

public sealed class TimeSlotTests
{
    // Berlin moves its clocks from 02:00 to 03:00 on 29 March 2026 and from 03:00 back to 02:00 on 25 October 2026.
    private static readonly Conference SpringChange = NewConference("Europe/Berlin", new DateOnly(2026, 3, 28), new DateOnly(2026, 3, 29));
    private static readonly Conference AutumnChange = NewConference("Europe/Berlin", new DateOnly(2026, 10, 24), new DateOnly(2026, 10, 25));

    [Fact]
    public void Create_keeps_local_times()
    {
        var slot = TimeSlot.Create(SpringChange, Local(2026, 3, 28, 9, 30), Local(2026, 3, 28, 10, 15));

        Assert.Equal(Local(2026, 3, 28, 9, 30), slot.Start);
        Assert.Equal(Local(2026, 3, 28, 10, 15), slot.End);
    }

    [Fact]
    public void Create_truncates_to_whole_minutes()
    {
        var slot = TimeSlot.Create(SpringChange, Local(2026, 3, 28, 9, 30).AddSeconds(42), Local(2026, 3, 28, 10, 0).AddSeconds(5));

        Assert.Equal(Local(2026, 3, 28, 9, 30), slot.Start);
        Assert.Equal(Local(2026, 3, 28, 10, 0), slot.End);
    }

    [Fact]
    public void Create_stores_unspecified_kind()
    {
        var start = new DateTime(2026, 3, 28, 9, 0, 0, DateTimeKind.Utc);

        var slot = TimeSlot.Create(SpringChange, start, start.AddHours(1));

        Assert.Equal(DateTimeKind.Unspecified, slot.Start.Kind);
    }

    [Fact]
    public void Create_rejects_end_equal_start()
    {
        var exception = Assert.Throws<DomainValidationException>(
            () => TimeSlot.Create(SpringChange, Local(2026, 3, 28, 9, 0), Local(2026, 3, 28, 9, 0)));

        Assert.Equal(nameof(TimeSlot.End), Assert.Single(exception.Errors).Field);
    }

    [Fact]
    public void Create_rejects_end_before_start()
    {
        var exception = Assert.Throws<DomainValidationException>(
            () => TimeSlot.Create(SpringChange, Local(2026, 3, 28, 10, 0), Local(2026, 3, 28, 9, 0)));

        Assert.Equal(nameof(TimeSlot.End), Assert.Single(exception.Errors).Field);
    }

    [Fact]
    public void Create_rejects_more_than_a_day()
    {
        var exception = Assert.Throws<DomainValidationException>(
            () => TimeSlot.Create(SpringChange, Local(2026, 3, 28, 9, 0), Local(2026, 3, 29, 9, 1)));

        Assert.Equal(nameof(TimeSlot.End), Assert.Single(exception.Errors).Field);
    }

    [Fact]
    public void Create_rejects_start_before_first_day()
    {
        var exception = Assert.Throws<DomainValidationException>(
            () => TimeSlot.Create(SpringChange, Local(2026, 3, 27, 23, 0), Local(2026, 3, 28, 1, 0)));

        Assert.Equal(nameof(TimeSlot.Start), Assert.Single(exception.Errors).Field);
    }

    [Fact]
    public void Create_rejects_start_after_last_day()
    {
        var exception = Assert.Throws<DomainValidationException>(
            () => TimeSlot.Create(SpringChange, Local(2026, 3, 30, 9, 0), Local(2026, 3, 30, 10, 0)));

        Assert.Equal(nameof(TimeSlot.Start), Assert.Single(exception.Errors).Field);
    }

    [Fact]
    public void Slot_past_midnight_is_accepted()
    {
        var slot = TimeSlot.Create(AutumnChange, Local(2026, 10, 25, 22, 0), Local(2026, 10, 26, 1, 30));

        Assert.Equal(Local(2026, 10, 26, 1, 30), slot.End);
    }

    [Fact]
    public void Slot_past_midnight_keeps_start_day()
    {
        var slot = TimeSlot.Create(AutumnChange, Local(2026, 10, 24, 23, 0), Local(2026, 10, 25, 0, 30));

        Assert.Equal(new DateOnly(2026, 10, 24), slot.Day);
    }

    [Fact]
    public void Create_rejects_start_skipped_by_DST()
    {
        var exception = Assert.Throws<DomainValidationException>(
            () => TimeSlot.Create(SpringChange, Local(2026, 3, 29, 2, 30), Local(2026, 3, 29, 4, 0)));

        var error = Assert.Single(exception.Errors);
        Assert.Equal(nameof(TimeSlot.Start), error.Field);
        Assert.Contains("2026-03-29 02:30", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_rejects_end_skipped_by_DST()
    {
        var exception = Assert.Throws<DomainValidationException>(
            () => TimeSlot.Create(SpringChange, Local(2026, 3, 29, 1, 0), Local(2026, 3, 29, 2, 15)));

        Assert.Equal(nameof(TimeSlot.End), Assert.Single(exception.Errors).Field);
    }

    [Fact]
    public void Create_accepts_hour_after_gap()
    {
        var slot = TimeSlot.Create(SpringChange, Local(2026, 3, 29, 3, 0), Local(2026, 3, 29, 4, 0));

        Assert.Equal(Local(2026, 3, 29, 3, 0), slot.Start);
    }

    [Fact]
    public void Create_accepts_repeated_autumn_hour()
    {
        var slot = TimeSlot.Create(AutumnChange, Local(2026, 10, 25, 2, 30), Local(2026, 10, 25, 3, 30));

        Assert.Equal(Local(2026, 10, 25, 2, 30), slot.Start);
    }

    [Fact]
    public void Move_that_fails_changes_nothing()
    {
        var slot = TimeSlot.Create(SpringChange, Local(2026, 3, 28, 9, 0), Local(2026, 3, 28, 10, 0));

        Assert.Throws<DomainValidationException>(() => slot.Move(SpringChange, Local(2026, 3, 28, 11, 0), Local(2026, 3, 28, 10, 0)));

        Assert.Equal(Local(2026, 3, 28, 9, 0), slot.Start);
        Assert.Equal(Local(2026, 3, 28, 10, 0), slot.End);
    }
}
