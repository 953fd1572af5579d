using System.Globalization;
using System.Text.Json;
using ConferenceApp.Domain;

namespace ConferenceApp.Features.Interop.Import;

/// <summary>
/// Reads the "All data" JSON of Sessionize (the shape of its /api/v2/{id}/view/All endpoint):
/// top-level arrays of sessions, speakers, categories and rooms. Sessionize writes startsAt and
/// endsAt as local times without an offset, in the event's zone, so they are read in the
/// conference's zone. Service sessions (breaks) become sessions without a talk, and plenum
/// sessions are placed across all rooms.
/// </summary>
public static class SessionizeParser
{
    /// <exception cref="ImportFileException">The file is not JSON or has no "sessions" array.</exception>
    public static ImportedProgram Parse(Stream content, string conferenceZoneId)
    {
        using var document = ImportJson.Load(content);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("sessions", out var sessions) || sessions.ValueKind != JsonValueKind.Array)
        {
            throw new ImportFileException("The file is JSON, but it has no \"sessions\" array at the top, as the Sessionize \"All data\" export has. Download it from the API/Embed page with the format \"JSON\" and the view \"All Data\", not \"Sessions\" or \"Speakers\".");
        }

        var clock = new ConferenceClock(conferenceZoneId);
        var rejections = new List<ImportRejection>();
        var rooms = ReadRooms(root, rejections);
        var speakers = ReadSpeakers(root, rejections);
        var formats = ReadFormats(root);
        var labels = ReadLabels(root);

        var events = new List<ImportedEvent>();
        var position = 0;
        foreach (var session in ImportJson.Elements(root, "sessions"))
        {
            position++;
            if (session.ValueKind != JsonValueKind.Object)
            {
                var entry = $"Session {position}";
                rejections.Add(new ImportRejection(ImportItemKind.Session, entry, $"{entry}: the entry of \"sessions\" is a JSON {session.ValueKind.ToString().ToLowerInvariant()}, not an object."));
                continue;
            }

            var id = Text.Clean(ImportJson.TextOf(session, "id"));
            var label = id is null ? $"Session {position} (no id)" : $"Session {id}";
            var item = ReadSession(session, id, label, clock, rooms, formats, labels, out var reason);
            if (item is not null)
            {
                events.Add(item);
                continue;
            }

            var title = Text.Clean(ImportJson.TextOf(session, "title"));
            var named = title is null ? label : $"{label} ({Shorten(title)})";
            rejections.Add(new ImportRejection(ImportItemKind.Session, named, $"{named}: {reason}."));
        }

        var note = $"Sessionize writes its times without a time zone. They were read as local times in the conference's time zone, {clock.TimeZoneId}. Check the times below if the event in Sessionize uses another zone.";
        return new ImportedProgram(null, [.. rooms.Values], speakers, events, rejections, [note]);
    }

    // Rooms by their id in the file. A repeated id keeps the first room and rejects the others.
    private static Dictionary<string, ImportedRoom> ReadRooms(JsonElement root, List<ImportRejection> rejections)
    {
        var rooms = new Dictionary<string, ImportedRoom>(StringComparer.Ordinal);
        foreach (var room in ImportJson.Objects(root, "rooms"))
        {
            var id = Text.Clean(ImportJson.TextOf(room, "id"));
            var name = ImportJson.TextOf(room, "name") ?? "";
            var label = $"Room {Text.Clean(name) ?? id ?? "without id"}";
            if (id is null)
            {
                rejections.Add(new ImportRejection(ImportItemKind.Room, label, $"{label}: it has no id, so no session can refer to it."));
                continue;
            }

            if (!rooms.TryAdd(id, new ImportedRoom($"sessionize:room:{id}", name)))
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
            var id = Text.Clean(ImportJson.TextOf(speaker, "id"));
            var name = Text.Clean(ImportJson.TextOf(speaker, "fullName"))
                ?? Text.Clean($"{ImportJson.TextOf(speaker, "firstName")} {ImportJson.TextOf(speaker, "lastName")}");
            if (id is null)
            {
                var label = $"Speaker {name ?? "without name"}";
                rejections.Add(new ImportRejection(ImportItemKind.Speaker, label, $"{label}: it has no id, so no session can refer to it."));
                continue;
            }

            // The planner rejects a speaker without a name or with a repeated id, with the reason.
            speakers.Add(new ImportedSpeaker(SpeakerKey(id), name ?? "", null, ImportJson.TextOf(speaker, "tagLine"), ImportJson.TextOf(speaker, "bio")));
        }

        return speakers;
    }

    // The session kind named by each category item of a "format" or "type" category, such as "Workshop" or "Keynote".
    private static Dictionary<string, SessionKind> ReadFormats(JsonElement root)
    {
        var kinds = new Dictionary<string, SessionKind>(StringComparer.Ordinal);
        foreach (var category in ImportJson.Objects(root, "categories"))
        {
            var title = ImportJson.TextOf(category, "title") ?? "";
            if (!title.Contains("format", StringComparison.OrdinalIgnoreCase) && !title.Contains("type", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            foreach (var item in ImportJson.Objects(category, "items"))
            {
                var id = Text.Clean(ImportJson.TextOf(item, "id"));
                var name = Text.Clean(ImportJson.TextOf(item, "name"));
                if (id is not null && name is not null)
                {
                    kinds.TryAdd(id, ImportKinds.OfFormatName(name));
                }
            }
        }

        return kinds;
    }

    /// <summary>The track and the language named by each category item, by item id.</summary>
    private sealed record CategoryLabels(Dictionary<string, string> Tracks, Dictionary<string, string> Languages);

    /// <summary>
    /// Reads the category items that give a track and a language. The track group is the one
    /// whose title contains "track", else the first group that gives neither the format nor the
    /// language. The language group is the one whose title contains "language".
    /// </summary>
    private static CategoryLabels ReadLabels(JsonElement root)
    {
        var groups = ImportJson.Objects(root, "categories").Select(c => (Title: ImportJson.TextOf(c, "title") ?? "", Group: c)).ToList();
        static bool Names(string title, string word) => title.Contains(word, StringComparison.OrdinalIgnoreCase);

        var track = groups.FirstOrDefault(g => Names(g.Title, "track"));
        if (track.Title is null)
        {
            track = groups.FirstOrDefault(g => !Names(g.Title, "format") && !Names(g.Title, "type") && !Names(g.Title, "language"));
        }

        var language = groups.FirstOrDefault(g => Names(g.Title, "language"));
        return new CategoryLabels(ItemNames(track.Title is null ? null : track.Group), ItemNames(language.Title is null ? null : language.Group));
    }

    private static Dictionary<string, string> ItemNames(JsonElement? group)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        if (group is not { } found)
        {
            return names;
        }

        foreach (var item in ImportJson.Objects(found, "items"))
        {
            var id = Text.Clean(ImportJson.TextOf(item, "id"));
            var name = Text.Clean(ImportJson.TextOf(item, "name"));
            if (id is not null && name is not null)
            {
                names.TryAdd(id, name);
            }
        }

        return names;
    }

    /// <summary>Returns the session as an event, or null and the <paramref name="reason"/> it cannot be imported.</summary>
    private static ImportedEvent? ReadSession(
        JsonElement session,
        string? id,
        string label,
        ConferenceClock clock,
        Dictionary<string, ImportedRoom> rooms,
        Dictionary<string, SessionKind> formats,
        CategoryLabels labels,
        out string? reason)
    {
        reason = null;
        if (id is null)
        {
            reason = "it has no id, so a later import could not find it again";
            return null;
        }

        var status = Text.Clean(ImportJson.TextOf(session, "status"));
        if (status is not null && !string.Equals(status, "Accepted", StringComparison.OrdinalIgnoreCase))
        {
            reason = $"its status is {status}, and only accepted sessions are imported";
            return null;
        }

        var times = ReadTimes(session, clock, out reason);
        if (times is null)
        {
            return null;
        }

        string? roomKey = null;
        if (!ImportJson.Flag(session, "isPlenumSession"))
        {
            var roomId = Text.Clean(ImportJson.TextOf(session, "roomId"));
            if (roomId is null)
            {
                reason = "it has no room because it is not placed in a room in Sessionize yet. Place it there and export again, or add it here by hand";
                return null;
            }

            if (!rooms.TryGetValue(roomId, out var room))
            {
                reason = $"its roomId {roomId} is not one of the rooms in the file";
                return null;
            }

            roomKey = room.SourceKey;
        }

        var title = ImportJson.TextOf(session, "title") ?? "";
        var kind = ImportJson.Flag(session, "isServiceSession") ? ImportKinds.OfServiceItem(title) : FormatKind(ImportJson.Ids(session, "categoryItems"), formats);
        var speakerKeys = ImportJson.Ids(session, "speakers").Select(s => SpeakerKey(Text.Clean(s) ?? s)).ToList();
        var (start, end) = times.Value;
        var categoryItems = ImportJson.Ids(session, "categoryItems");
        var track = categoryItems.Select(i => labels.Tracks.GetValueOrDefault(i)).FirstOrDefault(n => n is not null);
        var language = ImportJson.TextOf(session, "language")
            ?? categoryItems.Select(i => labels.Languages.GetValueOrDefault(i)).FirstOrDefault(n => n is not null);
        return new ImportedEvent($"sessionize:session:{id}", label, title, kind, FrabEventReader.HoldsTalk(kind),
            ImportJson.TextOf(session, "description"), start, end - start, roomKey, speakerKeys,
            track, ImportLanguages.ToTag(language));
    }

    // Both times are local times in the conference's zone; an item across midnight carries the next day's date in endsAt.
    private static (DateTimeOffset Start, DateTimeOffset End)? ReadTimes(JsonElement session, ConferenceClock clock, out string? reason)
    {
        reason = null;
        var startsAt = Text.Clean(ImportJson.TextOf(session, "startsAt"));
        var endsAt = Text.Clean(ImportJson.TextOf(session, "endsAt"));
        if (startsAt is null || endsAt is null)
        {
            reason = "it has no start or end time because it is not scheduled in Sessionize yet. Schedule it there and export again, or add it here by hand";
            return null;
        }

        if (!TryReadLocal(startsAt, out var localStart) || !TryReadLocal(endsAt, out var localEnd))
        {
            reason = $"startsAt {Quote(startsAt)} or endsAt {Quote(endsAt)} is not a local date and time such as 2026-03-09T09:30:00";
            return null;
        }

        var skipped = new[] { localStart, localEnd }.Where(clock.IsSkipped).ToList();
        if (skipped.Count > 0)
        {
            reason = $"{skipped[0]:yyyy-MM-dd HH:mm} does not exist in {clock.TimeZoneId} because the clocks skip it";
            return null;
        }

        var start = clock.ToInstant(localStart);
        var end = clock.ToInstant(localEnd);
        if (end <= start)
        {
            reason = $"it ends at {localEnd:yyyy-MM-dd HH:mm}, which is not after its start at {localStart:yyyy-MM-dd HH:mm}";
            return null;
        }

        return (start, end);
    }

    private static SessionKind FormatKind(IReadOnlyList<string> categoryItems, Dictionary<string, SessionKind> formats)
    {
        foreach (var item in categoryItems)
        {
            if (formats.TryGetValue(item, out var kind) && kind != SessionKind.Other)
            {
                return kind;
            }
        }

        return SessionKind.Talk;
    }

    private static bool TryReadLocal(string text, out DateTime local) =>
        DateTime.TryParseExact(text, ["yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF"],
            CultureInfo.InvariantCulture, DateTimeStyles.None, out local);

    private static string SpeakerKey(string id) => $"sessionize:speaker:{id}";

    private static string Shorten(string value) => value.Length > 60 ? value[..60] + "…" : value;

    private static string Quote(string value) => $"\"{Shorten(value)}\"";
}
