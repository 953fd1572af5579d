using ConferenceApp.Domain;
using ConferenceApp.Features.Interop.Api;
using ConferenceApp.Features.Program;

namespace ConferenceApp.Tests.Interop;

/// <summary>Builds API items from a snapshot in memory, with no database.</summary>
public sealed class ApiProgramTests
{
    private static readonly ApiLinks Links = new("https://example.org/");

    // Berlin moves its clocks from 02:00 to 03:00 on 31 March 2024.
    private static readonly ProgramSnapshot Snapshot = new(
        new SnapshotConference("Conf", null, "Europe/Berlin", new DateOnly(2024, 3, 30), new DateOnly(2024, 3, 31), null),
        [new SnapshotRoom(1, "Hall B", 2), new SnapshotRoom(2, "Hall A", 1)],
        [
            new SnapshotSlot(10, new DateTime(2024, 3, 31, 1, 30, 0), new DateTime(2024, 3, 31, 3, 30, 0)),
            new SnapshotSlot(11, new DateTime(2024, 3, 30, 23, 0, 0), new DateTime(2024, 3, 31, 0, 30, 0)),
        ],
        [
            new SnapshotSession(100, null, SessionKind.Talk, null, 10, 1, null, []),
            new SnapshotSession(101, "Night walk", SessionKind.Reception, null, 11, null, null, [new SnapshotPerson(1, "Guide")]),
            new SnapshotSession(102, "Unscheduled", SessionKind.Talk, null, null, null, null, []),
        ],
        [
            new SnapshotTalk(1000, "night-talk", "Night talk", null, 100, 0, null, [new SnapshotPerson(1, null)]),
            new SnapshotTalk(1001, "loose-talk", "Loose talk", null, 102, 0, null, [new SnapshotPerson(2, null)]),
        ],
        [new SnapshotSpeaker(1, "ada", "Ada"), new SnapshotSpeaker(2, "grace", "Grace")]);

    private readonly ApiProgram _program = new("conf", Snapshot, Links);

    [Fact]
    public void Times_across_clock_change()
    {
        var session = _program.Session(100)!;

        Assert.Equal("2024-03-31T01:30:00+01:00", session.Start.Instant.ToString("yyyy-MM-ddTHH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("2024-03-31T03:30:00+02:00", session.End.Instant.ToString("yyyy-MM-ddTHH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(TimeSpan.FromHours(1), session.End.Instant - session.Start.Instant);
        Assert.Equal(new DateTime(2024, 3, 31, 3, 30, 0), session.End.Local);
        Assert.Equal("Europe/Berlin", session.End.TimeZone);
    }

    [Fact]
    public void Midnight_session_keeps_start_day()
    {
        var session = _program.Session(101)!;

        Assert.Equal(new DateTime(2024, 3, 30, 23, 0, 0), session.Start.Local);
        Assert.Equal(new DateTime(2024, 3, 31, 0, 30, 0), session.End.Local);
        Assert.True(session.AllRooms);
        Assert.Null(session.Room);
        Assert.Equal("Guide", Assert.Single(session.People).Role);
    }

    [Fact]
    public void Sessions_only_placed_in_start_order()
    {
        var sessions = _program.Sessions();

        Assert.Equal([101, 100], sessions.Select(s => s.Id));
        Assert.Null(_program.Session(102));
    }

    [Fact]
    public void Single_talk_session_takes_title()
    {
        var session = _program.Session(100)!;

        Assert.Equal("Night talk", session.Title);
        Assert.Null(session.OwnTitle);
        Assert.Equal("talk", session.Kind);
        Assert.Equal("Hall B", session.Room?.Name);
        Assert.Equal("https://example.org/conf/talks/night-talk", Assert.Single(session.Talks).Url);
        Assert.Equal("https://example.org/conf/program#session-100", session.Url);
        Assert.Equal("https://example.org/api/conferences/conf/sessions/100", session.ApiUrl);
    }

    [Fact]
    public void Unscheduled_talk_comes_last()
    {
        var talks = _program.Talks();

        Assert.Equal(["night-talk", "loose-talk"], talks.Select(t => t.Slug));
        var loose = talks[1];
        Assert.Null(loose.Session);
        Assert.Null(loose.Start);
        Assert.Null(loose.Room);
        Assert.False(loose.AllRooms);
        Assert.Equal("grace", Assert.Single(loose.Speakers).Slug);
    }

    [Fact]
    public void Rooms_in_set_order()
    {
        Assert.Equal(["Hall A", "Hall B"], _program.Rooms().Select(r => r.Name));
    }

    [Fact]
    public void Speaker_with_profile_and_photo()
    {
        var profile = new LiveProfile(1, "Engineer", "Hi", "0123456789abcdef", new SpeakerLinks(null, null, "https://github.com/ada", null, null));

        var speaker = _program.Speaker(_program.FindSpeaker("ada")!, profile, "<p>Hi</p>");

        Assert.Equal("Engineer", speaker.Headline);
        Assert.Equal("<p>Hi</p>", speaker.BioHtml);
        Assert.Equal(new ProfileLink("GitHub", "https://github.com/ada"), Assert.Single(speaker.Links));
        Assert.Equal("https://example.org/photos/1/0123456789abcdef/96.jpg", speaker.Photos[0].Url);
        Assert.Equal(["night-talk"], speaker.Talks.Select(t => t.Slug));
        Assert.Equal("Guide", Assert.Single(speaker.Sessions).Role);
    }

    [Fact]
    public void Deleted_speaker_has_no_profile()
    {
        var speaker = _program.Speaker(_program.FindSpeaker("grace")!, null, null);

        Assert.Null(speaker.Headline);
        Assert.Null(speaker.Bio);
        Assert.Empty(speaker.Links);
        Assert.Empty(speaker.Photos);
        Assert.Equal(["loose-talk"], speaker.Talks.Select(t => t.Slug));
    }

    [Fact]
    public void Publication_time_uses_zone_offset()
    {
        var time = ApiProgram.TimeOf(new DateTime(2024, 7, 1, 10, 0, 0, 500, DateTimeKind.Utc), "Europe/Berlin");

        Assert.Equal(new DateTimeOffset(2024, 7, 1, 12, 0, 0, TimeSpan.FromHours(2)), time.Instant);
        Assert.Equal(TimeSpan.FromHours(2), time.Instant.Offset);
        Assert.Equal(new DateTime(2024, 7, 1, 12, 0, 0), time.Local);
    }

    [Theory]
    [InlineData("/api/conferences", "/api/conferences")]
    [InlineData("/api/conferences/{conference}/talks", "/api/conferences/conf/talks")]
    [InlineData("/api/conferences/{conference}/talks/{slug}", "/api/conferences/conf/talks/night-talk")]
    [InlineData("/api/conferences/{conference}/speakers/{slug}", "/api/conferences/conf/speakers/ada")]
    [InlineData("/api/conferences/{conference}/sessions/{id}", "/api/conferences/conf/sessions/101")]
    public void Examples_fill_route_values(string path, string expected)
    {
        Assert.Equal(expected, ApiDocsReader.Example(path, new ApiExamples("conf", "night-talk", "ada", 101)));
    }

    [Fact]
    public void Example_missing_without_item()
    {
        Assert.Null(ApiDocsReader.Example("/api/conferences/{conference}/talks/{slug}", new ApiExamples("conf", null, null, null)));
        Assert.Null(ApiDocsReader.Example("/api/conferences", null));
    }
}
