using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace ConferenceApp.Features.Interop.Frab;

/// <summary>
/// Writes the frab schedule JSON that the c3voc schema (validator/json/schema.json of
/// github.com/voc/schedule) defines. The schema forbids properties it does not list and requires
/// some that the app has no data for (logo, recording_license), which are written empty, as are
/// track and language for a session without them. The conference's "tracks" list is in the
/// schema's later versions only.
/// </summary>
public static partial class FrabJsonWriter
{
    public const string ContentType = "application/json; charset=utf-8";

    public const string SchemaUrl = "https://c3voc.de/schedule/schema.json";

    /// <summary>Writes the schedule as indented UTF-8 JSON.</summary>
    public static byte[] Write(FrabSchedule schedule)
    {
        using var buffer = new MemoryStream();
        // The relaxed encoder writes "+02:00", "&" and non-ASCII letters as they are instead of as
        // \u escapes. That is safe because the document is served as application/json and never
        // embedded in HTML; control characters and quotes are still escaped.
        var options = new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        using (var writer = new Utf8JsonWriter(buffer, options))
        {
            writer.WriteStartObject();
            writer.WriteString("$schema", SchemaUrl);
            writer.WriteStartObject("schedule");
            writer.WriteString("version", schedule.Version);
            writer.WriteString("base_url", schedule.BaseUrl);
            WriteConference(writer, schedule);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    /// <summary>
    /// True when the schema's pattern for time_zone_name accepts the zone id, as it does
    /// "Europe/Berlin" and "America/New_York" but not "Etc/GMT+2". The schema makes the field
    /// optional, so such a zone is left out, and each event's date still carries its offset.
    /// </summary>
    public static bool IsAcceptedZoneName(string zoneId) => ZoneNamePattern().IsMatch(zoneId);

    // The pattern exactly as the schema writes it. Its anchors bind to one alternative each, so a prefix such as "America/New" is enough.
    [GeneratedRegex("^([A-Z][a-z]+/[A-Z][a-z]+)|UTC$", RegexOptions.CultureInvariant)]
    private static partial Regex ZoneNamePattern();

    private static void WriteConference(Utf8JsonWriter writer, FrabSchedule schedule)
    {
        var conference = schedule.Conference;
        writer.WriteStartObject("conference");
        writer.WriteString("acronym", conference.Acronym);
        writer.WriteString("title", conference.Title);
        writer.WriteString("start", Date(conference.Start));
        writer.WriteString("end", Date(conference.End));
        writer.WriteNumber("daysCount", schedule.Days.Count);
        writer.WriteString("timeslot_duration", FrabText.Duration(conference.TimeslotDuration));
        if (IsAcceptedZoneName(conference.TimeZoneName))
        {
            writer.WriteString("time_zone_name", conference.TimeZoneName);
        }

        writer.WriteString("url", schedule.BaseUrl);

        writer.WriteStartArray("tracks");
        foreach (var track in conference.Tracks)
        {
            writer.WriteStartObject();
            writer.WriteString("name", track);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();

        writer.WriteStartArray("rooms");
        foreach (var room in schedule.Rooms)
        {
            writer.WriteStartObject();
            writer.WriteString("name", room.Name);
            writer.WriteString("guid", room.Uuid.ToString("D"));
            writer.WriteEndObject();
        }

        writer.WriteEndArray();

        writer.WriteStartArray("days");
        foreach (var day in schedule.Days)
        {
            WriteDay(writer, day);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteDay(Utf8JsonWriter writer, FrabDay day)
    {
        writer.WriteStartObject();
        writer.WriteNumber("index", day.Index);
        writer.WriteString("date", Date(day.Date));
        writer.WriteString("day_start", Instant(day.Start));
        writer.WriteString("day_end", Instant(day.End));

        writer.WriteStartObject("rooms");
        foreach (var room in day.Rooms)
        {
            writer.WriteStartArray(room.Name);
            foreach (var item in room.Events)
            {
                WriteEvent(writer, item);
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void WriteEvent(Utf8JsonWriter writer, FrabEvent item)
    {
        writer.WriteStartObject();
        writer.WriteNumber("id", item.Id);
        writer.WriteString("guid", item.Uuid.ToString("D"));
        writer.WriteString("date", Instant(item.Start));
        writer.WriteString("start", item.LocalStart.ToString("HH:mm", CultureInfo.InvariantCulture));
        writer.WriteString("duration", FrabText.Duration(item.Duration));
        writer.WriteString("room", item.Room);
        writer.WriteString("slug", item.Slug);
        writer.WriteString("url", item.Url);
        writer.WriteString("title", item.Title);
        writer.WriteString("subtitle", "");
        writer.WriteString("track", item.Track);
        writer.WriteString("type", item.Type);
        writer.WriteString("language", item.Language);
        writer.WriteString("abstract", item.Abstract);
        writer.WriteString("description", "");
        writer.WriteString("logo", "");
        writer.WriteString("recording_license", "");
        writer.WriteBoolean("do_not_record", false);

        writer.WriteStartArray("persons");
        foreach (var person in item.Persons)
        {
            writer.WriteStartObject();
            writer.WriteNumber("id", person.Id);
            writer.WriteString("public_name", person.Name);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();

        writer.WriteStartArray("links");
        writer.WriteEndArray();
        writer.WriteStartArray("attachments");
        writer.WriteEndArray();
        writer.WriteStartArray("answers");
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Instant(DateTimeOffset instant) => instant.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
}
