using System.Text;
using ConferenceApp.Domain;
using ConferenceApp.Features.Interop.Import;

namespace ConferenceApp.Tests.Interop;

public sealed class CsvImportParserTests
{
    private const string Header = "talk_id,talk_title,abstract,speaker_id,speaker_name,speaker_email,speaker_headline,date,start,end,room";

    private static ImportedProgram Parse(string text, bool bom = false)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        if (bom)
        {
            bytes = [.. Encoding.UTF8.GetPreamble(), .. bytes];
        }

        return CsvScheduleParser.Parse(new MemoryStream(bytes), "Europe/Berlin");
    }

    [Fact]
    public void Lines_of_one_talk_share_it()
    {
        var program = Parse(
            $"{Header}\r\n" +
            "12,\"Engines, \"\"analytical\"\"\",\"Two\r\nlines\",7,Ada Lovelace,ADA@example.org,Mathematician,2026-10-24,09:30,10:15,Hall\r\n" +
            "12,\"Engines, \"\"analytical\"\"\",\"Two\r\nlines\",8,Charles Babbage,,,2026-10-24,09:30,10:15,Hall\r\n", bom: true);

        var item = Assert.Single(program.Events);
        Assert.Equal("csv:12", item.SourceKey);
        Assert.Equal("Engines, \"analytical\"", item.Title);
        Assert.Equal("Two\r\nlines", item.Abstract);
        Assert.Equal(new DateTimeOffset(2026, 10, 24, 9, 30, 0, TimeSpan.FromHours(2)), item.Start);
        Assert.Equal(TimeSpan.FromMinutes(45), item.Duration);
        Assert.Equal(["csv:speaker:7", "csv:speaker:8"], item.SpeakerKeys);
        Assert.Equal("Mathematician", program.Speakers[0].Headline);
        Assert.Equal("ADA@example.org", program.Speakers[0].Email);
        Assert.Equal("csv:room:Hall", Assert.Single(program.Rooms).SourceKey);
    }

    [Fact]
    public void Missing_header_is_a_file_error()
    {
        var error = Assert.Throws<ImportFileException>(() => Parse("12,Engines,2026-10-24,09:30,10:15\n"));

        Assert.StartsWith("Line 1:", error.Message);
    }

    [Fact]
    public void Unknown_column_is_a_file_error()
    {
        var error = Assert.Throws<ImportFileException>(() => Parse("talk_id,talk_title,date,start,end,speaker_mail\n"));

        Assert.Contains("unknown column \"speaker_mail\"", error.Message);
    }

    [Fact]
    public void Bad_time_names_the_line()
    {
        var program = Parse("talk_id,talk_title,date,start,end\n1,Fine,2026-10-24,09:00,09:30\n2,Broken,2026-10-24,25:00,26:00\n");

        Assert.Single(program.Events);
        Assert.Equal("Line 3: start 25:00 is not a time.", Assert.Single(program.Rejections).Reason);
    }

    [Fact]
    public void Disagreeing_lines_are_rejected()
    {
        var program = Parse("talk_id,talk_title,date,start,end\n1,One,2026-10-24,09:00,09:30\n1,Other,2026-10-24,09:00,09:30\n");

        Assert.Contains("different title, time, room, track or language than on line 2", Assert.Single(program.Rejections).Reason);
    }

    [Fact]
    public void End_before_start_crosses_midnight()
    {
        var program = Parse("talk_id,talk_title,date,start,end\n1,Late,2026-10-24,23:30,00:30\n");

        Assert.Equal(TimeSpan.FromHours(1), Assert.Single(program.Events).Duration);
    }

    [Fact]
    public void Night_of_clock_change_counts_real_time()
    {
        // Berlin goes from CEST to CET at 03:00 on 2026-10-25: 01:30 to 02:30 local lasts one hour, read at the first 02:30.
        var program = Parse("talk_id,talk_title,date,start,end\n1,Night,2026-10-25,01:30,02:30\n");

        Assert.Equal(TimeSpan.FromHours(1), Assert.Single(program.Events).Duration);
    }

    [Fact]
    public void Unclosed_quote_is_a_file_error()
    {
        var error = Assert.Throws<ImportFileException>(() => Parse("talk_id,talk_title,date,start,end\n1,\"Open,2026-10-24,09:00,09:30\n"));

        Assert.StartsWith("Line", error.Message);
    }

    [Fact]
    public void Latin1_file_is_rejected()
    {
        var bytes = Encoding.Latin1.GetBytes("talk_id,talk_title,date,start,end\n1,Überblick ½ café,2026-10-24,09:00,09:30\n");

        var error = Assert.Throws<ImportFileException>(() => CsvScheduleParser.Parse(new MemoryStream(bytes), "Europe/Berlin"));

        Assert.Equal("The file is not UTF-8: line 2 has bytes that are not valid UTF-8. Save it as UTF-8 and upload it again.", error.Message);
    }

    [Fact]
    public void Utf16_without_bom_is_rejected()
    {
        var bytes = Encoding.Unicode.GetBytes("talk_id,talk_title,date,start,end\n1,Überblick,2026-10-24,09:00,09:30\n");

        var error = Assert.Throws<ImportFileException>(() => CsvScheduleParser.Parse(new MemoryStream(bytes), "Europe/Berlin"));

        Assert.StartsWith("The file is not UTF-8: line 1 ", error.Message);
    }

    [Fact]
    public void Utf16_with_bom_is_read()
    {
        byte[] bytes = [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes("talk_id,talk_title,date,start,end\n1,Überblick,2026-10-24,09:00,09:30\n")];

        var program = CsvScheduleParser.Parse(new MemoryStream(bytes), "Europe/Berlin");

        Assert.Equal("Überblick", Assert.Single(program.Events).Title);
    }

    [Fact]
    public void Unknown_kind_is_rejected()
    {
        var program = Parse("talk_id,talk_title,date,start,end,kind\n1,Opening talk,2026-10-24,09:00,09:30,keynot\n2,Pause,2026-10-24,10:00,10:30,Coffee-Break\n");

        var rejection = Assert.Single(program.Rejections);
        Assert.StartsWith("Line 2: the kind \"keynot\" is unknown. The kinds are talk, lecture,", rejection.Reason);
        Assert.Contains("keynote", rejection.Reason);
        Assert.Equal(SessionKind.Break, Assert.Single(program.Events).Kind);
    }

    [Fact]
    public void Extra_field_rejects_line()
    {
        var program = Parse("talk_id,talk_title,date,start,end\n1,Hello, world,2026-10-24,09:00,09:30\n2,Trailing comma,2026-10-24,10:00,10:30,\n");

        var rejection = Assert.Single(program.Rejections);
        Assert.Equal(ImportItemKind.Line, rejection.Kind);
        Assert.Equal("Line 2: the line has 6 fields, but the header names 5 columns. Put a value that contains a comma in double quotes.", rejection.Reason);
        Assert.Equal("Trailing comma", Assert.Single(program.Events).Title);
    }

    [Fact]
    public void Csv_error_names_line_once()
    {
        var error = Assert.Throws<ImportFileException>(() => Parse("talk_id,talk_title,date,start,end\n1,\"Open,2026-10-24,09:00,09:30\n"));

        Assert.DoesNotContain("Malformed CSV", error.Message);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(error.Message, "line", System.Text.RegularExpressions.RegexOptions.IgnoreCase));
    }

    [Fact]
    public void Email_of_two_speakers_is_rejected()
    {
        var program = Parse("talk_id,talk_title,date,start,end,speaker_id,speaker_name,speaker_email\n"
            + "1,A,2026-10-24,09:00,09:30,S1,Ada,ada@example.org\n"
            + "2,B,2026-10-24,10:00,10:30,S2,Ada L.,ADA@Example.org\n");

        Assert.Equal("csv:speaker:S1", Assert.Single(program.Speakers).SourceKey);
        var rejection = Assert.Single(program.Rejections);
        Assert.Equal(ImportItemKind.Speaker, rejection.Kind);
        Assert.Contains("which line 2 already gives to another speaker", rejection.Reason);
    }

    [Fact]
    public void Day_long_duration_is_shown_in_hours()
    {
        // The end 10:00 is before or at the start, so it is the next day: 25 hours across the night the clocks go back.
        var program = Parse("talk_id,talk_title,date,start,end\nE2,x,2026-10-24,10:00,10:00\n");

        var plan = ImportPlanner.Plan(program, Draft());

        Assert.Contains("the duration 25:00 must be more than 0 and at most 24 hours", Assert.Single(plan.Sessions).Reason);
    }

    [Fact]
    public void Slots_are_listed_by_time()
    {
        var program = Parse("talk_id,talk_title,date,start,end\n1,Late,2026-10-24,11:00,11:30\n2,Early,2026-10-24,09:00,09:30\n");

        var plan = ImportPlanner.Plan(program, Draft());

        Assert.Equal([9, 11], plan.Slots.Select(s => s.Values!.Start.Hour));
    }

    [Fact]
    public void Unreadable_lines_have_own_list()
    {
        var program = Parse("talk_id,talk_title,date,start,end\n,No id,2026-10-24,11:00,11:30\n");

        var plan = ImportPlanner.Plan(program, Draft());

        Assert.Empty(plan.Talks);
        Assert.Equal("Line 2: talk_id is empty.", Assert.Single(plan.Lines).Reason);
        Assert.Equal(1, plan.Count(ImportAction.Rejected));
    }

    private static ImportDraft Draft() => new("Europe/Berlin", new DateOnly(2026, 10, 24), new DateOnly(2026, 10, 25), [], [], [], [], []);

    [Fact]
    public void Track_and_language_columns_are_read()
    {
        var program = Parse(
            "talk_id,talk_title,date,start,end,track,language\n" +
            "12,Engines,2026-10-24,09:30,10:15, Security ,English\n" +
            "13,Looms,2026-10-24,10:30,11:15,,de_ch\n");

        Assert.Equal("Security", program.Events[0].Track);
        Assert.Equal("en", program.Events[0].Language);
        Assert.Null(program.Events[1].Track);
        Assert.Equal("de_ch", program.Events[1].Language);
    }
}
