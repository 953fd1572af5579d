using ConferenceApp.Domain;

namespace ConferenceApp.Tests.Domain;

public sealed class ReleaseNamesTests
{
    [Theory]
    [InlineData(null, "1.0")]
    [InlineData("1.0", "1.1")]
    [InlineData("1.2", "1.3")]
    [InlineData("1.9", "1.10")]
    [InlineData("2", "3")]
    [InlineData("v2.0-rc1", "v2.0-rc2")]
    [InlineData("2023.09", "2023.10")]
    [InlineData("1.2 final", "1.3 final")]
    [InlineData("Final", "Final 2")]
    public void Suggest_increases_last_number(string? latest, string expected)
    {
        Assert.Equal(expected, ReleaseNames.Suggest(latest, latest is null ? [] : [latest]));
    }

    [Fact]
    public void Suggest_skips_taken_names()
    {
        Assert.Equal("1.3", ReleaseNames.Suggest("1.1", ["1.0", "1.1", "1.2"]));
    }

    [Fact]
    public void Suggest_skips_taken_name_in_other_casing()
    {
        Assert.Equal("Final 3", ReleaseNames.Suggest("Final", ["Final", "FINAL 2"]));
    }

    [Fact]
    public void Suggest_survives_huge_number()
    {
        Assert.Equal("99999999999999999999 2", ReleaseNames.Suggest("99999999999999999999", ["99999999999999999999"]));
    }

    [Fact]
    public void Validate_requires_name()
    {
        var error = Assert.Single(ReleaseNames.Validate(null, []));
        Assert.Equal(nameof(Release.Name), error.Field);
        Assert.Equal("Version name is required.", error.Message);
    }

    [Fact]
    public void Validate_rejects_long_name()
    {
        var error = Assert.Single(ReleaseNames.Validate(new string('9', Release.NameMaxLength + 1), []));
        Assert.Contains("at most 40 characters", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_accepts_name_of_max_length()
    {
        Assert.Empty(ReleaseNames.Validate(new string('9', Release.NameMaxLength), ["1.0"]));
    }

    [Fact]
    public void Validate_rejects_duplicate_in_any_casing()
    {
        var error = Assert.Single(ReleaseNames.Validate("rc1", ["1.0", "RC1"]));
        Assert.Equal("A release named \"RC1\" already exists; choose another version name.", error.Message);
    }
}
