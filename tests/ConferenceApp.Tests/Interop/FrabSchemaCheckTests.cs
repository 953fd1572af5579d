namespace ConferenceApp.Tests.Interop;

/// <summary>Checks that the structural checks the export tests rely on accept a valid document and reject broken ones.</summary>
public sealed class FrabSchemaCheckTests
{
    [Fact]
    public void Xml_check_rejects_missing_title()
    {
        var xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <schedule>
              <version>1.0</version>
              <conference><acronym>x</acronym></conference>
              <day index="1" date="2026-06-01" start="2026-06-01T09:00:00+02:00" end="2026-06-01T10:00:00+02:00" />
            </schedule>
            """u8.ToArray();

        Assert.NotEmpty(FrabStructure.XmlProblems(xml));
    }

    [Fact]
    public void Xml_check_rejects_duplicate_event_ids()
    {
        var xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <schedule>
              <version>1.0</version>
              <conference><title>T</title><acronym>x</acronym></conference>
              <day index="1" date="2026-06-01" start="2026-06-01T09:00:00+02:00" end="2026-06-01T10:00:00+02:00">
                <room name="A">
                  <event id="1" guid="00000000-0000-0000-0000-000000000001"><date>2026-06-01T09:00:00+02:00</date><start>09:00</start><duration>00:30</duration><room>A</room><slug>a</slug><title>A</title><subtitle/><track/><type>talk</type><abstract/></event>
                  <event id="1" guid="00000000-0000-0000-0000-000000000002"><date>2026-06-01T09:30:00+02:00</date><start>09:30</start><duration>00:30</duration><room>A</room><slug>b</slug><title>B</title><subtitle/><track/><type>talk</type><abstract/></event>
                </room>
              </day>
            </schedule>
            """u8.ToArray();

        Assert.NotEmpty(FrabStructure.XmlProblems(xml));
    }

    [Fact]
    public void Json_check_rejects_bad_acronym()
    {
        var json = """
            {"schedule": {"version": "1", "base_url": "https://example.org/", "conference": {
              "acronym": "Camp 2019", "title": "T", "start": "2026-06-01", "end": "2026-06-01", "daysCount": 1,
              "timeslot_duration": "00:15", "days": []}}}
            """u8.ToArray();

        var problems = FrabStructure.JsonProblems(json);

        Assert.Contains(problems, p => p.Contains("acronym", StringComparison.Ordinal));
    }

    [Fact]
    public void Json_check_rejects_bad_date_format()
    {
        var json = """
            {"schedule": {"version": "1", "base_url": "https://example.org/", "conference": {
              "acronym": "camp", "title": "T", "start": "1 June 2026", "end": "2026-06-01", "daysCount": 1,
              "timeslot_duration": "00:15", "days": []}}}
            """u8.ToArray();

        Assert.NotEmpty(FrabStructure.JsonProblems(json));
    }

    private const string ValidXml = """
        <?xml version="1.0" encoding="utf-8"?>
        <schedule>
          <generator name="ConferenceApp" />
          <version>1.0</version>
          <conference><title>T</title><acronym>camp</acronym><start>2026-06-01</start><end>2026-06-01</end><days>1</days><timeslot_duration>00:15</timeslot_duration><base_url>https://example.org/</base_url></conference>
          <day index="1" date="2026-06-01" start="2026-06-01T09:00:00+02:00" end="2026-06-01T10:00:00+02:00">
            <room name="A">
              <event id="1" guid="00000000-0000-0000-0000-000000000001"><date>2026-06-01T09:00:00+02:00</date><start>09:00</start><duration>00:30</duration><room>A</room><slug>camp-1-a</slug><url>https://example.org/a</url><title>A</title><subtitle/><track>Web</track><type>talk</type><language>de-CH</language><abstract/><description/><persons><person id="3">Ada</person></persons><links/><attachments/></event>
            </room>
          </day>
        </schedule>
        """;

    private const string ValidJson = """
        {"$schema": "https://c3voc.de/schedule/schema.json", "schedule": {"version": "1", "base_url": "https://example.org/", "conference": {
          "acronym": "camp", "title": "T", "start": "2026-06-01", "end": "2026-06-01", "daysCount": 1, "timeslot_duration": "00:15",
          "time_zone_name": "Europe/Zurich", "url": "https://example.org/", "tracks": [{"name": "Web"}],
          "rooms": [{"name": "A", "guid": "00000000-0000-0000-0000-0000000000aa"}],
          "days": [{"index": 1, "date": "2026-06-01", "day_start": "2026-06-01T09:00:00+02:00", "day_end": "2026-06-01T10:00:00+02:00",
            "rooms": {"A": [{"id": 1, "guid": "00000000-0000-0000-0000-000000000001", "date": "2026-06-01T09:00:00+02:00", "start": "09:00",
              "duration": "00:30", "room": "A", "slug": "camp-1-a", "url": "https://example.org/a", "title": "A", "subtitle": "", "track": "Web",
              "type": "talk", "language": "de-CH", "abstract": "", "description": "", "logo": "", "recording_license": "", "do_not_record": false,
              "persons": [{"id": 3, "public_name": "Ada"}], "links": [], "attachments": [], "answers": []}]}}]}}}
        """;

    [Fact]
    public void Xml_check_accepts_valid_document()
    {
        Assert.Empty(FrabStructure.XmlProblems(System.Text.Encoding.UTF8.GetBytes(ValidXml)));
    }

    [Fact]
    public void Json_check_accepts_valid_document()
    {
        Assert.Empty(FrabStructure.JsonProblems(System.Text.Encoding.UTF8.GetBytes(ValidJson)));
    }

    [Theory]
    [InlineData("<generator name=\"ConferenceApp\" />\n  <version>1.0</version>", "<version>1.0</version>\n  <generator name=\"ConferenceApp\" />", "out of order")]
    [InlineData("<title>A</title>", "<title>A</title><title>B</title>", "occurs 2 times")]
    [InlineData("<track>Web</track>", "", "required <track>")]
    [InlineData("<abstract/>", "<abstract/><speaker>Ada</speaker>", "<speaker> is not allowed")]
    [InlineData("guid=\"00000000-0000-0000-0000-000000000001\"", "guid=\"not-a-uuid\"", "is not a UUID")]
    [InlineData("<start>09:00</start>", "<start>9 am</start>", "is not a time of day")]
    [InlineData("<start>09:00</start>", "<start>09:30</start>", "not the time of day of its date")]
    [InlineData("<duration>00:30</duration>", "<duration>30m</duration>", "is not a duration")]
    [InlineData("<date>2026-06-01T09:00:00+02:00</date>", "<date>2026-06-01T09:00:00</date>", "with an offset")]
    [InlineData("<duration>00:30</duration>", "<duration>02:00</duration>", "not inside its day")]
    [InlineData("index=\"1\"", "index=\"2\"", "index 2 should be 1")]
    [InlineData("<acronym>camp</acronym>", "<acronym>Camp 2026</acronym>", "acronym")]
    [InlineData("<slug>camp-1-a</slug>", "<slug>Camp 1</slug>", "slug")]
    [InlineData("<room>A</room>", "<room>B</room>", "differs from the name of its <room>")]
    [InlineData("<language>de-CH</language>", "<language>German</language>", "BCP 47")]
    [InlineData("<days>1</days>", "<days>2</days>", "has 1 <day>")]
    [InlineData("date=\"2026-06-01\"", "date=\"2026-06-02\"", "not on its day")]
    public void Xml_check_rejects_broken_document(string valid, string broken, string expected)
    {
        Assert.Contains(valid, ValidXml, StringComparison.Ordinal);
        var xml = System.Text.Encoding.UTF8.GetBytes(ValidXml.Replace(valid, broken, StringComparison.Ordinal));

        var problems = FrabStructure.XmlProblems(xml);

        Assert.Contains(problems, p => p.Contains(expected, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("\"daysCount\": 1", "\"daysCount\": 2", "daysCount")]
    [InlineData("\"answers\": []", "\"answers\": [], \"speakers\": []", "property speakers is not allowed")]
    [InlineData("\"track\": \"Web\",", "", "required property track")]
    [InlineData("\"track\": \"Web\",", "\"track\": \"Mobile\",", "not in the conference's tracks")]
    [InlineData("\"id\": 1,", "\"id\": \"1\",", "is not an integer")]
    [InlineData("\"duration\": \"00:30\"", "\"duration\": \"0.5h\"", "is not a duration")]
    [InlineData("\"start\": \"09:00\"", "\"start\": \"10:00\"", "not the time of day of its date")]
    [InlineData("\"index\": 1", "\"index\": 3", "index 3 should be 1")]
    [InlineData("\"end\": \"2026-06-01\"", "\"end\": \"2026-05-31\"", "outside the conference's dates")]
    [InlineData("\"room\": \"A\"", "\"room\": \"B\"", "differs from the key of its room")]
    [InlineData("\"do_not_record\": false", "\"do_not_record\": \"no\"", "do_not_record")]
    [InlineData("\"version\": \"1\", ", "\"rooms\": [], \"version\": \"1\", ", "$.schedule.rooms is not allowed")]
    [InlineData("\"public_name\": \"Ada\"", "\"nick\": \"Ada\"", "public_name")]
    [InlineData("\"language\": \"de-CH\"", "\"language\": \"de_ch\"", "BCP 47")]
    public void Json_check_rejects_broken_document(string valid, string broken, string expected)
    {
        Assert.Contains(valid, ValidJson, StringComparison.Ordinal);
        var json = System.Text.Encoding.UTF8.GetBytes(ValidJson.Replace(valid, broken, StringComparison.Ordinal));

        var problems = FrabStructure.JsonProblems(json);

        Assert.Contains(problems, p => p.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Json_check_rejects_repeated_guid()
    {
        var twice = ValidJson.Replace("\"persons\": [{\"id\": 3", "\"persons\": [{\"id\": 3", StringComparison.Ordinal);
        var start = twice.IndexOf("{\"id\": 1,", StringComparison.Ordinal);
        var end = twice.IndexOf("\"answers\": []}", StringComparison.Ordinal) + "\"answers\": []}".Length;
        var item = twice[start..end];
        var second = item.Replace("\"id\": 1,", "\"id\": 2,", StringComparison.Ordinal).Replace("camp-1-a", "camp-2-a", StringComparison.Ordinal);
        var json = System.Text.Encoding.UTF8.GetBytes(twice.Insert(end, ", " + second));

        var problems = FrabStructure.JsonProblems(json);

        Assert.Contains(problems, p => p.Contains("guid 00000000-0000-0000-0000-000000000001 is used by another event", StringComparison.Ordinal));
    }
}
