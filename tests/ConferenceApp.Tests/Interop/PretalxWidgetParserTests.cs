using System.Text;
using ConferenceApp.Domain;
using ConferenceApp.Features.Interop.Import;

namespace ConferenceApp.Tests.Interop;

public sealed class PretalxWidgetParserTests
{
    private const string Zone = "Europe/Berlin";

    private static ImportedProgram Parse(string text, string zone = Zone) =>
        PretalxWidgetParser.Parse(new MemoryStream(Encoding.UTF8.GetBytes(text)), zone);

    private static ImportedProgram ParseFixture() => Parse(SessionizeParserTests.Fixture("pretalx-widget.json"));

    private static ImportedEvent Talk(ImportedProgram program, string code) => program.Events.First(e => e.SourceKey == $"pretalx:talk:{code}");

    private static string Widget(string talk, string zone = Zone) =>
        $$"""{ "talks": [ { {{talk}} } ], "timezone": "{{zone}}", "rooms": [ { "id": 1, "name": "Hall" } ], "speakers": [] }""";

    [Fact]
    public void Talk_keeps_title_bytes()
    {
        var item = Talk(ParseFixture(), "ABC123");

        Assert.Equal("Ünïcode — “quotes” ✓", item.Title);
        Assert.Equal("Talk ABC123", item.Label);
        Assert.True(item.IsTalk);
        Assert.Equal(SessionKind.Talk, item.Kind);
        Assert.Equal("pretalx:room:11", item.RoomKey);
        Assert.Equal(["pretalx:speaker:SPK1"], item.SpeakerKeys);
        Assert.Equal(new DateTimeOffset(2026, 10, 24, 7, 0, 0, TimeSpan.Zero), item.Start);
        Assert.Equal(TimeSpan.FromMinutes(30), item.Duration);
    }

    [Fact]
    public void Html_abstract_kept_as_text()
    {
        var item = Talk(ParseFixture(), "ABC123");

        Assert.Equal("Some **Markdown** and <img src=x onerror=alert(1)>", item.Abstract);
    }

    [Fact]
    public void Language_dict_without_english()
    {
        var item = Talk(ParseFixture(), "DEF456");

        Assert.Equal("Nur auf Deutsch", item.Title);
        Assert.Equal(SessionKind.Workshop, item.Kind);
    }

    [Fact]
    public void Language_dict_prefers_english()
    {
        var program = ParseFixture();

        Assert.Equal("Through the night", Talk(program, "GHI789").Title);
        Assert.Equal("Saal „Eins“", program.Rooms[0].Name);
    }

    [Fact]
    public void Session_across_midnight()
    {
        var item = Talk(ParseFixture(), "DEF456");

        Assert.Equal(new DateTimeOffset(2026, 10, 24, 23, 30, 0, TimeSpan.FromHours(2)), item.Start);
        Assert.Equal(TimeSpan.FromHours(1), item.Duration);
        Assert.Equal(["pretalx:speaker:SPK1", "pretalx:speaker:SPK2"], item.SpeakerKeys);
    }

    [Fact]
    public void Night_clocks_go_back()
    {
        var item = Talk(ParseFixture(), "GHI789");

        Assert.Equal(TimeSpan.FromHours(3), item.Duration);
        Assert.Equal("pretalx:room:11", item.RoomKey);
    }

    [Fact]
    public void Breaks_keyed_by_room_day_order()
    {
        var program = ParseFixture();

        var coffee = program.Events.Single(e => e.SourceKey == "pretalx:break:11:2026-10-24:1");
        Assert.Equal("Coffee break", coffee.Title);
        Assert.Equal(SessionKind.Break, coffee.Kind);
        Assert.False(coffee.IsTalk);
        Assert.Equal("Break 601", coffee.Label);
        Assert.Equal(new DateTimeOffset(2026, 10, 24, 8, 0, 0, TimeSpan.Zero), coffee.Start);
        Assert.Equal(TimeSpan.FromMinutes(30), coffee.Duration);
        var lunch = program.Events.Single(e => e.SourceKey == "pretalx:break:11:2026-10-24:2");
        Assert.Equal(SessionKind.Meal, lunch.Kind);
    }

    [Fact]
    public void Moved_break_keeps_key()
    {
        var text = SessionizeParserTests.Fixture("pretalx-widget.json")
            .Replace("\"start\": \"2026-10-24T08:00:00Z\"", "\"start\": \"2026-10-24T08:15:00Z\"", StringComparison.Ordinal)
            .Replace("\"end\": \"2026-10-24T10:30:00+02:00\"", "\"end\": \"2026-10-24T10:45:00+02:00\"", StringComparison.Ordinal);

        var coffee = Parse(text).Events.Single(e => e.SourceKey == "pretalx:break:11:2026-10-24:1");

        Assert.Equal(new DateTimeOffset(2026, 10, 24, 8, 15, 0, TimeSpan.Zero), coffee.Start);
    }

    [Fact]
    public void File_zone_is_reported()
    {
        var program = ParseFixture();

        Assert.Equal(Zone, program.TimeZoneId);
        Assert.Empty(program.Notes!);
    }

    [Fact]
    public void Local_time_uses_file_zone()
    {
        var program = Parse(Widget(""" "code": "X1", "title": "Local", "start": "2026-10-24T14:00:00", "end": "2026-10-24T14:45:00", "room": 1 """, "America/New_York"), Zone);

        var item = Assert.Single(program.Events);
        Assert.Equal(new DateTimeOffset(2026, 10, 24, 14, 0, 0, TimeSpan.FromHours(-4)), item.Start);
        Assert.Equal("America/New_York", program.TimeZoneId);
    }

    [Fact]
    public void Unknown_zone_uses_conference_zone()
    {
        var program = Parse(Widget(""" "code": "X1", "title": "Local", "start": "2026-10-24T14:00:00", "end": "2026-10-24T14:45:00", "room": 1 """, "Mars/Olympus"));

        var item = Assert.Single(program.Events);
        Assert.Equal(new DateTimeOffset(2026, 10, 24, 14, 0, 0, TimeSpan.FromHours(2)), item.Start);
        Assert.Null(program.TimeZoneId);
        Assert.Contains("Mars/Olympus", Assert.Single(program.Notes!), StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_end_uses_duration()
    {
        var program = Parse(Widget(""" "code": "X1", "title": "Short", "start": "2026-10-24T14:00:00+02:00", "duration": 20, "room": 1 """));

        Assert.Equal(TimeSpan.FromMinutes(20), Assert.Single(program.Events).Duration);
    }

    [Fact]
    public void Skipped_local_time_rejected()
    {
        var program = Parse(Widget(""" "code": "X1", "title": "Lost hour", "start": "2026-03-29T02:30:00", "end": "2026-03-29T03:30:00", "room": 1 """));

        Assert.Empty(program.Events);
        Assert.Equal("Talk X1 (Lost hour): 2026-03-29 02:30 does not exist in Europe/Berlin because the clocks skip it.", Assert.Single(program.Rejections).Reason);
    }

    [Fact]
    public void Unknown_room_names_talk()
    {
        var rejection = Assert.Single(ParseFixture().Rejections, r => r.Label.StartsWith("Talk JKL012", StringComparison.Ordinal));

        Assert.Equal("Talk JKL012 (In a room nobody listed): its room 99 is not one of the rooms in the file.", rejection.Reason);
    }

    [Fact]
    public void Withdrawn_talk_rejected()
    {
        var rejection = Assert.Single(ParseFixture().Rejections, r => r.Label.StartsWith("Talk MNO345", StringComparison.Ordinal));

        Assert.Contains("its state is withdrawn", rejection.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Unscheduled_talk_rejected()
    {
        var program = Parse(Widget(""" "code": "X1", "title": "Someday", "start": null, "end": null, "room": null """));

        Assert.Contains("not scheduled", Assert.Single(program.Rejections).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Numbers_read_as_text()
    {
        Assert.Equal("777", Talk(ParseFixture(), "PQR678").Title);
    }

    [Fact]
    public void Speaker_fields_mapped()
    {
        var program = ParseFixture();

        var ada = program.Speakers[0];
        Assert.Equal(("pretalx:speaker:SPK1", "Ada Lovelace"), (ada.SourceKey, ada.Name));
        Assert.Equal("Line one\r\n<script>alert(1)</script>", ada.Bio);
        Assert.Null(ada.Headline);
        Assert.Null(ada.Email);
        Assert.Equal(4, program.Speakers.Count);
    }

    [Fact]
    public void Planner_cleans_and_rejects()
    {
        var draft = new ImportDraft(Zone, new DateOnly(2026, 10, 24), new DateOnly(2026, 10, 25), [], [], [], [], []);

        var plan = ImportPlanner.Plan(ParseFixture(), draft);

        Assert.Equal("grace Hopper", plan.Speakers[1].Values!.Name);
        Assert.Equal(ImportAction.Rejected, plan.Speakers[3].Action);
        Assert.Contains(plan.Sessions, s => s.Action == ImportAction.Rejected && s.Reason!.Contains("pretalx:talk:ABC123 appears more than once", StringComparison.Ordinal));
        Assert.Contains(plan.Sessions, s => s.Action == ImportAction.Rejected && s.Reason!.Contains("its person pretalx:speaker:NOBODY is missing", StringComparison.Ordinal));
        Assert.Equal(5, plan.Sessions.Count(s => s.Action == ImportAction.Create));
        Assert.Equal(3, plan.Talks.Count(s => s.Action == ImportAction.Create));
        Assert.Equal(5, plan.Slots.Count);
    }

    [Fact]
    public void Truncated_file_names_line()
    {
        var text = SessionizeParserTests.Fixture("pretalx-widget.json");
        var cut = text[..(text.Length / 2)];

        var error = Assert.Throws<ImportFileException>(() => Parse(cut));

        Assert.StartsWith("The file is not valid JSON: line ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Frab_shape_gets_hint()
    {
        var error = Assert.Throws<ImportFileException>(() => Parse("""{ "schedule": { "conference": {} } }"""));

        Assert.Contains("choose the format \"frab schedule JSON\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Speaker_without_code_rejected()
    {
        var program = Parse("""{ "talks": [], "speakers": [ { "name": { "de": "Ohne Code" } } ] }""");

        Assert.Empty(program.Speakers);
        Assert.Equal("Speaker Ohne Code: it has no code, so no talk can refer to it.", Assert.Single(program.Rejections).Reason);
    }

    [Fact]
    public void Non_object_talk_rejected()
    {
        var program = Parse("""{ "talks": [ null ] }""");

        Assert.Equal("Talk 1: the entry of \"talks\" is a JSON null, not an object.", Assert.Single(program.Rejections).Reason);
    }

    [Fact]
    public void Duplicate_room_keeps_first()
    {
        var program = Parse("""{ "talks": [], "rooms": [ { "id": 1, "name": "A" }, { "id": 1, "name": "B" } ] }""");

        Assert.Equal("A", Assert.Single(program.Rooms).Name);
        Assert.Contains("room id 1 appears more than once", Assert.Single(program.Rejections).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Track_name_and_content_locale_are_read()
    {
        var item = Talk(ParseFixture(), "ABC123");

        Assert.Equal("Main", item.Track);
        Assert.Equal("en", item.Language);
    }
}
