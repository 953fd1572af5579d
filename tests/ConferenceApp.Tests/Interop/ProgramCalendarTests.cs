using System.Text;
using ConferenceApp.Domain;
using ConferenceApp.Features.Interop.Calendar;
using ConferenceApp.Infrastructure.Calendar;
using ConferenceApp.Tests.Support;

namespace ConferenceApp.Tests.Interop;

/// <summary>
/// The calendars written from a hand-built release: a conference with items on both 2026
/// daylight-saving nights of Europe/Berlin and one that crosses midnight, read back by Ical.Net.
/// </summary>
[Collection(IcalNetResolverGroup.Name)]
public sealed class ProgramCalendarTests
{
    private const string Host = "program.example.org";
    private const string HostileTitle = "Spring; forward, back\\slash\nand שלום עולם 👩‍🔬 with a title long enough to need folding";

    private static readonly Uri SiteUrl = new("https://program.example.org/");
    private static readonly DateTimeOffset PublishedAt = new(2026, 2, 1, 10, 0, 0, TimeSpan.Zero);

    // Slot 1 crosses the night the clocks go forward (02:00 becomes 03:00), slot 2 starts in the
    // hour that occurs twice when they go back, slot 3 crosses midnight.
    private static readonly SnapshotSlot SpringNight = new(1, Local(2026, 3, 29, 1, 30), Local(2026, 3, 29, 3, 30));
    private static readonly SnapshotSlot AutumnNight = new(2, Local(2026, 10, 25, 2, 30), Local(2026, 10, 25, 3, 30));
    private static readonly SnapshotSlot Midnight = new(3, Local(2026, 6, 10, 23, 30), Local(2026, 6, 11, 0, 30));
    private static readonly SnapshotSlot Morning = new(4, Local(2026, 6, 10, 9, 0), Local(2026, 6, 10, 9, 15));

    public static TheoryData<string> Zones => new() { "Europe/Berlin", "UTC", "Asia/Jerusalem", "America/New_York", "Asia/Tokyo" };

    [Theory]
    [MemberData(nameof(Zones))]
    public void Schedule_times_match_clock(string zoneId)
    {
        var ics = Write(zoneId, c => c.Schedule());
        var expected = ExpectedTimes(zoneId);

        var fromVTimeZone = IcalNetReader.TimesFromVTimeZone(ics);
        var fromTzdb = IcalNetReader.TimesFromTzdb(ics);

        Assert.Equal(expected.Keys.Order(), fromVTimeZone.Keys.Order());
        foreach (var (uid, times) in expected)
        {
            Assert.Equal(times, fromVTimeZone[uid]);
            Assert.Equal(times, fromTzdb[uid]);
        }
    }

    [Fact]
    public void Berlin_dst_nights_have_real_lengths()
    {
        var times = IcalNetReader.TimesFromVTimeZone(Write("Europe/Berlin", c => c.Schedule()));

        // 01:30 CET to 03:30 CEST is one hour, and 02:30 CEST (the first 02:30) to 03:30 CET is two.
        Assert.Equal(new UtcTimes(Utc(2026, 3, 29, 0, 30), Utc(2026, 3, 29, 1, 30)), times[$"talk-1@{Host}"]);
        Assert.Equal(new UtcTimes(Utc(2026, 10, 25, 0, 30), Utc(2026, 10, 25, 2, 30)), times[$"session-2@{Host}"]);
        Assert.Equal(new UtcTimes(Utc(2026, 6, 10, 21, 30), Utc(2026, 6, 10, 22, 30)), times[$"session-3@{Host}"]);
    }

    [Fact]
    public void Berlin_vtimezone_lists_2026_changes()
    {
        var lines = IcsReader.ReadChecked(Write("Europe/Berlin", c => c.Schedule()));

        var standard = IcsReader.Components(lines, "STANDARD");
        var daylight = Assert.Single(IcsReader.Components(lines, "DAYLIGHT"));
        Assert.Equal(2, standard.Count);
        Assert.Equal(["DTSTART:20260101T000000", "TZOFFSETFROM:+0100", "TZOFFSETTO:+0100"], standard[0]);
        Assert.Equal(["DTSTART:20260329T020000", "TZOFFSETFROM:+0100", "TZOFFSETTO:+0200"], daylight);
        Assert.Equal(["DTSTART:20261025T030000", "TZOFFSETFROM:+0200", "TZOFFSETTO:+0100"], standard[1]);
        Assert.Equal("Europe/Berlin", IcsReader.Value(lines, "X-WR-TIMEZONE"));
        Assert.Equal("Data Days 2026", IcsReader.Value(lines, "X-WR-CALNAME"));
        Assert.Contains($"DTSTART;TZID=Europe/Berlin:20261025T023000", lines);
    }

    [Fact]
    public void Schedule_has_one_event_per_item()
    {
        var lines = IcsReader.ReadChecked(Write("Europe/Berlin", c => c.Schedule()));

        var uids = IcsReader.Components(lines, "VEVENT").Select(e => IcsReader.Value(e, "UID")).ToList();

        // Untitled session 1 with one talk is written as talk 1.
        // Block 3 is written once itself and once per talk.
        Assert.Equal([$"talk-1@{Host}", $"session-4@{Host}", $"session-3@{Host}", $"talk-2@{Host}", $"talk-3@{Host}", $"session-2@{Host}"], uids);
        Assert.Equal(uids.Count, uids.Distinct().Count());
    }

    [Fact]
    public void Event_properties_describe_item()
    {
        var events = IcsReader.Components(IcsReader.ReadChecked(Write("Europe/Berlin", c => c.Schedule())), "VEVENT");

        var talk = events.Single(e => IcsReader.Value(e, "UID") == $"talk-1@{Host}");
        Assert.Equal(HostileTitle, IcsReader.UnescapeText(IcsReader.Value(talk, "SUMMARY")!));
        Assert.Equal(
            "Why clocks change; and why, in the end, they should not.\n\nSpeakers: Ada Lovelace, דנה כהן\nhttps://program.example.org/data-days-2026/talks/spring-forward",
            IcsReader.UnescapeText(IcsReader.Value(talk, "DESCRIPTION")!));
        Assert.Equal("Hall A, Messe Berlin; Hall 7", IcsReader.UnescapeText(IcsReader.Value(talk, "LOCATION")!));
        Assert.Equal("https://program.example.org/data-days-2026/talks/spring-forward", IcsReader.Value(talk, "URL"));
        Assert.Equal("Talk", IcsReader.Value(talk, "CATEGORIES"));
        Assert.Equal("20260201T100000Z", IcsReader.Value(talk, "DTSTAMP"));
        Assert.Equal(IcsEventIdentity.Sequence(PublishedAt).ToString(System.Globalization.CultureInfo.InvariantCulture), IcsReader.Value(talk, "SEQUENCE"));

        var pause = events.Single(e => IcsReader.Value(e, "UID") == $"session-2@{Host}");
        Assert.Equal("Night break", IcsReader.Value(pause, "SUMMARY"));
        Assert.Equal(@"All rooms\, Messe Berlin\; Hall 7", IcsReader.Value(pause, "LOCATION"));
        Assert.Equal("https://program.example.org/data-days-2026/program#session-2", IcsReader.Value(pause, "URL"));
        Assert.Equal("Break", IcsReader.Value(pause, "CATEGORIES"));

        var block = events.Single(e => IcsReader.Value(e, "UID") == $"session-3@{Host}");
        Assert.Equal("Talk block", IcsReader.Value(block, "CATEGORIES"));
        Assert.Equal(
            "Two short talks.\n\nTalks:\n- Graphs (Ada Lovelace)\n- Trees, briefly\nhttps://program.example.org/data-days-2026/program#session-3",
            IcsReader.UnescapeText(IcsReader.Value(block, "DESCRIPTION")!));

        var blockTalk = events.Single(e => IcsReader.Value(e, "UID") == $"talk-3@{Host}");
        Assert.Contains("Part of: Midnight talks", IcsReader.UnescapeText(IcsReader.Value(blockTalk, "DESCRIPTION")!), StringComparison.Ordinal);
    }

    [Fact]
    public void Text_values_are_escaped()
    {
        var lines = IcsReader.ReadChecked(Write("Europe/Berlin", c => c.Schedule()));

        var talk = IcsReader.Components(lines, "VEVENT").Single(e => IcsReader.Value(e, "UID") == $"talk-1@{Host}");
        var summary = IcsReader.Value(talk, "SUMMARY")!;
        Assert.StartsWith(@"Spring\; forward\, back\\slash\nand שלום", summary, StringComparison.Ordinal);
        Assert.Contains(@"Messe Berlin\; Hall 7", IcsReader.Value(talk, "LOCATION"), StringComparison.Ordinal);
        Assert.Contains(@"clocks change\; and why\, in the end\,", IcsReader.Value(talk, "DESCRIPTION"), StringComparison.Ordinal);
        Assert.Equal(HostileTitle, Assert.Single(IcalNetReader.Load(Write("Europe/Berlin", c => c.Talk("spring-forward")!)).Events).Summary);
    }

    [Fact]
    public void Lines_fold_on_character_boundaries()
    {
        var bytes = Encoding.UTF8.GetBytes(Write("Europe/Berlin", c => c.Schedule()));
        var strict = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

        var start = 0;
        for (var index = 0; index + 1 < bytes.Length; index++)
        {
            if (bytes[index] != '\r')
            {
                continue;
            }

            Assert.Equal((byte)'\n', bytes[index + 1]);
            var line = bytes.AsSpan(start, index - start);
            Assert.True(line.Length <= IcsWriter.MaxLineOctets, $"A line is {line.Length} octets long.");

            // Throws when a line ends or starts inside a UTF-8 sequence.
            var text = strict.GetString(line);
            Assert.False(text.Length > 0 && char.IsHighSurrogate(text[^1]), "A line ends inside a surrogate pair.");
            start = index + 2;
        }

        Assert.Equal(bytes.Length, start);
        for (var index = 0; index < bytes.Length; index++)
        {
            Assert.True(bytes[index] != '\n' || (index > 0 && bytes[index - 1] == '\r'), $"The LF at octet {index} has no CR before it.");
        }
    }

    [Fact]
    public void Talk_calendar_has_its_event()
    {
        var calendar = Calendar().Talk("graphs")!;

        var only = Assert.Single(calendar.Events);
        Assert.Equal($"talk-2@{Host}", only.Uid);
        Assert.Equal("Graphs · Data Days 2026", calendar.Name);
        Assert.Null(Calendar().Talk("no-such-talk"));
        Assert.Empty(Calendar().Talk("not-scheduled")!.Events);
    }

    [Fact]
    public void Speaker_calendar_has_talks_and_led_sessions()
    {
        var ada = Calendar().Speaker("ada-lovelace")!;
        var dana = Calendar().Speaker("dana-cohen")!;

        Assert.Equal([$"talk-1@{Host}", $"session-4@{Host}", $"talk-2@{Host}"], ada.Events.Select(e => e.Uid));
        Assert.Equal([$"talk-1@{Host}"], dana.Events.Select(e => e.Uid));
        Assert.Equal("Ada Lovelace · Data Days 2026", ada.Name);
        Assert.Empty(Calendar().Speaker("grace-hopper")!.Events);
        Assert.Null(Calendar().Speaker("no-such-speaker"));
    }

    [Fact]
    public void Speaker_calendar_reads_in_ical_net()
    {
        var ics = Write("Europe/Berlin", c => c.Speaker("ada-lovelace")!);

        var times = IcalNetReader.TimesFromVTimeZone(ics);

        var expected = ExpectedTimes("Europe/Berlin");
        Assert.Equal(3, times.Count);
        Assert.All(times, pair => Assert.Equal(expected[pair.Key], pair.Value));
    }

    private static string Write(string zoneId, Func<ProgramCalendar, IcsCalendar> select) =>
        IcsWriter.Write(select(Calendar(zoneId)));

    private static ProgramCalendar Calendar(string zoneId = "Europe/Berlin") =>
        new(new CalendarRelease("data-days-2026", Snapshot(zoneId), PublishedAt), SiteUrl, Host);

    /// <summary>Returns each event's start and end as <see cref="ConferenceClock"/> computes them, by UID.</summary>
    private static Dictionary<string, UtcTimes> ExpectedTimes(string zoneId)
    {
        var clock = new ConferenceClock(zoneId);
        UtcTimes Of(SnapshotSlot slot) => new(clock.ToInstantForDisplay(slot.Start).UtcDateTime, clock.ToInstantForDisplay(slot.End).UtcDateTime);

        return new Dictionary<string, UtcTimes>
        {
            [$"talk-1@{Host}"] = Of(SpringNight),
            [$"session-2@{Host}"] = Of(AutumnNight),
            [$"session-3@{Host}"] = Of(Midnight),
            [$"talk-2@{Host}"] = Of(Midnight),
            [$"talk-3@{Host}"] = Of(Midnight),
            [$"session-4@{Host}"] = Of(Morning),
        };
    }

    private static ProgramSnapshot Snapshot(string zoneId) => new(
        new SnapshotConference("Data Days 2026", "Messe Berlin; Hall 7", zoneId, new DateOnly(2026, 3, 28), new DateOnly(2026, 10, 25), null),
        [new SnapshotRoom(1, "Hall A", 0), new SnapshotRoom(2, "Hall B", 1)],
        [SpringNight, AutumnNight, Midnight, Morning],
        [
            new SnapshotSession(1, null, SessionKind.Talk, null, SpringNight.Id, 1, null, []),
            new SnapshotSession(2, "Night break", SessionKind.Break, null, AutumnNight.Id, null, null, []),
            new SnapshotSession(3, "Midnight talks", SessionKind.TalkBlock, "Two short talks.", Midnight.Id, 2, null, []),
            new SnapshotSession(4, "Opening", SessionKind.Opening, null, Morning.Id, 1, null, [new SnapshotPerson(1, "host")]),
            new SnapshotSession(5, "Unplaced", SessionKind.Panel, null, null, null, null, [new SnapshotPerson(1, null)]),
        ],
        [
            new SnapshotTalk(1, "spring-forward", HostileTitle, "Why clocks change; and why, in the end, they should not.", 1, 0, null,
                [new SnapshotPerson(1, null), new SnapshotPerson(2, null)]),
            new SnapshotTalk(2, "graphs", "Graphs", null, 3, 0, null, [new SnapshotPerson(1, null)]),
            new SnapshotTalk(3, "trees", "Trees, briefly", null, 3, 1, null, []),
            new SnapshotTalk(4, "not-scheduled", "Not scheduled", null, null, 0, null, [new SnapshotPerson(1, null)]),
        ],
        [new SnapshotSpeaker(1, "ada-lovelace", "Ada Lovelace"), new SnapshotSpeaker(2, "dana-cohen", "דנה כהן"), new SnapshotSpeaker(3, "grace-hopper", "Grace Hopper")]);

    private static DateTime Local(int year, int month, int day, int hour, int minute) =>
        new(year, month, day, hour, minute, 0, DateTimeKind.Unspecified);

    private static DateTime Utc(int year, int month, int day, int hour, int minute) =>
        new(year, month, day, hour, minute, 0, DateTimeKind.Utc);
}
