using System.Text;
using ConferenceApp.Domain;
using ConferenceApp.Features.Interop.Import;

namespace ConferenceApp.Tests.Interop;

public sealed class FrabImportParserTests
{
    private static ImportedProgram Xml(string text, bool bom = false)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        if (bom)
        {
            bytes = [.. Encoding.UTF8.GetPreamble(), .. bytes];
        }

        return FrabXmlParser.Parse(new MemoryStream(bytes), "UTC");
    }

    private static ImportedProgram Json(string text) => FrabJsonParser.Parse(new MemoryStream(Encoding.UTF8.GetBytes(text)), "UTC");

    private static string Schedule(string events, string zone = "Europe/Berlin") => $"""
        <?xml version="1.0" encoding="utf-8"?>
        <schedule>
          <conference><title>T</title><time_zone_name>{zone}</time_zone_name></conference>
          <day index="1" date="2026-10-24">
            <room name="Hall">{events}</room>
          </day>
        </schedule>
        """;

    [Fact]
    public void Xml_event_with_offset()
    {
        var program = Xml(Schedule("""
            <event id="12" guid="5f0e7a1c-4b2d-4c6e-8f90-1a2b3c4d5e6f">
              <date>2026-10-24T09:30:00+02:00</date><start>09:30</start><duration>00:45</duration>
              <room>Hall</room><title>Engines</title><type>lecture</type><abstract>About engines.</abstract>
              <persons><person id="7">Ada Lovelace</person></persons>
            </event>
            """), bom: true);

        var item = Assert.Single(program.Events);
        Assert.Equal("frab:5f0e7a1c-4b2d-4c6e-8f90-1a2b3c4d5e6f", item.SourceKey);
        Assert.Equal(new DateTimeOffset(2026, 10, 24, 7, 30, 0, TimeSpan.Zero), item.Start);
        Assert.Equal(TimeSpan.FromMinutes(45), item.Duration);
        Assert.True(item.IsTalk);
        Assert.Equal("frab:room:Hall", item.RoomKey);
        Assert.Equal("Ada Lovelace", Assert.Single(program.Speakers).Name);
        Assert.Equal("Europe/Berlin", program.TimeZoneId);
    }

    [Fact]
    public void Xml_local_time_uses_file_zone()
    {
        var program = Xml(Schedule("""<event id="3"><start>23:30</start><duration>01:00</duration><title>Late</title><type>break</type></event>""", "America/New_York"));

        var item = Assert.Single(program.Events);
        Assert.Equal(new DateTimeOffset(2026, 10, 24, 23, 30, 0, TimeSpan.FromHours(-4)), item.Start);
        Assert.Equal("frab:event:3", item.SourceKey);
        Assert.False(item.IsTalk);
        Assert.Equal(SessionKind.Break, item.Kind);
    }

    [Fact]
    public void Xml_bad_start_is_rejected()
    {
        var program = Xml(Schedule("""<event id="12"><start>25:00</start><duration>00:30</duration><title>X</title></event>"""));

        Assert.Empty(program.Events);
        Assert.Equal("Event 12: start 25:00 is not a time.", Assert.Single(program.Rejections).Reason);
    }

    [Fact]
    public void Xml_bad_duration_is_rejected()
    {
        var program = Xml(Schedule("""<event id="4"><start>10:00</start><duration>forever</duration><title>X</title></event>"""));

        Assert.Contains("the duration \"forever\"", Assert.Single(program.Rejections).Reason);
    }

    [Fact]
    public void Xml_skipped_local_time_is_rejected()
    {
        var text = Schedule("""<event id="5"><start>02:30</start><duration>00:30</duration><title>X</title></event>""").Replace("2026-10-24", "2026-03-29");

        Assert.Contains("does not exist", Assert.Single(Xml(text).Rejections).Reason);
    }

    [Fact]
    public void Malformed_xml_is_a_file_error()
    {
        var error = Assert.Throws<ImportFileException>(() => Xml("<schedule><day></schedule>"));

        Assert.StartsWith("The file is not valid XML", error.Message);
        Assert.Contains("Line 1", error.Message);
    }

    [Fact]
    public void Xml_with_dtd_is_rejected()
    {
        var error = Assert.Throws<ImportFileException>(() => Xml("<?xml version=\"1.0\"?>\n\n<!DOCTYPE s [<!ENTITY a \"aaaa\">]><schedule>&a;</schedule>"));

        Assert.Equal("The file has a document type declaration (<!DOCTYPE>) on line 3; frab schedules have none, and the import does not read them.", error.Message);
    }

    [Fact]
    public void Xml_with_external_dtd_fetches_nothing()
    {
        var error = Assert.Throws<ImportFileException>(() => Xml("<!DOCTYPE schedule SYSTEM \"http://127.0.0.1:9/frab.dtd\"><schedule/>"));

        Assert.Contains("line 1", error.Message);
        Assert.DoesNotContain("DtdProcessing", error.Message);
    }

    [Fact]
    public void Deep_nesting_is_rejected_at_once()
    {
        const int depth = 200_000;
        var text = new StringBuilder("<schedule>\n<conference/>\n");
        text.Insert(text.Length, "<a>", depth).Insert(text.Length, "</a>", depth).Append("</schedule>");
        var watch = System.Diagnostics.Stopwatch.StartNew();

        var error = Assert.Throws<ImportFileException>(() => Xml(text.ToString()));

        Assert.Equal("The file is nested more than 64 elements deep at line 3; a frab schedule is not.", error.Message);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"Rejecting took {watch.Elapsed}.");
    }

    [Fact]
    public void Nesting_of_64_levels_is_read()
    {
        var text = "<schedule><conference/>" + string.Concat(Enumerable.Repeat("<a>", 63)) + string.Concat(Enumerable.Repeat("</a>", 63)) + "</schedule>";

        Assert.Empty(Xml(text).Events);
    }

    [Fact]
    public void Xml_without_conference_is_a_file_error()
    {
        var error = Assert.Throws<ImportFileException>(() => Xml("<schedule><day date=\"2026-10-24\"/></schedule>"));

        Assert.Contains("no <conference> element", error.Message);
    }

    [Fact]
    public void Wrong_root_is_a_file_error()
    {
        var error = Assert.Throws<ImportFileException>(() => Xml("<html/>"));

        Assert.Contains("<html>", error.Message);
    }

    [Fact]
    public void Bidi_override_is_removed_from_titles()
    {
        var program = Xml(Schedule("<event id=\"1\"><start>10:00</start><duration>00:30</duration><title>Safe\u202Etxt.exe</title></event>"));

        var plan = ImportPlanner.Plan(program, new ImportDraft("Europe/Berlin", new DateOnly(2026, 10, 24), new DateOnly(2026, 10, 24), [], [], [], [], []));
        Assert.Equal("Safetxt.exe", plan.Talks[0].Values!.Title);
    }

    [Fact]
    public void Json_event_reads_like_xml()
    {
        var program = Json("""
            {"schedule":{"conference":{"time_zone_name":"Europe/Berlin","rooms":[{"name":"Hall"}],"days":[
              {"date":"2026-10-24","rooms":{"Hall":[
                {"id":12,"guid":"5f0e7a1c-4b2d-4c6e-8f90-1a2b3c4d5e6f","date":"2026-10-24T09:30:00+02:00","start":"09:30","duration":"00:45",
                 "room":"Hall","title":"Engines","type":"keynote","persons":[{"id":7,"public_name":"Ada Lovelace"}]}]}}]}}}
            """);

        var item = Assert.Single(program.Events);
        Assert.Equal(SessionKind.Keynote, item.Kind);
        Assert.Equal(new DateTimeOffset(2026, 10, 24, 7, 30, 0, TimeSpan.Zero), item.Start);
        Assert.Equal("frab:person:7", Assert.Single(item.SpeakerKeys));
    }

    [Fact]
    public void Json_wrong_types_are_missing_values()
    {
        var program = Json("""
            {"schedule":{"conference":{"days":[{"date":"2026-10-24","rooms":{"Hall":[{"id":true,"guid":3,"start":[],"duration":"00:30","title":"X"}, 5]}}]}}}
            """);

        Assert.Empty(program.Events);
        Assert.Single(program.Rejections);
    }

    [Fact]
    public void Malformed_json_is_a_file_error()
    {
        var error = Assert.Throws<ImportFileException>(() => Json("{\"schedule\": "));

        Assert.StartsWith("The file is not valid JSON", error.Message);
    }

    [Fact]
    public void Json_without_schedule_is_a_file_error()
    {
        Assert.Throws<ImportFileException>(() => Json("[1, 2]"));
    }

    [Fact]
    public void Json_in_pretalx_shape()
    {
        // pretalx writes its schedule in this frab JSON layout: a UTC zone name, dates with the
        // event's own offset, "Talk" as the type, and persons with a code besides the id.
        var program = Json("""
            {"$schema":"../schema.json","schedule":{"version":"v2","conference":{"acronym":"demo","time_zone_name":"UTC",
              "rooms":[{"name":"Blue Room","guid":"0b1d5e3a-0000-4000-8000-000000000001","capacity":null}],
              "days":[{"index":1,"date":"2026-10-24","day_start":"2026-10-24T04:00:00+02:00","rooms":{"Blue Room":[
                {"id":41,"guid":"0b1d5e3a-0000-4000-8000-000000000041","date":"2026-10-24T09:00:00+02:00","start":"09:00","duration":"00:30",
                 "room":"Blue Room","title":"Scaling tea","track":"Main","type":"Talk","language":"en","abstract":"Short.","description":"Long.",
                 "persons":[{"id":5,"code":"QX7Y2A","public_name":"Noa Levi","biography":"Bio.","answers":[]}],"links":[],"attachments":[],"answers":[]}]}}]}}}
            """);

        var item = Assert.Single(program.Events);
        Assert.Equal(new DateTimeOffset(2026, 10, 24, 7, 0, 0, TimeSpan.Zero), item.Start);
        Assert.Equal(SessionKind.Talk, item.Kind);
        Assert.Equal("frab:person:5", Assert.Single(item.SpeakerKeys));
        Assert.Equal("UTC", program.TimeZoneId);
    }

    [Theory]
    [InlineData("persons", "\"bob\"", "\"persons\" is a string where an array of objects is expected")]
    [InlineData("type", "[\"talk\"]", "\"type\" is an array where a string is expected")]
    [InlineData("date", "true", "\"date\" is true where a string is expected")]
    [InlineData("guid", "7", "\"guid\" is a number where a string is expected")]
    [InlineData("id", "{\"a\":1}", "\"id\" is an object where a number or a string is expected")]
    public void Json_wrong_type_rejects_event(string field, string value, string reason)
    {
        var fields = new Dictionary<string, string>
        {
            ["id"] = "12",
            ["guid"] = "\"5f0e7a1c-4b2d-4c6e-8f90-1a2b3c4d5e6f\"",
            ["start"] = "\"09:30\"",
            ["duration"] = "\"00:45\"",
            ["title"] = "\"Engines\"",
        };
        fields[field] = value;
        var item = "{" + string.Join(",", fields.Select(f => $"\"{f.Key}\":{f.Value}")) + "}";

        var program = Json("""{"schedule":{"conference":{"time_zone_name":"Europe/Berlin","days":[{"date":"2026-10-24","rooms":{"Hall":["""
            + item + "]}}]}}}");

        Assert.Empty(program.Events);
        Assert.Contains(reason, Assert.Single(program.Rejections).Reason);
    }

    [Fact]
    public void Json_in_latin1_is_rejected()
    {
        var bytes = Encoding.Latin1.GetBytes("{\"schedule\":\n{\"conference\":{\"title\":\"Café\"}}}");

        var error = Assert.Throws<ImportFileException>(() => FrabJsonParser.Parse(new MemoryStream(bytes), "UTC"));

        Assert.Equal("The file is not UTF-8: line 2 has bytes that are not valid UTF-8. Save it as UTF-8 and upload it again.", error.Message);
    }

    [Fact]
    public void Track_and_language_are_read()
    {
        var program = Xml(Schedule("""
            <event id="12" guid="5f0e7a1c-4b2d-4c6e-8f90-1a2b3c4d5e6f">
              <date>2026-10-24T09:30:00+02:00</date><start>09:30</start><duration>00:45</duration>
              <room>Hall</room><title>Engines</title><track> Security </track><type>lecture</type><language>de-CH</language>
            </event>
            """));

        var item = Assert.Single(program.Events);
        Assert.Equal("Security", item.Track);
        Assert.Equal("de-CH", item.Language);
    }
}
