namespace ConferenceApp.Tests.Interop;

/// <summary>Checks that the schema validation the export tests rely on rejects broken documents.</summary>
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
}
