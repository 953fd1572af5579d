using ConferenceApp.Domain;

namespace ConferenceApp.Tests.Domain;

public sealed class SessionTests(SavedRowsFixture rows) : IClassFixture<SavedRowsFixture>
{
    private Session NewDemoSession() => Session.Create(rows.Demo.Id, "Lightning talks", SessionKind.TalkBlock, null);

    [Fact]
    public void PlaceIn_sets_slot_and_room()
    {
        var session = NewDemoSession();

        session.PlaceIn(rows.DemoSlot, rows.DemoRoom);

        Assert.Equal(rows.DemoSlot.Id, session.TimeSlotId);
        Assert.Equal(rows.DemoRoom.Id, session.RoomId);
    }

    [Fact]
    public void PlaceIn_null_room_spans_all_rooms()
    {
        var session = NewDemoSession();
        session.PlaceIn(rows.DemoSlot, rows.DemoRoom);

        session.PlaceIn(rows.DemoSlot, null);

        Assert.Null(session.RoomId);
    }

    [Fact]
    public void PlaceIn_rejects_other_conference_slot()
    {
        var session = NewDemoSession();

        var exception = Assert.Throws<DomainValidationException>(() => session.PlaceIn(rows.OtherSlot, rows.DemoRoom));

        Assert.Equal(nameof(Session.TimeSlotId), Assert.Single(exception.Errors).Field);
    }

    [Fact]
    public void PlaceIn_rejects_other_conference_room()
    {
        var session = NewDemoSession();

        var exception = Assert.Throws<DomainValidationException>(() => session.PlaceIn(rows.DemoSlot, rows.OtherRoom));

        Assert.Equal(nameof(Session.RoomId), Assert.Single(exception.Errors).Field);
    }

    [Fact]
    public void Rejected_placement_changes_nothing()
    {
        var session = NewDemoSession();
        session.PlaceIn(rows.DemoSlot, rows.DemoRoom);

        Assert.Throws<DomainValidationException>(() => session.PlaceIn(rows.OtherSlot, rows.OtherRoom));

        Assert.Equal(rows.DemoSlot.Id, session.TimeSlotId);
        Assert.Equal(rows.DemoRoom.Id, session.RoomId);
    }

    [Fact]
    public void DisplayTitle_prefers_own_title()
    {
        Assert.Equal("Lightning talks", Session.DisplayTitle("Lightning talks", SessionKind.TalkBlock, ["Knowledge is a Region"]));
    }

    [Fact]
    public void DisplayTitle_uses_single_talk_title()
    {
        Assert.Equal("It’s Not Just the Doctor’s Handwriting", Session.DisplayTitle(null, SessionKind.Talk, ["It’s Not Just the Doctor’s Handwriting"]));
    }

    [Fact]
    public void DisplayTitle_without_talks_uses_kind()
    {
        Assert.Equal("Poster session", Session.DisplayTitle(null, SessionKind.Poster, []));
    }

    [Fact]
    public void DisplayTitle_several_talks_uses_kind()
    {
        Assert.Equal("Talk block", Session.DisplayTitle(null, SessionKind.TalkBlock, ["First", "Second"]));
    }

    [Fact]
    public void Create_trims_and_keeps_typography()
    {
        var session = Session.Create(rows.Demo.Id, "  “Lightning talks” – round 2… ", SessionKind.TalkBlock, null);

        Assert.Equal("“Lightning talks” – round 2…", session.Title);
    }

    [Fact]
    public void Create_rejects_unknown_kind()
    {
        var exception = Assert.Throws<DomainValidationException>(() => Session.Create(rows.Demo.Id, null, (SessionKind)99, null));

        Assert.Equal(nameof(Session.Kind), Assert.Single(exception.Errors).Field);
    }

    [Fact]
    public void SetTrackAndLanguage_cleans_and_normalizes()
    {
        var session = NewDemoSession();

        session.SetTrackAndLanguage("  Security\u202E ", "de_ch");

        Assert.Equal("Security", session.Track);
        Assert.Equal("de-CH", session.Language);
    }

    [Fact]
    public void SetTrackAndLanguage_blank_clears_both()
    {
        var session = NewDemoSession();
        session.SetTrackAndLanguage("Security", "en");

        session.SetTrackAndLanguage(" ", "");

        Assert.Null(session.Track);
        Assert.Null(session.Language);
    }

    [Fact]
    public void SetTrackAndLanguage_rejects_invalid_language()
    {
        var session = NewDemoSession();
        session.SetTrackAndLanguage("Security", "en");

        var exception = Assert.Throws<DomainValidationException>(() => session.SetTrackAndLanguage("Web", "English"));

        var error = Assert.Single(exception.Errors);
        Assert.Equal(nameof(Session.Language), error.Field);
        Assert.Contains("\"English\"", error.Message, StringComparison.Ordinal);
        Assert.Equal("Security", session.Track);
        Assert.Equal("en", session.Language);
    }

    [Fact]
    public void SetTrackAndLanguage_rejects_long_values()
    {
        var session = NewDemoSession();

        var exception = Assert.Throws<DomainValidationException>(
            () => session.SetTrackAndLanguage(new string('t', Text.NameMaxLength + 1), new string('e', 40)));

        Assert.Equal([nameof(Session.Track), nameof(Session.Language)], exception.Errors.Select(e => e.Field));
    }
}
