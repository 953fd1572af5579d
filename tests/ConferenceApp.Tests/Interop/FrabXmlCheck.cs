using System.Globalization;
using System.Xml.Linq;

namespace ConferenceApp.Tests.Interop;

/// <summary>The XML rules of <see cref="FrabStructure"/>; one instance checks one document.</summary>
internal sealed class FrabXmlCheck
{
    private static readonly string[] ConferenceRequired = ["title", "acronym"];

    private static readonly string[] ConferenceOptional = ["start", "end", "days", "timeslot_duration", "base_url", "time_zone_name"];

    private static readonly string[] EventRequired = ["room", "title", "subtitle", "type", "date", "start", "duration", "abstract", "slug", "track"];

    private static readonly string[] EventOptional =
        ["logo", "persons", "language", "description", "recording", "links", "attachments", "video_download_url", "url"];

    private readonly FrabUniqueness _unique = new();

    public List<string> Problems => _unique.Problems;

    private void Add(string problem) => _unique.Problems.Add(problem);

    public void Schedule(XElement root)
    {
        if (root.Name != "schedule" || root.Name.Namespace != XNamespace.None)
        {
            Add($"The root element is <{root.Name}>, not <schedule> without a namespace.");
            return;
        }

        // The XSD's sequence: an optional generator, the version, the conference, then one or more days.
        var children = root.Elements().ToList();
        var position = 0;
        if (position < children.Count && children[position].Name == "generator")
        {
            Generator(children[position++]);
        }

        if (position < children.Count && children[position].Name == "version")
        {
            TextOnly(children[position++], "/schedule/version");
        }
        else
        {
            Add("/schedule: <version> is missing or out of order; it must follow the optional <generator>.");
        }

        if (position < children.Count && children[position].Name == "conference")
        {
            Conference(children[position++]);
        }
        else
        {
            Add("/schedule: <conference> is missing or out of order; it must follow <version>.");
        }

        var days = new List<XElement>();
        while (position < children.Count && children[position].Name == "day")
        {
            days.Add(children[position++]);
        }

        if (days.Count == 0)
        {
            Add("/schedule: at least one <day> must follow <conference>.");
        }

        foreach (var extra in children.Skip(position))
        {
            Add($"/schedule: <{extra.Name}> is not allowed here; the order is generator, version, conference, day.");
        }

        var frames = days.Select((day, i) => Day(day, i + 1)).ToList();
        _unique.DaysInsideConference(frames);

        var count = root.Element("conference")?.Element("days")?.Value;
        if (count is not null && count != days.Count.ToString(CultureInfo.InvariantCulture))
        {
            Add($"/schedule/conference/days is {count}, but the document has {days.Count} <day> elements.");
        }
    }

    private void Generator(XElement generator)
    {
        if (generator.Elements().Any() || generator.Nodes().OfType<XText>().Any(t => t.Value.Trim().Length > 0))
        {
            Add("/schedule/generator must be empty; it takes only the attributes name and version.");
        }

        OnlyAttributes(generator, "/schedule/generator", "name", "version");
    }

    private void Conference(XElement conference)
    {
        const string Path = "/schedule/conference";
        ChildrenOnce(conference, Path, ConferenceRequired, ConferenceOptional);
        OnlyAttributes(conference, Path);
        foreach (var child in conference.Elements())
        {
            TextOnly(child, $"{Path}/{child.Name}");
        }

        var acronym = conference.Element("acronym")?.Value;
        if (acronym is not null && !FrabStructure.AcronymPattern().IsMatch(acronym))
        {
            Add($"{Path}/acronym \"{acronym}\" must match ^[a-z0-9_-]+$.");
        }

        foreach (var name in new[] { "start", "end" })
        {
            if (conference.Element(name) is { } date && !FrabStructure.IsDate(date.Value))
            {
                Add($"{Path}/{name} \"{date.Value}\" is not a date (yyyy-MM-dd).");
            }
        }

        if (conference.Element("days") is { } days && !int.TryParse(days.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _))
        {
            Add($"{Path}/days \"{days.Value}\" is not an integer.");
        }

        if (conference.Element("timeslot_duration") is { } step && FrabStructure.DurationOf(step.Value) is null)
        {
            Add($"{Path}/timeslot_duration \"{step.Value}\" is not a duration (HH:MM).");
        }

        if (conference.Element("base_url") is { } baseUrl && !FrabStructure.IsHttpUri(baseUrl.Value))
        {
            Add($"{Path}/base_url \"{baseUrl.Value}\" is not an http or https URI.");
        }

        _unique.ConferenceDates(
            DateOnly.TryParse(conference.Element("start")?.Value, CultureInfo.InvariantCulture, out var start) ? start : null,
            DateOnly.TryParse(conference.Element("end")?.Value, CultureInfo.InvariantCulture, out var end) ? end : null);
    }

    private FrabDayFrame Day(XElement day, int expectedIndex)
    {
        var path = $"/schedule/day[{expectedIndex}]";
        OnlyAttributes(day, path, "index", "date", "start", "end");
        var index = (string?)day.Attribute("index");
        var date = (string?)day.Attribute("date");
        var start = FrabStructure.InstantOf((string?)day.Attribute("start"));
        var end = FrabStructure.InstantOf((string?)day.Attribute("end"));
        if (start is null || end is null)
        {
            Add($"{path}: start and end must be date-times with an offset, such as 2026-06-01T09:00:00+02:00.");
        }

        var dayDate = FrabStructure.IsDate(date) ? DateOnly.ParseExact(date!, "yyyy-MM-dd", CultureInfo.InvariantCulture) : (DateOnly?)null;
        if (dayDate is null)
        {
            Add($"{path}: date \"{date}\" is not a date (yyyy-MM-dd).");
        }

        if (!int.TryParse(index, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number < 1)
        {
            Add($"{path}: index \"{index}\" is not a positive integer.");
        }

        var frame = new FrabDayFrame(path, number, dayDate, start, end);
        _unique.Day(frame, expectedIndex);

        foreach (var child in day.Elements())
        {
            if (child.Name != "room")
            {
                Add($"{path}: <{child.Name}> is not allowed; a day holds only <room> elements.");
                continue;
            }

            var roomName = (string?)child.Attribute("name");
            OnlyAttributes(child, $"{path}/room", "name");
            foreach (var item in child.Elements())
            {
                if (item.Name != "event")
                {
                    Add($"{path}/room \"{roomName}\": <{item.Name}> is not allowed; a room holds only <event> elements.");
                    continue;
                }

                Event(item, frame, roomName);
            }
        }

        return frame;
    }

    private void Event(XElement item, FrabDayFrame day, string? roomName)
    {
        var id = (string?)item.Attribute("id");
        var path = $"{day.Path}/room/event[@id='{id}']";
        OnlyAttributes(item, path, "id", "guid");
        ChildrenOnce(item, path, EventRequired, EventOptional);

        if (!long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number < 1)
        {
            Add($"{path}: id \"{id}\" is not a positive integer.");
        }

        var guid = (string?)item.Attribute("guid");
        if (guid is null || !FrabStructure.UuidPattern().IsMatch(guid))
        {
            Add($"{path}: guid \"{guid}\" is not a UUID.");
        }

        foreach (var name in new[] { "room", "title", "subtitle", "type", "date", "start", "duration", "abstract", "slug", "track", "language", "description", "logo", "url" })
        {
            if (item.Element(name) is { } child)
            {
                TextOnly(child, $"{path}/{name}");
            }
        }

        if (item.Element("room")?.Value is { } room && room != roomName)
        {
            Add($"{path}/room \"{room}\" differs from the name of its <room> element, \"{roomName}\".");
        }

        if (item.Element("language")?.Value is { } language && !FrabStructure.IsLanguage(language))
        {
            Add($"{path}/language \"{language}\" is not a normalized BCP 47 tag.");
        }

        if (item.Element("url")?.Value is { } url && !FrabStructure.IsHttpUri(url))
        {
            Add($"{path}/url \"{url}\" is not an http or https URI.");
        }

        Persons(item.Element("persons"), path);
        Hrefs(item.Element("links"), "link", path);
        Hrefs(item.Element("attachments"), "attachment", path);

        _unique.Event(path, id, guid, item.Element("slug")?.Value, item.Element("date")?.Value, item.Element("start")?.Value,
            item.Element("duration")?.Value, day);
    }

    private void Persons(XElement? persons, string path)
    {
        if (persons is null)
        {
            return;
        }

        foreach (var child in persons.Elements())
        {
            if (child.Name != "person")
            {
                Add($"{path}/persons: <{child.Name}> is not allowed; persons holds only <person> elements.");
                continue;
            }

            OnlyAttributes(child, $"{path}/persons/person", "id");
            var personId = (string?)child.Attribute("id");
            if (personId is not null && (!int.TryParse(personId, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number < 1))
            {
                Add($"{path}/persons/person: id \"{personId}\" is not a positive integer.");
            }

            TextOnly(child, $"{path}/persons/person");
        }
    }

    private void Hrefs(XElement? list, string childName, string path)
    {
        foreach (var child in list?.Elements() ?? [])
        {
            if (child.Name != childName)
            {
                Add($"{path}/{list!.Name}: <{child.Name}> is not allowed; it holds only <{childName}> elements.");
                continue;
            }

            OnlyAttributes(child, $"{path}/{list!.Name}/{childName}", "href");
            TextOnly(child, $"{path}/{list.Name}/{childName}");
        }
    }

    // The XSD's xs:all: each required child exactly once, each optional child at most once, nothing else, in any order.
    private void ChildrenOnce(XElement parent, string path, string[] required, string[] optional)
    {
        foreach (var group in parent.Elements().GroupBy(e => e.Name))
        {
            var name = group.Key.LocalName;
            if (group.Key.Namespace != XNamespace.None || (!required.Contains(name) && !optional.Contains(name)))
            {
                Add($"{path}: <{group.Key}> is not allowed.");
            }
            else if (group.Count() > 1)
            {
                Add($"{path}: <{name}> occurs {group.Count()} times; it may occur once.");
            }
        }

        foreach (var name in required.Where(n => parent.Element(n) is null))
        {
            Add($"{path}: the required <{name}> is missing.");
        }
    }

    private void OnlyAttributes(XElement element, string path, params string[] allowed)
    {
        foreach (var attribute in element.Attributes().Where(a => !a.IsNamespaceDeclaration))
        {
            if (attribute.Name.Namespace != XNamespace.None || !allowed.Contains(attribute.Name.LocalName))
            {
                Add($"{path}: the attribute {attribute.Name} is not allowed.");
            }
        }
    }

    private void TextOnly(XElement element, string path)
    {
        if (element.HasElements)
        {
            Add($"{path} must contain text only, not elements.");
        }
    }
}
