using System.Text.Json;
using ConferenceApp.Domain;

namespace ConferenceApp.Features.Interop.Import;

/// <summary>
/// Reads a frab schedule JSON file, as written by frab, pretalx and /{conference}/schedule.json. Local
/// times of a file without a time_zone_name are read in <c>defaultZoneId</c>.
/// </summary>
public static class FrabJsonParser
{
    /// <exception cref="ImportFileException">The file is not JSON or has no schedule object.</exception>
    public static ImportedProgram Parse(Stream content, string defaultZoneId)
    {
        using var document = ImportJson.Load(content);
        if (document.RootElement.ValueKind != JsonValueKind.Object
            || !document.RootElement.TryGetProperty("schedule", out var schedule) || schedule.ValueKind != JsonValueKind.Object
            || !schedule.TryGetProperty("conference", out var conference) || conference.ValueKind != JsonValueKind.Object)
        {
            throw new ImportFileException("The file is JSON, but it has no \"schedule\" object with a \"conference\" inside, as a frab schedule has.");
        }

        var reader = new FrabEventReader(String(conference, "time_zone_name") ?? defaultZoneId);
        foreach (var room in Array(conference, "rooms"))
        {
            reader.AddRoom(String(room, "name"));
        }

        foreach (var day in Array(conference, "days"))
        {
            var dayDate = String(day, "date") ?? "";
            if (!day.TryGetProperty("rooms", out var rooms) || rooms.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            foreach (var room in rooms.EnumerateObject())
            {
                reader.AddRoom(room.Name);
                if (room.Value.ValueKind != JsonValueKind.Array)
                {
                    continue;
                }

                foreach (var item in room.Value.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object))
                {
                    reader.Add(ReadEvent(item, dayDate, room.Name));
                }
            }
        }

        return reader.Build();
    }

    private static FrabRawEvent ReadEvent(JsonElement item, string dayDate, string roomName) => new(
        String(item, "id"),
        String(item, "guid"),
        dayDate,
        String(item, "date"),
        String(item, "start"),
        String(item, "duration"),
        String(item, "room") ?? roomName,
        String(item, "title"),
        String(item, "type"),
        String(item, "abstract"),
        [.. Array(item, "persons").Select(p => new FrabRawPerson(String(p, "id"), String(p, "guid"), String(p, "public_name") ?? String(p, "name")))],
        TypeErrors(item),
        String(item, "track"),
        String(item, "language"));

    // The JSON types a frab event's fields may have; null counts as missing. frab writes ids as numbers, pretalx as numbers or text.
    private static readonly (string Field, string Expected, JsonValueKind[] Kinds)[] FieldTypes =
    [
        ("id", "a number or a string", [JsonValueKind.Number, JsonValueKind.String]),
        ("guid", "a string", [JsonValueKind.String]),
        ("date", "a string", [JsonValueKind.String]),
        ("start", "a string", [JsonValueKind.String]),
        ("duration", "a string", [JsonValueKind.String]),
        ("room", "a string", [JsonValueKind.String]),
        ("title", "a string", [JsonValueKind.String]),
        ("type", "a string", [JsonValueKind.String]),
        ("abstract", "a string", [JsonValueKind.String]),
        ("track", "a string", [JsonValueKind.String]),
        ("language", "a string", [JsonValueKind.String]),
        ("persons", "an array of objects", [JsonValueKind.Array]),
    ];

    private static List<string> TypeErrors(JsonElement item)
    {
        var errors = new List<string>();
        foreach (var (field, expected, kinds) in FieldTypes)
        {
            if (item.TryGetProperty(field, out var value) && value.ValueKind != JsonValueKind.Null && !kinds.Contains(value.ValueKind))
            {
                errors.Add($"\"{field}\" is {KindName(value.ValueKind)} where {expected} is expected");
            }
        }

        return errors;
    }

    private static string KindName(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        _ => kind.ToString().ToLowerInvariant(),
    };

    private static IEnumerable<JsonElement> Array(JsonElement parent, string name) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object)
            : [];

    // Numbers are read as their text, so an id of 12 and "12" give the same key; other kinds read as missing.
    private static string? String(JsonElement parent, string name)
    {
        if (parent.ValueKind != JsonValueKind.Object || !parent.TryGetProperty(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        };
    }
}
