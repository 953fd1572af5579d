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

        Assert.Contains("different title, time or room than on line 2", Assert.Single(program.Rejections).Reason);
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
}
