using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using ConferenceApp.Domain;

namespace ConferenceApp.Tests.Interop;

/// <summary>
/// Checks the structure of frab schedule exports, XML and JSON. The rules follow the c3voc
/// schedule schemas (github.com/voc/schedule, validator/xsd/schedule.xml.xsd and
/// validator/json/schema.json) for the fields this app writes. They cover element and property
/// names, the XSD's order, required and forbidden fields, value formats and the uniqueness of
/// ids, guids, slugs and day indexes. They add checks the schemas cannot state: day indexes
/// count from 1, every event lies inside its day, and counts and names agree. Each method returns
/// every problem as one line with its place, so an assert on an empty list names them all.
/// </summary>
public static partial class FrabStructure
{
    /// <summary>Returns the structural problems of an XML export; a document that is not well-formed XML gives one line.</summary>
    public static List<string> XmlProblems(byte[] xml)
    {
        XDocument document;
        try
        {
            document = ParseXml(xml);
        }
        catch (XmlException e)
        {
            return [$"Not well-formed: {e.Message}"];
        }

        var check = new FrabXmlCheck();
        check.Schedule(document.Root!);
        return check.Problems;
    }

    /// <summary>Returns the structural problems of a JSON export; a document that is not JSON gives one line.</summary>
    public static List<string> JsonProblems(byte[] json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            return [$"Not JSON: {e.Message}"];
        }

        using (document)
        {
            var check = new FrabJsonCheck();
            check.Root(document.RootElement);
            return check.Problems;
        }
    }

    /// <summary>Parses an export; <see cref="XmlProblems"/> reports what it contains wrongly.</summary>
    public static XDocument ParseXml(byte[] xml) => XDocument.Load(new MemoryStream(xml));

    // The value formats both schemas use.
    [GeneratedRegex("^[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}$")]
    internal static partial Regex UuidPattern();

    // The XSD's dateTimeTZ: an ISO 8601 date and time that ends with Z or an offset.
    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{1,2}:\d{2})$")]
    internal static partial Regex DateTimeWithOffsetPattern();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}$")]
    internal static partial Regex DatePattern();

    // The XSD's "start": HH:MM with an optional :SS.
    [GeneratedRegex("^[0-2][0-9]:[0-5][0-9](:[0-5][0-9])?$")]
    internal static partial Regex StartPattern();

    // The JSON schema's Duration (hours:minutes); the XSD also allows H:MM:SS, which the app never writes.
    [GeneratedRegex("^[0-9]+:[0-9]{2}$")]
    internal static partial Regex DurationPattern();

    // The JSON schema's acronym pattern, which the app's acronyms must meet in both formats.
    [GeneratedRegex("^[a-z0-9_-]+$")]
    internal static partial Regex AcronymPattern();

    // The later JSON schema's slug pattern: lower-case letters, digits, "_" and "-", not ending in "-" or "_".
    [GeneratedRegex("^[a-z0-9_-]+[a-z0-9]$")]
    internal static partial Regex SlugPattern();

    // The JSON schema's time_zone_name pattern exactly as written; its anchors bind to one alternative each.
    [GeneratedRegex("^([A-Z][a-z]+/[A-Z][a-z]+)|UTC$")]
    internal static partial Regex ZoneNamePattern();

    internal static bool IsDate(string? value) =>
        value is not null && DatePattern().IsMatch(value)
        && DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    internal static DateTimeOffset? InstantOf(string? value) =>
        value is not null && DateTimeWithOffsetPattern().IsMatch(value)
        && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant)
            ? instant
            : null;

    internal static bool IsHttpUri(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    internal static bool IsLanguage(string value) =>
        value.Length == 0 || (LanguageTag.TryNormalize(value, out var normalized) && normalized == value);

    internal static TimeSpan? DurationOf(string? value)
    {
        if (value is null || !DurationPattern().IsMatch(value))
        {
            return null;
        }

        var parts = value.Split(':');
        var minutes = int.Parse(parts[1], CultureInfo.InvariantCulture);
        return minutes < 60 ? TimeSpan.FromHours(int.Parse(parts[0], CultureInfo.InvariantCulture)) + TimeSpan.FromMinutes(minutes) : null;
    }
}
