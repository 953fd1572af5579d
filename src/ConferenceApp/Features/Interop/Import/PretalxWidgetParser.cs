using System.Globalization;
using System.Text.Json;
using ConferenceApp.Domain;

namespace ConferenceApp.Features.Interop.Import;

/// <summary>
/// Reads the JSON behind pretalx's schedule widget (/{event}/schedule/widgets/schedule.json), as
/// pretalx's Schedule.build_data writes it: top-level arrays of talks, speakers, rooms and tracks,
/// and the event's timezone. A talk has a submission code, which becomes its source key. A break
/// or other slot without a submission has no code and only a slot id, which pretalx renews with
/// every schedule release, so breaks are keyed by room, day and order instead.
/// </summary>
public static class PretalxWidgetParser
{
    /// <summary>Submission states that belong on a schedule. A file of a released schedule has no state at all.</summary>
    private static readonly string[] ScheduledStates = ["accepted", "confirmed"];

    private sealed record ReadItem(int Position, string? Code, string Label, string Title, string? Abstract, SessionKind Kind, DateTimeOffset Start, DateTimeOffset End, string? RoomId, IReadOnlyList<string> Speakers)
    {
        public string? Track { get; init; }

        public string? Language { get; init; }
    }

    /// <exception cref="ImportFileException">The file is not JSON or has no "talks" array.</exception>
    public static ImportedProgram Parse(Stream content, string conferenceZoneId)
    {
        using var document = ImportJson.Load(content);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("talks", out var talks) || talks.ValueKind != JsonValueKind.Array)
        {
            var hint = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("schedule", out _)
                ? " It looks like a frab schedule JSON file, which pretalx also writes: choose the format \"frab schedule JSON\"."
                : "";
            throw new ImportFileException($"The file is JSON, but it has no \"talks\" array at the top, as pretalx's schedule widget data has.{hint}");
        }

        var fileZone = Text.Clean(ImportJson.TextOf(root, "timezone"));
        var clock = new ConferenceClock(ConferenceClock.FindZone(fileZone) is null ? conferenceZoneId : fileZone!);
        var rejections = new List<ImportRejection>();
        var rooms = ReadRooms(root, rejections);
        var speakers = ReadSpeakers(root, rejections);

        var tracks = ReadTracks(root);
        var items = new List<ReadItem>();
        var position = 0;
        foreach (var talk in ImportJson.Elements(root, "talks"))
        {
            position++;
            if (talk.ValueKind != JsonValueKind.Object)
            {
                var entry = $"Talk {position}";
                rejections.Add(new ImportRejection(ImportItemKind.Session, entry, $"{entry}: the entry of \"talks\" is a JSON {talk.ValueKind.ToString().ToLowerInvariant()}, not an object."));
                continue;
            }

            var item = ReadTalk(talk, position, clock, rooms, out var label, out var reason);
            if (item is not null)
            {
                // A talk names its track by id; the language is the submission's content locale.
                var trackId = Text.Clean(ImportJson.TextOf(talk, "track"));
                items.Add(item with
                {
                    Track = trackId is null ? null : tracks.GetValueOrDefault(trackId),
                    Language = ImportLanguages.ToTag(ImportJson.TextOf(talk, "content_locale") ?? ImportJson.TextOf(talk, "language")),
                });
                continue;
            }

            var title = Text.Clean(ImportJson.Localized(talk, "title"));
            var named = title is null ? label : $"{label} ({Shorten(title)})";
            rejections.Add(new ImportRejection(ImportItemKind.Session, named, $"{named}: {reason}."));
        }

        var notes = ConferenceClock.FindZone(fileZone) is null
            ? [$"The file names no known time zone ({fileZone ?? "none"}). Times without an offset were read in the conference's time zone, {conferenceZoneId}."]
            : new List<string>();
        return new ImportedProgram(ConferenceClock.FindZone(fileZone) is null ? null : clock.TimeZoneId, [.. rooms.Values], speakers,
            ToEvents(items, clock), rejections, notes);
    }

    private static Dictionary<string, ImportedRoom> ReadRooms(JsonElement root, List<ImportRejection> rejections)
    {
        var rooms = new Dictionary<string, ImportedRoom>(StringComparer.Ordinal);
        foreach (var room in ImportJson.Objects(root, "rooms"))
        {
            var id = Text.Clean(ImportJson.TextOf(room, "id"));
            var name = ImportJson.Localized(room, "name") ?? "";
            var label = $"Room {Text.Clean(name) ?? id ?? "without id"}";
            if (id is null)
            {
                rejections.Add(new ImportRejection(ImportItemKind.Room, label, $"{label}: it has no id, so no talk can refer to it."));
                continue;
            }

            if (!rooms.TryAdd(id, new ImportedRoom($"pretalx:room:{id}", name)))
            {
                rejections.Add(new ImportRejection(ImportItemKind.Room, label, $"{label}: the room id {id} appears more than once in the file. The first room with it is used."));
            }
        }

        return rooms;
    }

    private static List<ImportedSpeaker> ReadSpeakers(JsonElement root, List<ImportRejection> rejections)
    {
        var speakers = new List<ImportedSpeaker>();
        foreach (var speaker in ImportJson.Objects(root, "speakers"))
        {
            var code = Text.Clean(ImportJson.TextOf(speaker, "code"));
            var name = ImportJson.Localized(speaker, "name");
            if (code is null)
            {
                var label = $"Speaker {Text.Clean(name) ?? "without name"}";
                rejections.Add(new ImportRejection(ImportItemKind.Speaker, label, $"{label}: it has no code, so no talk can refer to it."));
                continue;
            }

            speakers.Add(new ImportedSpeaker(SpeakerKey(code), name ?? "", null, null, ImportJson.Localized(speaker, "biography")));
        }

        return speakers;
    }

    /// <summary>Returns the talk or break, or null and the <paramref name="reason"/> it cannot be imported.</summary>
    private static ReadItem? ReadTalk(JsonElement talk, int position, ConferenceClock clock, Dictionary<string, ImportedRoom> rooms, out string label, out string? reason)
    {
        reason = null;
        var code = Text.Clean(ImportJson.TextOf(talk, "code"));
        var slotId = Text.Clean(ImportJson.TextOf(talk, "id"));
        label = code is not null ? $"Talk {code}" : $"Break {slotId ?? position.ToString(CultureInfo.InvariantCulture)}";

        var state = Text.Clean(ImportJson.TextOf(talk, "state"));
        if (code is not null && state is not null && !ScheduledStates.Contains(state, StringComparer.OrdinalIgnoreCase))
        {
            reason = $"its state is {state}, and only accepted and confirmed talks are imported";
            return null;
        }

        var start = ReadInstant(ImportJson.TextOf(talk, "start"), clock, "start", ref reason);
        var end = ReadEnd(talk, start, clock, ref reason);
        if (start is null || end is null)
        {
            return null;
        }

        if (end <= start)
        {
            reason = $"it ends at {clock.ToLocal(end.Value):yyyy-MM-dd HH:mm}, which is not after its start at {clock.ToLocal(start.Value):yyyy-MM-dd HH:mm}";
            return null;
        }

        var roomId = Text.Clean(ImportJson.TextOf(talk, "room"));
        if (roomId is null)
        {
            reason = "it has no room";
            return null;
        }

        if (!rooms.ContainsKey(roomId))
        {
            reason = $"its room {roomId} is not one of the rooms in the file";
            return null;
        }

        var title = ImportJson.Localized(talk, "title") ?? "";
        var kind = code is null ? ImportKinds.OfServiceItem(title) : TalkKind(ImportJson.Localized(talk, "session_type"));
        return new ReadItem(position, code, label, title, code is null ? null : ImportJson.Localized(talk, "abstract"), kind, start.Value, end.Value, roomId,
            [.. ImportJson.Ids(talk, "speakers").Select(s => SpeakerKey(Text.Clean(s) ?? s))]);
    }

    // The name of each track by its id, in English when the file has several languages.
    private static Dictionary<string, string> ReadTracks(JsonElement root)
    {
        var tracks = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var track in ImportJson.Objects(root, "tracks"))
        {
            var id = Text.Clean(ImportJson.TextOf(track, "id"));
            var name = Text.Clean(ImportJson.Localized(track, "name"));
            if (id is not null && name is not null)
            {
                tracks.TryAdd(id, name);
            }
        }

        return tracks;
    }

    // A submission type that names none of the app's kinds, such as "Talk (30 min)", stays a talk.
    private static SessionKind TalkKind(string? sessionType)
    {
        var kind = ImportKinds.OfFormatName(sessionType);
        return kind == SessionKind.Other ? SessionKind.Talk : kind;
    }

    private static DateTimeOffset? ReadEnd(JsonElement talk, DateTimeOffset? start, ConferenceClock clock, ref string? reason)
    {
        var endText = ImportJson.TextOf(talk, "end");
        if (endText is not null || start is null)
        {
            return ReadInstant(endText, clock, "end", ref reason);
        }

        // Without an end, the talk's duration in minutes gives it.
        if (int.TryParse(ImportJson.TextOf(talk, "duration"), NumberStyles.None, CultureInfo.InvariantCulture, out var minutes))
        {
            return start.Value.AddMinutes(minutes);
        }

        reason = "it has neither an end nor a duration";
        return null;
    }

    // pretalx writes instants with an offset (or Z). A time without one is read in the file's zone.
    private static DateTimeOffset? ReadInstant(string? text, ConferenceClock clock, string field, ref string? reason)
    {
        if (reason is not null)
        {
            return null;
        }

        var cleaned = Text.Clean(text);
        if (cleaned is null)
        {
            reason = $"it has no {field} time because it is not scheduled";
            return null;
        }

        if (DateTimeOffset.TryParseExact(cleaned, ["yyyy-MM-dd'T'HH:mm:sszzz", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFzzz", "yyyy-MM-dd'T'HH:mm:ss'Z'", "yyyy-MM-dd'T'HH:mm:ss.FFFFFF'Z'"],
                CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant))
        {
            return instant;
        }

        if (DateTime.TryParseExact(cleaned, ["yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            if (clock.IsSkipped(local))
            {
                reason = $"{local:yyyy-MM-dd HH:mm} does not exist in {clock.TimeZoneId} because the clocks skip it";
                return null;
            }

            return clock.ToInstant(local);
        }

        reason = $"{field} \"{Shorten(cleaned)}\" is not a date and time such as 2026-10-24T09:30:00+02:00";
        return null;
    }

    // Breaks are numbered by start within their room and local day, so a moved or retitled break keeps its key.
    private static List<ImportedEvent> ToEvents(List<ReadItem> items, ConferenceClock clock)
    {
        var breakKeys = items.Where(i => i.Code is null)
            .GroupBy(i => (i.RoomId, Day: DateOnly.FromDateTime(clock.ToLocal(i.Start))))
            .SelectMany(group => group.OrderBy(i => i.Start).Select((item, index) =>
                (item.Position, Key: string.Create(CultureInfo.InvariantCulture, $"pretalx:break:{group.Key.RoomId}:{group.Key.Day:yyyy-MM-dd}:{index + 1}"))))
            .ToDictionary(pair => pair.Position, pair => pair.Key);

        return [.. items.Select(item => new ImportedEvent(
            item.Code is { } code ? $"pretalx:talk:{code}" : breakKeys[item.Position],
            item.Label,
            item.Title,
            item.Kind,
            FrabEventReader.HoldsTalk(item.Kind),
            item.Abstract,
            item.Start,
            item.End - item.Start,
            $"pretalx:room:{item.RoomId}",
            item.Speakers,
            item.Track,
            item.Language))];
    }

    private static string SpeakerKey(string code) => $"pretalx:speaker:{code}";

    private static string Shorten(string value) => value.Length > 60 ? value[..60] + "…" : value;
}
