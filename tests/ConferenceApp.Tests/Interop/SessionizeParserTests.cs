using System.Text;
using ConferenceApp.Domain;
using ConferenceApp.Features.Interop.Import;

namespace ConferenceApp.Tests.Interop;

public sealed class SessionizeParserTests
{
    private const string Zone = "Europe/Berlin";

    private const string Ada = "sessionize:speaker:6b1f8a2e-0000-4000-8000-000000000001";

    private const string Grace = "sessionize:speaker:6b1f8a2e-0000-4000-8000-000000000002";

    public static string Fixture(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Interop", "Fixtures", name), Encoding.UTF8);

    private static ImportedProgram Parse(string text, string zone = Zone) =>
        SessionizeParser.Parse(new MemoryStream(Encoding.UTF8.GetBytes(text)), zone);

    private static ImportedProgram ParseFixture() => Parse(Fixture("sessionize-all.json"));

    private static ImportedEvent Event(ImportedProgram program, string id) => program.Events.First(e => e.SourceKey == $"sessionize:session:{id}");

    private static string Session(string fields) => $$"""{ "sessions": [ { {{fields}} } ], "rooms": [ { "id": 1, "name": "Hall" } ] }""";

    [Fact]
    public void Talk_keeps_title_bytes()
    {
        var item = Event(ParseFixture(), "1001");

        Assert.Equal("Engines — “the analytical” ✓ «ünïcode»", item.Title);
        Assert.True(item.IsTalk);
        Assert.Equal(SessionKind.Talk, item.Kind);
        Assert.Equal("sessionize:room:101", item.RoomKey);
        Assert.Equal([Ada], item.SpeakerKeys);
        Assert.Equal("Session 1001", item.Label);
    }

    [Fact]
    public void Html_description_kept_as_text()
    {
        var item = Event(ParseFixture(), "1001");

        Assert.Equal("<p>An <em>HTML</em> abstract.</p><script>alert(1)</script>", item.Abstract);
    }

    [Fact]
    public void Local_times_read_in_conference_zone()
    {
        var item = Event(ParseFixture(), "1001");

        Assert.Equal(new DateTimeOffset(2026, 10, 24, 9, 0, 0, TimeSpan.FromHours(2)), item.Start);
        Assert.Equal(TimeSpan.FromMinutes(45), item.Duration);
    }

    [Fact]
    public void Preview_note_names_zone()
    {
        var program = ParseFixture();

        Assert.Null(program.TimeZoneId);
        var note = Assert.Single(program.Notes!);
        Assert.Contains("without a time zone", note, StringComparison.Ordinal);
        Assert.Contains(Zone, note, StringComparison.Ordinal);
    }

    [Fact]
    public void Other_zone_shifts_instants()
    {
        var item = Event(Parse(Fixture("sessionize-all.json"), "America/New_York"), "1001");

        Assert.Equal(new DateTimeOffset(2026, 10, 24, 9, 0, 0, TimeSpan.FromHours(-4)), item.Start);
    }

    [Fact]
    public void Plenum_session_spans_all_rooms()
    {
        var item = Event(ParseFixture(), "1002");

        Assert.Null(item.RoomKey);
        Assert.Equal(SessionKind.Keynote, item.Kind);
        Assert.True(item.IsTalk);
    }

    [Fact]
    public void Service_session_is_not_a_talk()
    {
        var item = Event(ParseFixture(), "1003");

        Assert.False(item.IsTalk);
        Assert.Equal(SessionKind.Meal, item.Kind);
        Assert.Equal("Downstairs.", item.Abstract);
        Assert.Empty(item.SpeakerKeys);
    }

    [Theory]
    [InlineData("Coffee break", SessionKind.Break)]
    [InlineData("Dinner", SessionKind.Meal)]
    [InlineData("Opening", SessionKind.Opening)]
    [InlineData("Registration", SessionKind.Other)]
    [InlineData("Talk", SessionKind.Other)]
    public void Service_kind_from_title(string title, SessionKind expected)
    {
        var program = Parse(Session($$""" "id": "9", "title": "{{title}}", "isServiceSession": true, "startsAt": "2026-10-24T10:00:00", "endsAt": "2026-10-24T10:30:00", "roomId": 1 """));

        var item = Assert.Single(program.Events);
        Assert.Equal(expected, item.Kind);
        Assert.False(item.IsTalk);
    }

    [Fact]
    public void Numbers_read_as_text()
    {
        var program = ParseFixture();

        var item = Event(program, "1004");
        Assert.Equal("12345", item.Title);
        Assert.Equal("sessionize:room:102", item.RoomKey);
        Assert.Equal("42", program.Speakers.First(s => s.SourceKey == Grace).Headline);
    }

    [Fact]
    public void Session_across_midnight()
    {
        var item = Event(ParseFixture(), "1004");

        Assert.Equal(new DateTimeOffset(2026, 10, 24, 23, 30, 0, TimeSpan.FromHours(2)), item.Start);
        Assert.Equal(TimeSpan.FromHours(1), item.Duration);
        Assert.Equal(SessionKind.Workshop, item.Kind);
        Assert.Equal([Ada, Grace], item.SpeakerKeys);
    }

    [Fact]
    public void Night_clocks_go_back()
    {
        var item = Event(ParseFixture(), "1005");

        // 01:30 is still summer time (+02:00) and 03:30 is winter time (+01:00), so the hour 02:00 to 03:00 happens twice.
        Assert.Equal(new DateTimeOffset(2026, 10, 24, 23, 30, 0, TimeSpan.Zero), item.Start);
        Assert.Equal(TimeSpan.FromHours(3), item.Duration);
    }

    [Fact]
    public void Skipped_local_time_rejected()
    {
        var program = Parse(Session(""" "id": "7", "title": "Lost hour", "startsAt": "2026-03-29T02:30:00", "endsAt": "2026-03-29T03:30:00", "roomId": 1 """));

        Assert.Empty(program.Events);
        var rejection = Assert.Single(program.Rejections);
        Assert.Equal("Session 7 (Lost hour): 2026-03-29 02:30 does not exist in Europe/Berlin because the clocks skip it.", rejection.Reason);
    }

    [Fact]
    public void Unscheduled_session_rejected_with_reason()
    {
        var program = ParseFixture();

        var rejection = Assert.Single(program.Rejections, r => r.Label.StartsWith("Session 1006", StringComparison.Ordinal));
        Assert.Equal(ImportItemKind.Session, rejection.Kind);
        Assert.Contains("not scheduled in Sessionize yet", rejection.Reason, StringComparison.Ordinal);
        Assert.Contains("Accepted but not placed", rejection.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Session_without_room_rejected()
    {
        var program = Parse(Session(""" "id": "8", "title": "Floating", "startsAt": "2026-10-24T10:00:00", "endsAt": "2026-10-24T10:30:00" """));

        var rejection = Assert.Single(program.Rejections);
        Assert.Contains("has no room", rejection.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_room_names_session()
    {
        var program = ParseFixture();

        var rejection = Assert.Single(program.Rejections, r => r.Label.StartsWith("Session 1007", StringComparison.Ordinal));
        Assert.Equal("Session 1007 (In a room nobody listed): its roomId 999 is not one of the rooms in the file.", rejection.Reason);
    }

    [Fact]
    public void Declined_session_rejected()
    {
        var program = ParseFixture();

        var rejection = Assert.Single(program.Rejections, r => r.Label.StartsWith("Session 1008", StringComparison.Ordinal));
        Assert.Contains("its status is Declined", rejection.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_room_keeps_first()
    {
        var program = ParseFixture();

        Assert.Equal(["Hall „Ada“", "Room B"], program.Rooms.Select(r => r.Name));
        var rejection = Assert.Single(program.Rejections, r => r.Kind == ImportItemKind.Room);
        Assert.Contains("room id 102 appears more than once", rejection.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Speaker_fields_mapped()
    {
        var program = ParseFixture();

        var ada = program.Speakers.First(s => s.SourceKey == Ada);
        Assert.Equal("Ada Lovelace", ada.Name);
        Assert.Equal("Analyst ‒ “engines”", ada.Headline);
        Assert.Equal("<b>Writes</b> notes.\r\nSecond line.", ada.Bio);
        Assert.Null(ada.Email);
        Assert.Equal("Grace Hopper", program.Speakers.First(s => s.SourceKey == Grace).Name);
    }

    [Fact]
    public void Duplicate_ids_left_to_planner()
    {
        var program = ParseFixture();

        Assert.Equal(2, program.Speakers.Count(s => s.SourceKey == Grace));
        Assert.Equal(2, program.Events.Count(e => e.SourceKey == "sessionize:session:1001"));
    }

    [Fact]
    public void Planner_cleans_and_rejects()
    {
        var program = ParseFixture();
        var draft = new ImportDraft(Zone, new DateOnly(2026, 10, 24), new DateOnly(2026, 10, 25), [], [], [], [], []);

        var plan = ImportPlanner.Plan(program, draft);

        var noa = plan.Speakers.Single(s => s.Key.EndsWith("000000000003", StringComparison.Ordinal));
        Assert.Equal("ivel aon Noa Levi", noa.Values!.Name);
        Assert.Equal("Rings a bell.", noa.Values.Bio);
        Assert.Equal("<b>Writes</b> notes.\nSecond line.", plan.Speakers[0].Values!.Bio);
        Assert.Contains(plan.Speakers, s => s.Action == ImportAction.Rejected && s.Reason!.Contains("appears more than once", StringComparison.Ordinal));
        Assert.Contains(plan.Sessions, s => s.Action == ImportAction.Rejected && s.Reason!.Contains("sessionize:session:1001 appears more than once", StringComparison.Ordinal));
        Assert.Equal(5, plan.Sessions.Count(s => s.Action == ImportAction.Create));
        Assert.Equal(4, plan.Talks.Count(s => s.Action == ImportAction.Create));
        Assert.Contains(plan.Notes, n => n.Contains("without a time zone", StringComparison.Ordinal));
    }

    [Fact]
    public void Truncated_file_names_line()
    {
        var text = Fixture("sessionize-all.json");
        var cut = text[..text.IndexOf("\"speakers\": [\n    {", StringComparison.Ordinal)];

        var error = Assert.Throws<ImportFileException>(() => Parse(cut));

        var line = cut.Count(c => c == '\n') + 1;
        Assert.StartsWith($"The file is not valid JSON: line {line}, byte ", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("LineNumber", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Other_json_rejected()
    {
        var error = Assert.Throws<ImportFileException>(() => Parse("""{ "schedule": { "conference": {} } }"""));

        Assert.Contains("no \"sessions\" array", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_fields_tolerated()
    {
        var program = Parse("""{ "sessions": [ { "id": "1", "startsAt": "2026-10-24T10:00:00", "endsAt": "2026-10-24T10:30:00", "isPlenumSession": true } ] }""");

        var item = Assert.Single(program.Events);
        Assert.Equal("", item.Title);
        Assert.Null(item.Abstract);
        Assert.Null(item.RoomKey);
        Assert.Empty(program.Rooms);
        Assert.Empty(program.Speakers);
    }

    [Fact]
    public void Speaker_without_id_rejected()
    {
        var program = Parse("""{ "sessions": [], "speakers": [ { "fullName": "Nobody Known" } ] }""");

        Assert.Empty(program.Speakers);
        var rejection = Assert.Single(program.Rejections);
        Assert.Equal(ImportItemKind.Speaker, rejection.Kind);
        Assert.Equal("Speaker Nobody Known: it has no id, so no session can refer to it.", rejection.Reason);
    }

    [Fact]
    public void Non_object_session_rejected()
    {
        var program = Parse("""{ "sessions": [ 42, "text" ] }""");

        Assert.Equal(["Session 1: the entry of \"sessions\" is a JSON number, not an object.", "Session 2: the entry of \"sessions\" is a JSON string, not an object."],
            program.Rejections.Select(r => r.Reason));
    }

    [Fact]
    public void Bad_time_rejected()
    {
        var program = Parse(Session(""" "id": "5", "title": "When", "startsAt": "Saturday 10am", "endsAt": "2026-10-24T10:30:00", "roomId": 1 """));

        var rejection = Assert.Single(program.Rejections);
        Assert.Contains("startsAt \"Saturday 10am\"", rejection.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Track_and_language_categories_are_read()
    {
        var program = Parse("""
            { "sessions": [ { "id": "1", "title": "Engines", "startsAt": "2026-10-24T09:00:00", "endsAt": "2026-10-24T09:45:00",
                "roomId": 1, "categoryItems": [21, 31, 41] } ],
              "rooms": [ { "id": 1, "name": "Hall" } ],
              "categories": [
                { "id": 2, "title": "Level", "items": [ { "id": 21, "name": "Introductory" } ] },
                { "id": 3, "title": "Track", "items": [ { "id": 31, "name": "Security" } ] },
                { "id": 4, "title": "Session language", "items": [ { "id": 41, "name": "German" } ] } ] }
            """);

        var item = Event(program, "1");
        Assert.Equal("Security", item.Track);
        Assert.Equal("de", item.Language);
    }

    [Fact]
    public void First_other_category_is_the_track()
    {
        var item = Event(ParseFixture(), "1001");

        Assert.Equal("Introductory and overview", item.Track);
        Assert.Null(item.Language);
    }
}
