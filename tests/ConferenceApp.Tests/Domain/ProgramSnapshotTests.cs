using ConferenceApp.Domain;

namespace ConferenceApp.Tests.Domain;

public sealed class ProgramSnapshotTests
{
    private static readonly DateTime Nine = new(2024, 5, 1, 9, 0, 0);

    private static ProgramSnapshot Snapshot(IReadOnlyList<SnapshotSession> sessions, IReadOnlyList<SnapshotTalk> talks) => new(
        new SnapshotConference("Conf", "Hall", "Europe/Berlin", new DateOnly(2024, 5, 1), new DateOnly(2024, 5, 1), null),
        [new SnapshotRoom(1, "Room A", 0)],
        [new SnapshotSlot(10, Nine, Nine.AddHours(1)), new SnapshotSlot(11, Nine.AddHours(1), Nine.AddHours(2))],
        sessions,
        talks,
        [new SnapshotSpeaker(100, "ada", "Ada"), new SnapshotSpeaker(101, "grace", "Grace")]);

    private static SnapshotSession Session(int id, string? title, SessionKind kind, int? slotId, int? roomId, params SnapshotPerson[] people) =>
        new(id, title, kind, null, slotId, roomId, null, people);

    private static SnapshotTalk Talk(int id, string title, int? sessionId, int position, params int[] speakerIds) =>
        new(id, title.ToLowerInvariant().Replace(' ', '-'), title, null, sessionId, position, null, [.. speakerIds.Select(s => new SnapshotPerson(s, null))]);

    [Fact]
    public void Single_untitled_talk_is_only_talk()
    {
        var snapshot = Snapshot([Session(1, null, SessionKind.Talk, 10, 1)], [Talk(5, "Graphs", 1, 0, 100)]);

        var item = Assert.Single(snapshot.ToReleasedItems());

        Assert.Equal("talk:5", item.Key);
        Assert.Equal("Graphs", item.Title);
        Assert.Equal(new ItemPlacement(Nine, Nine.AddHours(1), "Room A"), item.Placement);
        Assert.Equal([100], item.SpeakerIds);
    }

    [Fact]
    public void Block_gives_session_and_each_talk()
    {
        var snapshot = Snapshot(
            [Session(1, "Lightning talks", SessionKind.TalkBlock, 10, 1, new SnapshotPerson(101, "Host"))],
            [Talk(6, "Second", 1, 1, 101), Talk(5, "First", 1, 0, 100)]);

        var items = snapshot.ToReleasedItems();

        Assert.Equal(["session:1", "talk:5", "talk:6"], items.Select(i => i.Key));
        Assert.Equal("Lightning talks", items[0].Title);
        Assert.Equal([101], items[0].SpeakerIds);
        Assert.All(items, i => Assert.Equal(new ItemPlacement(Nine, Nine.AddHours(1), "Room A"), i.Placement));
    }

    [Fact]
    public void Titled_session_with_one_talk_gives_both()
    {
        var snapshot = Snapshot([Session(1, "Keynote", SessionKind.Keynote, 10, null)], [Talk(5, "Graphs", 1, 0, 100)]);

        var items = snapshot.ToReleasedItems();

        Assert.Equal(["session:1", "talk:5"], items.Select(i => i.Key));
        Assert.Null(items[0].Placement!.RoomName);
    }

    [Fact]
    public void Untitled_session_without_talks_uses_kind_label()
    {
        var snapshot = Snapshot([Session(1, null, SessionKind.Break, 11, null)], []);

        var item = Assert.Single(snapshot.ToReleasedItems());

        Assert.Equal("session:1", item.Key);
        Assert.Equal(SessionKind.Break.Label(), item.Title);
        Assert.Equal(Nine.AddHours(1), item.Placement!.Start);
    }

    [Fact]
    public void Unscheduled_items_are_left_out()
    {
        var snapshot = Snapshot(
            [Session(1, "Off the grid", SessionKind.TalkBlock, null, 1)],
            [Talk(5, "In unplaced block", 1, 0, 100), Talk(6, "No session", null, 0, 101)]);

        Assert.Empty(snapshot.ToReleasedItems());
    }

    [Fact]
    public void Json_round_trip_keeps_everything()
    {
        var snapshot = Snapshot(
            [Session(1, "“Lightning” talks", SessionKind.TalkBlock, 10, 1, new SnapshotPerson(101, "Host"))],
            [Talk(5, "First <b>", 1, 0, 100)]);

        var copy = ProgramSnapshot.FromJson(snapshot.ToJson());

        Assert.Equal(snapshot.Conference, copy.Conference);
        Assert.Equal(snapshot.Slots, copy.Slots);
        Assert.Equal(snapshot.Rooms, copy.Rooms);
        Assert.Equal(snapshot.Speakers, copy.Speakers);
        Assert.Equal(snapshot.Sessions[0] with { People = [] }, copy.Sessions[0] with { People = [] });
        Assert.Equal(snapshot.Sessions[0].People, copy.Sessions[0].People);
        Assert.Equal(snapshot.ToReleasedItems().Select(i => (i.Key, i.Title, i.Placement)), copy.ToReleasedItems().Select(i => (i.Key, i.Title, i.Placement)));
        Assert.Contains("\"TalkBlock\"", snapshot.ToJson(), StringComparison.Ordinal);
    }

    [Fact]
    public void Json_without_track_reads_null()
    {
        var snapshot = Snapshot([Session(1, "Opening", SessionKind.Opening, 10, null)], []);
        var json = snapshot.ToJson().Replace(",\"Track\":null,\"Language\":null", "", StringComparison.Ordinal);
        Assert.DoesNotContain("Track", json, StringComparison.Ordinal);

        var copy = ProgramSnapshot.FromJson(json);

        Assert.Null(copy.Sessions[0].Track);
        Assert.Null(copy.Sessions[0].Language);
    }

    [Fact]
    public void Json_keeps_track_and_language()
    {
        var snapshot = Snapshot([Session(1, "Opening", SessionKind.Opening, 10, null) with { Track = "Security", Language = "he" }], []);

        var copy = ProgramSnapshot.FromJson(snapshot.ToJson());

        Assert.Equal("Security", copy.Sessions[0].Track);
        Assert.Equal("he", copy.Sessions[0].Language);
    }
}
