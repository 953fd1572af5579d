using ConferenceApp.Domain;

namespace ConferenceApp.Tests.Domain;

public sealed class ReleaseTests
{
    private static readonly ProgramSnapshot Empty = new(
        new SnapshotConference("Conf", null, "Europe/Berlin", new DateOnly(2024, 5, 1), new DateOnly(2024, 5, 1), null), [], [], [], [], []);

    private static ReleaseDetails Details(string? name, int conflicts = 0, bool confirmed = false, string? comment = null) =>
        new(7, name, comment, new DateTime(2024, 4, 1, 12, 0, 0, DateTimeKind.Utc), "organizer@example.org", conflicts, confirmed);

    [Fact]
    public void Create_cleans_name_and_comment()
    {
        var release = Release.Create(Details("  1.2\u202E ", comment: " Moved the keynote.\r\nSee you there. "), [], Empty);

        Assert.Equal("1.2", release.Name);
        Assert.Equal("1.2", release.NormalizedName);
        Assert.Equal("Moved the keynote.\nSee you there.", release.Comment);
        Assert.NotEqual(Guid.Empty, release.Guid);
        Assert.Equal(Empty.ToJson(), release.Snapshot);
    }

    [Fact]
    public void Create_rejects_unconfirmed_conflicts()
    {
        var exception = Assert.Throws<DomainValidationException>(() => Release.Create(Details("1.0", conflicts: 2), [], Empty));

        var error = Assert.Single(exception.Errors);
        Assert.Equal(nameof(Release.ConflictsConfirmed), error.Field);
        Assert.Contains("2 scheduling conflicts", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_records_confirmed_conflicts()
    {
        var release = Release.Create(Details("1.0", conflicts: 2, confirmed: true), [], Empty);

        Assert.Equal(2, release.ConflictCount);
        Assert.True(release.ConflictsConfirmed);
    }

    [Fact]
    public void Confirmation_without_conflicts_is_not_recorded()
    {
        var release = Release.Create(Details("1.0", conflicts: 0, confirmed: true), [], Empty);

        Assert.False(release.ConflictsConfirmed);
    }

    [Fact]
    public void Create_reports_every_broken_rule()
    {
        var exception = Assert.Throws<DomainValidationException>(() => Release.Create(Details("1.0", conflicts: 1), ["1.0"], Empty));

        Assert.Equal([nameof(Release.Name), nameof(Release.ConflictsConfirmed)], exception.Errors.Select(e => e.Field));
    }
}
