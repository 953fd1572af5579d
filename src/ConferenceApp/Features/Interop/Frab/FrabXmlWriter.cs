using System.Globalization;
using System.Text;
using System.Xml;

namespace ConferenceApp.Features.Interop.Frab;

/// <summary>
/// Writes the frab schedule XML that the c3voc schema (validator/xsd/schedule.xml.xsd of
/// github.com/voc/schedule) defines, as read by Giggity, ConfClerk and the c3voc tools.
/// </summary>
public static class FrabXmlWriter
{
    public const string ContentType = "application/xml; charset=utf-8";

    /// <summary>Writes the schedule as UTF-8 without a byte order mark.</summary>
    /// <exception cref="ArgumentException">A text contains a character that XML 1.0 forbids, which <see cref="FrabText.Clean"/> would have removed.</exception>
    public static byte[] Write(FrabSchedule schedule)
    {
        var settings = new XmlWriterSettings
        {
            Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
            Indent = true,
            CheckCharacters = true,
        };

        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, settings))
        {
            writer.WriteStartDocument();
            writer.WriteStartElement("schedule");

            writer.WriteStartElement("generator");
            writer.WriteAttributeString("name", "ConferenceApp");
            writer.WriteEndElement();

            writer.WriteElementString("version", schedule.Version);
            WriteConference(writer, schedule);
            foreach (var day in schedule.Days)
            {
                WriteDay(writer, day);
            }

            writer.WriteEndElement();
            writer.WriteEndDocument();
        }

        return buffer.ToArray();
    }

    private static void WriteConference(XmlWriter writer, FrabSchedule schedule)
    {
        var conference = schedule.Conference;
        writer.WriteStartElement("conference");
        writer.WriteElementString("title", conference.Title);
        writer.WriteElementString("acronym", conference.Acronym);
        writer.WriteElementString("start", Date(conference.Start));
        writer.WriteElementString("end", Date(conference.End));
        writer.WriteElementString("days", schedule.Days.Count.ToString(CultureInfo.InvariantCulture));
        writer.WriteElementString("timeslot_duration", FrabText.Duration(conference.TimeslotDuration));
        writer.WriteElementString("time_zone_name", conference.TimeZoneName);
        writer.WriteElementString("base_url", schedule.BaseUrl);
        writer.WriteEndElement();
    }

    private static void WriteDay(XmlWriter writer, FrabDay day)
    {
        writer.WriteStartElement("day");
        writer.WriteAttributeString("index", day.Index.ToString(CultureInfo.InvariantCulture));
        writer.WriteAttributeString("date", Date(day.Date));
        writer.WriteAttributeString("start", Instant(day.Start));
        writer.WriteAttributeString("end", Instant(day.End));

        foreach (var room in day.Rooms)
        {
            writer.WriteStartElement("room");
            writer.WriteAttributeString("name", room.Name);
            foreach (var item in room.Events)
            {
                WriteEvent(writer, item);
            }

            writer.WriteEndElement();
        }

        writer.WriteEndElement();
    }

    private static void WriteEvent(XmlWriter writer, FrabEvent item)
    {
        writer.WriteStartElement("event");
        writer.WriteAttributeString("id", item.Id.ToString(CultureInfo.InvariantCulture));
        writer.WriteAttributeString("guid", item.Uuid.ToString("D"));

        writer.WriteElementString("date", Instant(item.Start));
        writer.WriteElementString("start", item.LocalStart.ToString("HH:mm", CultureInfo.InvariantCulture));
        writer.WriteElementString("duration", FrabText.Duration(item.Duration));
        writer.WriteElementString("room", item.Room);
        writer.WriteElementString("slug", item.Slug);
        writer.WriteElementString("url", item.Url);
        writer.WriteElementString("title", item.Title);
        writer.WriteElementString("subtitle", "");
        writer.WriteElementString("track", item.Track);
        writer.WriteElementString("type", item.Type);
        writer.WriteElementString("language", item.Language);
        writer.WriteElementString("abstract", item.Abstract);
        writer.WriteElementString("description", "");

        writer.WriteStartElement("persons");
        foreach (var person in item.Persons)
        {
            writer.WriteStartElement("person");
            writer.WriteAttributeString("id", person.Id.ToString(CultureInfo.InvariantCulture));
            writer.WriteString(person.Name);
            writer.WriteEndElement();
        }

        writer.WriteEndElement();

        writer.WriteStartElement("links");
        writer.WriteEndElement();
        writer.WriteStartElement("attachments");
        writer.WriteEndElement();

        writer.WriteEndElement();
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    // ISO 8601 with the offset in force at that instant, such as 2026-10-25T02:30:00+01:00.
    private static string Instant(DateTimeOffset instant) => instant.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
}
