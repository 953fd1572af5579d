using ConferenceApp.Domain;

namespace ConferenceApp.Tests.Domain;

public sealed class ConferenceDetailsTests
{
    [Fact]
    public void Validate_accepts_valid_details()
    {
        Assert.Empty(TestData.Details().Validate());
    }

    [Fact]
    public void Validate_rejects_unknown_time_zone()
    {
        var errors = TestData.Details(timeZoneId: "Mars/Olympus_Mons").Validate();

        var error = Assert.Single(errors);
        Assert.Equal(nameof(ConferenceDetails.TimeZoneId), error.Field);
        Assert.Contains("Mars/Olympus_Mons", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_rejects_missing_time_zone()
    {
        var errors = (TestData.Details() with { TimeZoneId = null }).Validate();

        Assert.Equal(nameof(ConferenceDetails.TimeZoneId), Assert.Single(errors).Field);
    }

    [Fact]
    public void Validate_rejects_end_before_start()
    {
        var errors = TestData.Details(start: new DateOnly(2026, 6, 10), end: new DateOnly(2026, 6, 9)).Validate();

        Assert.Equal(nameof(ConferenceDetails.EndDate), Assert.Single(errors).Field);
    }

    [Fact]
    public void Validate_accepts_one_day_conference()
    {
        Assert.Empty(TestData.Details(start: new DateOnly(2026, 6, 10), end: new DateOnly(2026, 6, 10)).Validate());
    }

    [Fact]
    public void Validate_accepts_maximum_length()
    {
        var start = new DateOnly(2026, 7, 1);

        Assert.Empty(TestData.Details(start: start, end: start.AddDays(Conference.MaxDays - 1)).Validate());
    }

    [Fact]
    public void Validate_rejects_one_day_too_long()
    {
        var start = new DateOnly(2026, 7, 1);

        var errors = TestData.Details(start: start, end: start.AddDays(Conference.MaxDays)).Validate();

        Assert.Equal(nameof(ConferenceDetails.EndDate), Assert.Single(errors).Field);
    }

    [Fact]
    public void Validate_rejects_too_long_name()
    {
        var errors = TestData.Details(name: new string('n', Text.NameMaxLength + 1)).Validate();

        Assert.Equal(nameof(ConferenceDetails.Name), Assert.Single(errors).Field);
    }

    [Fact]
    public void Validate_rejects_invalid_slug()
    {
        var errors = (TestData.Details() with { Slug = "Data Days" }).Validate();

        Assert.Equal(nameof(ConferenceDetails.Slug), Assert.Single(errors).Field);
    }

    [Fact]
    public void Create_throws_on_unknown_zone()
    {
        var exception = Assert.Throws<DomainValidationException>(() => TestData.NewConference(timeZoneId: "Europe/Atlantis"));

        Assert.Equal(nameof(ConferenceDetails.TimeZoneId), Assert.Single(exception.Errors).Field);
    }

    [Fact]
    public void Create_trims_typed_values()
    {
        var conference = Conference.Create(TestData.Details() with { Name = "  WiDS TLV 2023 ", TimeZoneId = " Asia/Jerusalem " });

        Assert.Equal("WiDS TLV 2023", conference.Name);
        Assert.Equal("Asia/Jerusalem", conference.TimeZoneId);
    }
}
