using System.Globalization;
using System.Text.Json;

namespace ConferenceApp.Tests.Interop;

/// <summary>The JSON rules of <see cref="FrabStructure"/>; one instance checks one document.</summary>
internal sealed class FrabJsonCheck
{
    private static readonly string[] ConferenceRequired = ["title", "acronym", "days", "daysCount", "start", "end", "timeslot_duration"];

    private static readonly string[] ConferenceOptional =
        ["description", "time_zone_name", "logo", "colors", "keywords", "url", "tracks", "rooms", "meta"];

    private static readonly string[] DayProperties = ["index", "date", "day_start", "day_end", "rooms"];

    // Required by the schema version the exports were first checked against; the later version requires fewer.
    private static readonly string[] EventRequired =
    [
        "abstract", "answers", "attachments", "date", "description", "do_not_record", "duration", "guid", "id", "language",
        "links", "logo", "persons", "recording_license", "room", "slug", "start", "subtitle", "title", "track", "type", "url",
    ];

    private static readonly string[] EventOptional = ["do_not_stream"];

    private static readonly string[] EventStrings =
        ["logo", "room", "slug", "url", "title", "subtitle", "track", "type", "language", "abstract", "description", "recording_license"];

    private readonly FrabUniqueness _unique = new();
    private readonly HashSet<string> _roomNames = new(StringComparer.Ordinal);
    private readonly HashSet<string> _trackNames = new(StringComparer.Ordinal);

    public List<string> Problems => _unique.Problems;

    private void Add(string problem) => _unique.Problems.Add(problem);

    public void Root(JsonElement root)
    {
        if (!IsObject(root, "$"))
        {
            return;
        }

        OnlyProperties(root, "$", ["schedule"], ["$schema", "generator"]);
        if (root.TryGetProperty("schedule", out var schedule) && IsObject(schedule, "$.schedule"))
        {
            Schedule(schedule);
        }
    }

    private void Schedule(JsonElement schedule)
    {
        // The schedule object allows more properties, except "rooms", which belongs to the conference.
        String(schedule, "$.schedule", "version", required: true);
        if (String(schedule, "$.schedule", "base_url", required: true) is { } baseUrl && !FrabStructure.IsHttpUri(baseUrl))
        {
            Add($"$.schedule.base_url \"{baseUrl}\" is not an http or https URI.");
        }

        if (schedule.TryGetProperty("rooms", out _))
        {
            Add("$.schedule.rooms is not allowed; the rooms belong to the conference.");
        }

        if (!schedule.TryGetProperty("conference", out var conference))
        {
            Add("$.schedule: the required property conference is missing.");
        }
        else if (IsObject(conference, "$.schedule.conference"))
        {
            Conference(conference);
        }
    }

    private void Conference(JsonElement conference)
    {
        const string Path = "$.schedule.conference";
        OnlyProperties(conference, Path, ConferenceRequired, ConferenceOptional);
        String(conference, Path, "title", required: true);
        if (String(conference, Path, "acronym", required: true) is { } acronym && !FrabStructure.AcronymPattern().IsMatch(acronym))
        {
            Add($"{Path}.acronym \"{acronym}\" must match ^[a-z0-9_-]+$.");
        }

        var start = Date(conference, Path, "start");
        var end = Date(conference, Path, "end");
        _unique.ConferenceDates(start, end);

        if (String(conference, Path, "timeslot_duration", required: true) is { } step && FrabStructure.DurationOf(step) is null)
        {
            Add($"{Path}.timeslot_duration \"{step}\" is not a duration (HH:MM).");
        }

        if (String(conference, Path, "time_zone_name", required: false) is { } zone && !FrabStructure.ZoneNamePattern().IsMatch(zone))
        {
            Add($"{Path}.time_zone_name \"{zone}\" does not match the schema's pattern.");
        }

        if (String(conference, Path, "url", required: false) is { } url && !FrabStructure.IsHttpUri(url))
        {
            Add($"{Path}.url \"{url}\" is not an http or https URI.");
        }

        Rooms(conference, Path);
        Tracks(conference, Path);

        if (!conference.TryGetProperty("days", out var days) || days.ValueKind != JsonValueKind.Array)
        {
            Add($"{Path}.days must be an array.");
            return;
        }

        if (!conference.TryGetProperty("daysCount", out var count) || !count.TryGetInt32(out var number) || number != days.GetArrayLength())
        {
            Add($"{Path}.daysCount must be the integer {days.GetArrayLength()}, the length of days.");
        }

        var frames = days.EnumerateArray().Select((day, i) => Day(day, i + 1)).OfType<FrabDayFrame>().ToList();
        _unique.DaysInsideConference(frames);
    }

    private void Rooms(JsonElement conference, string path)
    {
        if (!conference.TryGetProperty("rooms", out var rooms))
        {
            return;
        }

        if (rooms.ValueKind != JsonValueKind.Array)
        {
            Add($"{path}.rooms must be an array.");
            return;
        }

        var guids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var index = 0;
        foreach (var room in rooms.EnumerateArray())
        {
            var roomPath = $"{path}.rooms[{index++}]";
            if (!IsObject(room, roomPath))
            {
                continue;
            }

            OnlyProperties(room, roomPath, ["name", "guid"], ["description", "capacity"]);
            if (String(room, roomPath, "name", required: true) is { } name && !_roomNames.Add(name))
            {
                Add($"{roomPath}: the name \"{name}\" is used by another room.");
            }

            var guid = String(room, roomPath, "guid", required: true);
            if (guid is not null && (!FrabStructure.UuidPattern().IsMatch(guid) || !guids.Add(guid)))
            {
                Add($"{roomPath}: guid \"{guid}\" is not a UUID or is used by another room.");
            }
        }
    }

    private void Tracks(JsonElement conference, string path)
    {
        if (!conference.TryGetProperty("tracks", out var tracks))
        {
            return;
        }

        if (tracks.ValueKind != JsonValueKind.Array)
        {
            Add($"{path}.tracks must be an array.");
            return;
        }

        var index = 0;
        foreach (var track in tracks.EnumerateArray())
        {
            var trackPath = $"{path}.tracks[{index++}]";
            if (IsObject(track, trackPath) && String(track, trackPath, "name", required: true) is { } name && !_trackNames.Add(name))
            {
                Add($"{trackPath}: the track \"{name}\" is listed twice.");
            }

            if (track.ValueKind == JsonValueKind.Object)
            {
                String(track, trackPath, "color", required: false);
            }
        }
    }

    private FrabDayFrame? Day(JsonElement day, int expectedIndex)
    {
        var path = $"$.schedule.conference.days[{expectedIndex - 1}]";
        if (!IsObject(day, path))
        {
            return null;
        }

        OnlyProperties(day, path, DayProperties, []);
        var index = day.TryGetProperty("index", out var value) && value.TryGetInt32(out var number) ? number : 0;
        if (index == 0)
        {
            Add($"{path}.index must be an integer from 1.");
        }

        var start = Instant(day, path, "day_start");
        var end = Instant(day, path, "day_end");
        var frame = new FrabDayFrame(path, index, Date(day, path, "date"), start, end);
        _unique.Day(frame, expectedIndex);

        if (!day.TryGetProperty("rooms", out var rooms) || rooms.ValueKind != JsonValueKind.Object)
        {
            Add($"{path}.rooms must be an object of room names to arrays of events.");
            return frame;
        }

        foreach (var room in rooms.EnumerateObject())
        {
            var roomPath = $"{path}.rooms[\"{room.Name}\"]";
            if (_roomNames.Count > 0 && !_roomNames.Contains(room.Name))
            {
                Add($"{roomPath}: the room is not in the conference's rooms.");
            }

            if (room.Value.ValueKind != JsonValueKind.Array)
            {
                Add($"{roomPath} must be an array of events.");
                continue;
            }

            var position = 0;
            foreach (var item in room.Value.EnumerateArray())
            {
                Event(item, $"{roomPath}[{position++}]", room.Name, frame);
            }
        }

        return frame;
    }

    private void Event(JsonElement item, string path, string roomName, FrabDayFrame day)
    {
        if (!IsObject(item, path))
        {
            return;
        }

        OnlyProperties(item, path, EventRequired, EventOptional);
        foreach (var name in EventStrings)
        {
            String(item, path, name, required: false);
        }

        string? id = null;
        if (item.TryGetProperty("id", out var idValue))
        {
            if (idValue.ValueKind == JsonValueKind.Number && idValue.TryGetInt64(out var number) && number >= 1)
            {
                id = number.ToString(CultureInfo.InvariantCulture);
            }
            else
            {
                Add($"{path}.id {idValue.GetRawText()} is not an integer from 1.");
            }
        }

        var guid = String(item, path, "guid", required: false);
        if (guid is not null && !FrabStructure.UuidPattern().IsMatch(guid))
        {
            Add($"{path}.guid \"{guid}\" is not a UUID.");
        }

        if (String(item, path, "room", required: false) is { } room && room != roomName)
        {
            Add($"{path}.room \"{room}\" differs from the key of its room, \"{roomName}\".");
        }

        if (String(item, path, "url", required: false) is { } url && !FrabStructure.IsHttpUri(url))
        {
            Add($"{path}.url \"{url}\" is not an http or https URI.");
        }

        if (String(item, path, "language", required: false) is { } language && !FrabStructure.IsLanguage(language))
        {
            Add($"{path}.language \"{language}\" is not a normalized BCP 47 tag.");
        }

        if (String(item, path, "track", required: false) is { Length: > 0 } track && !_trackNames.Contains(track))
        {
            Add($"{path}.track \"{track}\" is not in the conference's tracks.");
        }

        if (item.TryGetProperty("do_not_record", out var record) && record.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            Add($"{path}.do_not_record must be true or false.");
        }

        Persons(item, path);
        foreach (var list in new[] { "links", "attachments", "answers" })
        {
            if (item.TryGetProperty(list, out var value) && value.ValueKind != JsonValueKind.Array)
            {
                Add($"{path}.{list} must be an array.");
            }
        }

        _unique.Event(path, id, guid, String(item, path, "slug", required: false), String(item, path, "date", required: false),
            String(item, path, "start", required: false), String(item, path, "duration", required: false), day);
    }

    // A person is frab's {id, public_name} or pretalx's {name, …}; the app writes frab's.
    private void Persons(JsonElement item, string path)
    {
        if (!item.TryGetProperty("persons", out var persons))
        {
            return;
        }

        if (persons.ValueKind != JsonValueKind.Array)
        {
            Add($"{path}.persons must be an array.");
            return;
        }

        var index = 0;
        foreach (var person in persons.EnumerateArray())
        {
            var personPath = $"{path}.persons[{index++}]";
            if (!IsObject(person, personPath))
            {
                continue;
            }

            var isFrab = person.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.Number && id.TryGetInt32(out _)
                && person.TryGetProperty("public_name", out var publicName) && publicName.ValueKind == JsonValueKind.String;
            var isPretalx = person.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String;
            if (!isFrab && !isPretalx)
            {
                Add($"{personPath} needs an integer id and a string public_name, or a string name.");
            }
        }
    }

    private bool IsObject(JsonElement element, string path)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            return true;
        }

        Add($"{path} must be an object, not {element.ValueKind}.");
        return false;
    }

    private void OnlyProperties(JsonElement element, string path, string[] required, string[] optional)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            if (!seen.Add(property.Name))
            {
                Add($"{path}: the property {property.Name} occurs twice.");
            }

            if (!required.Contains(property.Name) && !optional.Contains(property.Name))
            {
                Add($"{path}: the property {property.Name} is not allowed.");
            }
        }

        foreach (var name in required.Where(n => !seen.Contains(n)))
        {
            Add($"{path}: the required property {name} is missing.");
        }
    }

    // Returns the string value of a property; a value of another JSON type is a problem, and so is a missing required one.
    private string? String(JsonElement parent, string path, string name, bool required)
    {
        if (!parent.TryGetProperty(name, out var value))
        {
            if (required)
            {
                Add($"{path}: the required property {name} is missing.");
            }

            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            Add($"{path}.{name} must be a string, not {value.ValueKind}.");
            return null;
        }

        return value.GetString();
    }

    private DateOnly? Date(JsonElement parent, string path, string name)
    {
        var text = String(parent, path, name, required: false);
        if (!FrabStructure.IsDate(text))
        {
            Add($"{path}.{name} \"{text}\" is not a date (yyyy-MM-dd).");
            return null;
        }

        return DateOnly.ParseExact(text!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    private DateTimeOffset? Instant(JsonElement parent, string path, string name)
    {
        var text = String(parent, path, name, required: false);
        var instant = FrabStructure.InstantOf(text);
        if (instant is null)
        {
            Add($"{path}.{name} \"{text}\" is not a date-time with an offset.");
        }

        return instant;
    }
}
