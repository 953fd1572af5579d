using System.Xml;
using System.Xml.Linq;
using ConferenceApp.Domain;

namespace ConferenceApp.Features.Interop.Import;

/// <summary>
/// Reads a frab schedule XML file, as written by frab, pretalx and /{conference}/schedule.xml. Local
/// times of a file without a time_zone_name are read in <c>defaultZoneId</c>.
/// </summary>
public static class FrabXmlParser
{
    /// <exception cref="ImportFileException">The file is not well-formed XML or has no schedule element.</exception>
    public static ImportedProgram Parse(Stream content, string defaultZoneId)
    {
        var document = Load(content);
        var root = document.Root;
        if (root is null || root.Name.LocalName != "schedule")
        {
            throw new ImportFileException($"The file is XML, but its root element is <{root?.Name.LocalName}> where a frab schedule has <schedule>.");
        }

        var zone = root.Element("conference")?.Element("time_zone_name")?.Value ?? defaultZoneId;
        var reader = new FrabEventReader(zone);
        foreach (var day in root.Elements("day"))
        {
            var dayDate = (string?)day.Attribute("date") ?? "";
            foreach (var room in day.Elements("room"))
            {
                var roomName = (string?)room.Attribute("name");
                reader.AddRoom(roomName);
                foreach (var item in room.Elements("event"))
                {
                    reader.Add(ReadEvent(item, dayDate, roomName));
                }
            }
        }

        return reader.Build();
    }

    private static XDocument Load(Stream content)
    {
        // No DTDs and no external resources: a hostile file can neither expand entities nor make the server fetch anything.
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
        };

        try
        {
            using var reader = XmlReader.Create(content, settings);
            return XDocument.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (XmlException exception)
        {
            throw new ImportFileException($"The file is not valid XML: {exception.Message}");
        }
    }

    private static FrabRawEvent ReadEvent(XElement item, string dayDate, string? roomName) => new(
        (string?)item.Attribute("id"),
        (string?)item.Attribute("guid"),
        dayDate,
        item.Element("date")?.Value,
        item.Element("start")?.Value,
        item.Element("duration")?.Value,
        item.Element("room")?.Value ?? roomName,
        item.Element("title")?.Value,
        item.Element("type")?.Value,
        item.Element("abstract")?.Value,
        [.. (item.Element("persons")?.Elements("person") ?? []).Select(p => new FrabRawPerson((string?)p.Attribute("id"), (string?)p.Attribute("guid"), p.Value))]);
}
