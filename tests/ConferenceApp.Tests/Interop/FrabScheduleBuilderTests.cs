using ConferenceApp.Domain;
using ConferenceApp.Features.Interop.Frab;

namespace ConferenceApp.Tests.Interop;

public sealed class FrabScheduleBuilderTests
{
    private const int ConferenceId = 7;

    private static readonly DateTimeOffset NineOClock = new(2026, 6, 1, 9, 0, 0, TimeSpan.FromHours(2));

    [Fact]
    public void ShareSlot_splits_evenly_without_lengths()
    {
        var times = FrabScheduleBuilder.ShareSlot(NineOClock, NineOClock.AddMinutes(100), [null, null, null]);

        Assert.Equal([NineOClock, NineOClock.AddMinutes(33), NineOClock.AddMinutes(66)], times.Select(t => t.Start));
        Assert.Equal([33, 33, 34], times.Select(t => (int)t.Duration.TotalMinutes));
    }

    [Fact]
    public void ShareSlot_uses_known_lengths()
    {
        var times = FrabScheduleBuilder.ShareSlot(NineOClock, NineOClock.AddMinutes(90), [20, null, 30, null]);

        Assert.Equal([20, 20, 30, 20], times.Select(t => (int)t.Duration.TotalMinutes));
        Assert.Equal([0, 20, 40, 70], times.Select(t => (int)(t.Start - NineOClock).TotalMinutes));
    }

    [Fact]
    public void ShareSlot_keeps_lengths_that_overrun()
    {
        var times = FrabScheduleBuilder.ShareSlot(NineOClock, NineOClock.AddMinutes(60), [40, 40]);

        Assert.Equal([40, 40], times.Select(t => (int)t.Duration.TotalMinutes));
        Assert.Equal(NineOClock.AddMinutes(40), times[1].Start);
    }

    [Fact]
    public void ShareSlot_splits_evenly_when_lengths_fill_slot()
    {
        var times = FrabScheduleBuilder.ShareSlot(NineOClock, NineOClock.AddMinutes(60), [60, null]);

        Assert.Equal([30, 30], times.Select(t => (int)t.Duration.TotalMinutes));
    }

    [Fact]
    public void Build_puts_midnight_item_on_start_day()
    {
        var snapshot = Snapshot("Europe/Berlin", new DateOnly(2026, 6, 1), new DateOnly(2026, 6, 2),
            slots: [new SnapshotSlot(1, new DateTime(2026, 6, 1, 23, 0, 0), new DateTime(2026, 6, 2, 1, 30, 0))],
            sessions: [Session(10, "Night session", SessionKind.Other, slotId: 1, roomId: 1)]);

        var schedule = Build(snapshot);

        Assert.Equal(2, schedule.Days.Count);
        var item = Assert.Single(schedule.Days[0].Rooms.SelectMany(r => r.Events));
        Assert.Equal(new DateTimeOffset(2026, 6, 1, 23, 0, 0, TimeSpan.FromHours(2)), item.Start);
        Assert.Equal(TimeSpan.FromMinutes(150), item.Duration);
        Assert.Equal("02:30", FrabText.Duration(item.Duration));
        Assert.Equal(item.Start + item.Duration, schedule.Days[0].End);
        Assert.Empty(schedule.Days[1].Rooms.SelectMany(r => r.Events));
    }

    [Fact]
    public void Build_uses_real_length_on_dst_night()
    {
        // Berlin's clocks go back from 03:00 to 02:00 on 25 October 2026, so 01:00 to 04:00 local lasts four hours.
        var snapshot = Snapshot("Europe/Berlin", new DateOnly(2026, 10, 24), new DateOnly(2026, 10, 25),
            slots: [new SnapshotSlot(1, new DateTime(2026, 10, 25, 1, 0, 0), new DateTime(2026, 10, 25, 4, 0, 0))],
            sessions: [Session(10, null, SessionKind.TalkBlock, slotId: 1, roomId: 1)],
            talks: [Talk(100, sessionId: 10, position: 0, minutes: null), Talk(101, sessionId: 10, position: 1, minutes: null)]);

        var schedule = Build(snapshot);

        var events = schedule.Days.Single(d => d.Date == new DateOnly(2026, 10, 25)).Rooms.SelectMany(r => r.Events).ToList();
        Assert.Equal([TimeSpan.FromHours(2), TimeSpan.FromHours(2)], events.Select(e => e.Duration));
        // EqualsExact compares the offsets too, so the second 02:00 must be written with +01:00.
        Assert.True(new DateTimeOffset(2026, 10, 25, 1, 0, 0, TimeSpan.FromHours(2)).EqualsExact(events[0].Start));
        Assert.True(new DateTimeOffset(2026, 10, 25, 2, 0, 0, TimeSpan.FromHours(1)).EqualsExact(events[1].Start));
        Assert.Equal(new TimeOnly(2, 0), events[1].LocalStart);
        Assert.True(new DateTimeOffset(2026, 10, 25, 4, 0, 0, TimeSpan.FromHours(1)).EqualsExact(schedule.Days[1].End));
    }

    [Fact]
    public void Build_gives_talks_and_sessions_distinct_ids()
    {
        // Talks and sessions number their ids separately, so talk 3 and session 3 need different event ids.
        var snapshot = Snapshot("UTC", new DateOnly(2026, 6, 1), new DateOnly(2026, 6, 1),
            slots: [new SnapshotSlot(1, new DateTime(2026, 6, 1, 9, 0, 0), new DateTime(2026, 6, 1, 10, 0, 0))],
            sessions: [Session(3, null, SessionKind.Talk, slotId: 1, roomId: 1), Session(4, "Coffee", SessionKind.Break, slotId: 1, roomId: null)],
            talks: [Talk(3, sessionId: 3, position: 0, minutes: 45)]);

        var events = Build(snapshot).Days.SelectMany(d => d.Rooms).SelectMany(r => r.Events).ToList();

        Assert.Equal([6L, 9L], events.Select(e => e.Id).Order());
        Assert.Equal(FrabScheduleBuilder.TalkGuid(ConferenceId, 3), events.Single(e => e.Id == 6).Uuid);
        Assert.Equal(FrabScheduleBuilder.SessionGuid(ConferenceId, 4), events.Single(e => e.Id == 9).Uuid);
        Assert.Equal(TimeSpan.FromMinutes(45), events.Single(e => e.Id == 6).Duration);
    }

    [Fact]
    public void Build_puts_plenary_items_in_pseudo_room()
    {
        var snapshot = Snapshot("UTC", new DateOnly(2026, 6, 1), new DateOnly(2026, 6, 1),
            slots: [new SnapshotSlot(1, new DateTime(2026, 6, 1, 9, 0, 0), new DateTime(2026, 6, 1, 10, 0, 0))],
            sessions: [Session(4, "Coffee", SessionKind.Break, slotId: 1, roomId: null)],
            rooms: [new SnapshotRoom(1, "All rooms", 0)]);

        var schedule = Build(snapshot);

        Assert.Equal(["All rooms (2)", "All rooms"], schedule.Rooms.Select(r => r.Name));
        var item = Assert.Single(schedule.Days[0].Rooms.Single(r => r.Name == "All rooms (2)").Events);
        Assert.Equal("All rooms (2)", item.Room);
        Assert.Equal("break", item.Type);
    }

    [Fact]
    public void Build_strips_characters_xml_forbids()
    {
        var snapshot = Snapshot("UTC", new DateOnly(2026, 6, 1), new DateOnly(2026, 6, 1),
            slots: [new SnapshotSlot(1, new DateTime(2026, 6, 1, 9, 0, 0), new DateTime(2026, 6, 1, 10, 0, 0))],
            sessions: [Session(10, null, SessionKind.Talk, slotId: 1, roomId: 1)],
            talks: [Talk(100, sessionId: 10, position: 0, minutes: null, title: "Bell\u0007 tab\t form\u000C end\uFFFF lone\uD800 pair\U0001F600 <&]]>")]);

        var item = Build(snapshot).Days[0].Rooms.SelectMany(r => r.Events).Single();

        Assert.Equal("Bell tab\t form end lone pair\U0001F600 <&]]>", item.Title);
    }

    [Fact]
    public void Older_release_reads_lengths_as_unknown()
    {
        var stored = Snapshot("UTC", new DateOnly(2026, 6, 1), new DateOnly(2026, 6, 1),
            slots: [new SnapshotSlot(1, new DateTime(2026, 6, 1, 9, 0, 0), new DateTime(2026, 6, 1, 10, 0, 0))],
            sessions: [Session(10, null, SessionKind.TalkBlock, slotId: 1, roomId: 1)],
            talks: [Talk(100, sessionId: 10, position: 0, minutes: 45)]).ToJson();
        Assert.Contains("\"DurationMinutes\":45", stored, StringComparison.Ordinal);

        // A release published before talks' lengths were frozen has no DurationMinutes property.
        var older = ProgramSnapshot.FromJson(stored.Replace(",\"DurationMinutes\":45", "", StringComparison.Ordinal));

        Assert.Null(Assert.Single(older.Talks).DurationMinutes);
        Assert.Equal(TimeSpan.FromHours(1), Build(older).Days[0].Rooms.SelectMany(r => r.Events).Single().Duration);
    }

    [Fact]
    public void Acronym_replaces_disallowed_characters()
    {
        Assert.Equal("wids-tlv-2023", FrabText.Acronym("wids-tlv-2023"));
        Assert.Equal("my-conf_2", FrabText.Acronym("My.Conf_2"));
        Assert.Equal("conference", FrabText.Acronym(""));
    }

    private static FrabSchedule Build(ProgramSnapshot snapshot) =>
        FrabScheduleBuilder.Build(new FrabExportSource(ConferenceId, "test-conf", "1.0", snapshot, "https://program.example.org"));

    private static ProgramSnapshot Snapshot(string zone, DateOnly start, DateOnly end,
        IReadOnlyList<SnapshotSlot> slots, IReadOnlyList<SnapshotSession> sessions,
        IReadOnlyList<SnapshotTalk>? talks = null, IReadOnlyList<SnapshotRoom>? rooms = null) =>
        new(new SnapshotConference("Test Conf", null, zone, start, end, null),
            rooms ?? [new SnapshotRoom(1, "Hall A", 0)],
            slots,
            sessions,
            talks ?? [],
            [new SnapshotSpeaker(50, "ada", "Ada")]);

    private static SnapshotSession Session(int id, string? title, SessionKind kind, int slotId, int? roomId) =>
        new(id, title, kind, null, slotId, roomId, null, []);

    private static SnapshotTalk Talk(int id, int sessionId, int position, int? minutes, string? title = null) =>
        new(id, $"talk-{id}", title ?? $"Talk {id}", null, sessionId, position, null, [new SnapshotPerson(50, null)], minutes);
}
