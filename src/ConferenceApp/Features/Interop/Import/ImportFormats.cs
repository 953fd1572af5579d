using ConferenceApp.Domain;

namespace ConferenceApp.Features.Interop.Import;

/// <summary>
/// A file format the import reads: the value the form posts, its label and its parser. The parser
/// gets the conference's time zone for files that state none.
/// </summary>
public sealed record ImportFormat(string Value, string Label, Func<Stream, string, ImportedProgram> Parse);

public static class ImportFormats
{
    public static IReadOnlyList<ImportFormat> All { get; } =
    [
        new("frab-xml", "frab schedule XML", FrabXmlParser.Parse),
        new("frab-json", "frab schedule JSON", FrabJsonParser.Parse),
        new("csv", "CSV of speakers and talks", CsvScheduleParser.Parse),
        new("sessionize", "Sessionize “All data” JSON", SessionizeParser.Parse),
        new("pretalx-widget", "pretalx JSON (schedule widget data)", PretalxWidgetParser.Parse),
    ];

    public static ImportFormat? Find(string? value) => All.FirstOrDefault(f => f.Value == value);
}
