using System.Globalization;
using System.Text.RegularExpressions;
using ConferenceApp.Domain;
using ConferenceApp.Features.Interop.Frab;

namespace ConferenceApp.Features.Interop.Import;

/// <summary>
/// An event of a frab schedule as the file writes it, before any value is checked.
/// <see cref="TypeErrors"/> names the fields of a JSON event that have the wrong JSON type.
/// </summary>
public sealed record FrabRawEvent(
    string? Id,
    string? Uuid,
    string DayDate,
    string? Date,
    string? Start,
    string? Duration,
    string? Room,
    string? Title,
    string? Type,
    string? Abstract,
    IReadOnlyList<FrabRawPerson> Persons,
    IReadOnlyList<string>? TypeErrors = null,
    string? Track = null,
    string? Language = null);

/// <summary>A person of a frab event: its id or guid when the file has them, and the name.</summary>
public sealed record FrabRawPerson(string? Id, string? Uuid, string? Name);

/// <summary>
/// Turns the events of a frab schedule, XML or JSON, into the neutral import model. An event's
/// "date" with an offset names the instant; without one, the day's date and "start" are read as
/// local times in the file's time_zone_name.
/// </summary>
public sealed partial class FrabEventReader(string? fileZoneName)
{
    private readonly List<ImportedRoom> _rooms = [];
    private readonly List<ImportedSpeaker> _speakers = [];
    private readonly List<ImportedEvent> _events = [];
    private readonly List<ImportRejection> _rejections = [];

    // The room names and speaker keys added so far, so that adding an event does not scan the lists.
    private readonly HashSet<string> _roomNames = new(StringComparer.Ordinal);
    private readonly HashSet<string> _speakerKeys = new(StringComparer.Ordinal);
    private readonly ConferenceClock? _fileClock = ConferenceClock.FindZone(fileZoneName) is null ? null : new ConferenceClock(fileZoneName!);

    /// <summary>Adds a room by name, once.</summary>
    public void AddRoom(string? name)
    {
        var cleaned = Text.Clean(name);
        if (cleaned is null || IsAllRooms(cleaned) || !_roomNames.Add(cleaned))
        {
            return;
        }

        _rooms.Add(new ImportedRoom(RoomKey(cleaned), cleaned));
    }

    public void Add(FrabRawEvent raw)
    {
        var label = $"Event {Text.Clean(raw.Id) ?? Text.Clean(raw.Uuid) ?? (_events.Count + _rejections.Count + 1).ToString(CultureInfo.InvariantCulture)}";
        if (raw.TypeErrors is { Count: > 0 } typeErrors)
        {
            Reject(label, string.Join("; ", typeErrors));
            return;
        }

        var key = EventKey(raw);
        if (key is null)
        {
            Reject(label, "it has neither an id nor a guid, so a later import could not find it again");
            return;
        }

        if (!TryReadDuration(raw.Duration, out var duration))
        {
            Reject(label, $"the duration {Quote(raw.Duration)} is not a length such as 00:45");
            return;
        }

        var start = ReadStart(raw, label);
        if (start is null)
        {
            return;
        }

        var room = Text.Clean(raw.Room);
        string? roomKey = null;
        if (room is not null && !IsAllRooms(room))
        {
            AddRoom(room);
            roomKey = RoomKey(room);
        }

        var speakerKeys = raw.Persons.Select(AddPerson).OfType<string>().ToList();
        var kind = KindOf(raw.Type);
        _events.Add(new ImportedEvent(key, label, raw.Title ?? "", kind, HoldsTalk(kind), raw.Abstract, start.Value, duration, roomKey, speakerKeys,
            Text.Clean(raw.Track), Text.Clean(raw.Language)));
    }

    public ImportedProgram Build() =>
        new(_fileClock?.TimeZoneId ?? Text.Clean(fileZoneName), _rooms, _speakers, _events, _rejections);

    /// <summary>Returns the session kind for a frab "type" such as "lecture", "keynote" or "poster-session". An unknown type gives Other.</summary>
    public static SessionKind KindOf(string? type) => Text.Clean(type) is null ? SessionKind.Talk : KnownKindOf(type) ?? SessionKind.Other;

    /// <summary>The kind names that <see cref="KnownKindOf"/> accepts, in lower case, for messages.</summary>
    public static IReadOnlyList<string> KindNames { get; } =
    [
        "talk", "lecture", "lightning-talk",
        .. Enum.GetValues<SessionKind>().Select(k => k.Label().Replace(' ', '-').ToLowerInvariant()).Where(name => name != "talk"),
        "meeting", "podium", "pause", "coffee-break", "lunch", "dinner",
    ];

    /// <summary>Returns the session kind for a kind name, ignoring case, or null for a name it does not know.</summary>
    public static SessionKind? KnownKindOf(string? type)
    {
        var cleaned = Text.Clean(type)?.ToLowerInvariant();
        if (cleaned is null or "lecture" or "talk" or "lightning_talk" or "lightning-talk")
        {
            return SessionKind.Talk;
        }

        foreach (var kind in Enum.GetValues<SessionKind>())
        {
            if (string.Equals(kind.Label().Replace(' ', '-'), cleaned, StringComparison.OrdinalIgnoreCase) || string.Equals(kind.ToString(), cleaned, StringComparison.OrdinalIgnoreCase))
            {
                return kind;
            }
        }

        return cleaned switch
        {
            "meeting" or "podium" => SessionKind.Panel,
            "pause" or "coffee-break" => SessionKind.Break,
            "lunch" or "dinner" => SessionKind.Meal,
            _ => null,
        };
    }

    /// <summary>True for kinds whose events are talks with speakers; the others (breaks, the opening, other) become sessions led by their people.</summary>
    public static bool HoldsTalk(SessionKind kind) =>
        !kind.IsPause() && kind is not (SessionKind.Opening or SessionKind.Closing or SessionKind.Other);

    private static bool IsAllRooms(string room) => string.Equals(room, FrabScheduleBuilder.AllRoomsName, StringComparison.OrdinalIgnoreCase);

    private static string RoomKey(string name) => $"frab:room:{name}";

    private static string? EventKey(FrabRawEvent raw)
    {
        if (Guid.TryParse(raw.Uuid, out var guid))
        {
            return $"frab:{guid:D}";
        }

        return Text.Clean(raw.Id) is { } id ? $"frab:event:{id}" : null;
    }

    private string? AddPerson(FrabRawPerson person)
    {
        var name = Text.Clean(person.Name);
        var key = Guid.TryParse(person.Uuid, out var guid) ? $"frab:person:{guid:D}"
            : Text.Clean(person.Id) is { } id ? $"frab:person:{id}"
            : name is not null ? $"frab:person-name:{name}"
            : null;
        if (key is null)
        {
            return null;
        }

        if (_speakerKeys.Add(key))
        {
            _speakers.Add(new ImportedSpeaker(key, name ?? "", null));
        }

        return key;
    }

    private DateTimeOffset? ReadStart(FrabRawEvent raw, string label)
    {
        var date = Text.Clean(raw.Date);
        if (date is not null && HasOffset().IsMatch(date))
        {
            if (DateTimeOffset.TryParse(date, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant))
            {
                return instant;
            }

            Reject(label, $"the date {Quote(raw.Date)} is not a date and time such as 2026-03-09T09:30:00+02:00");
            return null;
        }

        var start = Text.Clean(raw.Start);
        if (!TimeOnly.TryParseExact(start, ["HH:mm", "H:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            Reject(label, $"start {start ?? "(missing)"} is not a time");
            return null;
        }

        if (!DateOnly.TryParseExact(Text.Clean(raw.DayDate), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            Reject(label, $"the day's date {Quote(raw.DayDate)} is not a date such as 2026-03-09");
            return null;
        }

        if (_fileClock is null)
        {
            Reject(label, $"its time has no offset and the file's time zone {Quote(fileZoneName)} is missing or unknown");
            return null;
        }

        var local = day.ToDateTime(time);
        if (_fileClock.IsSkipped(local))
        {
            Reject(label, $"{local:yyyy-MM-dd HH:mm} does not exist in {_fileClock.TimeZoneId} because the clocks skip it");
            return null;
        }

        return _fileClock.ToInstant(local);
    }

    // Accepts "00:45", "1:30" and "01:30:00"; frab writes hours and minutes.
    private static bool TryReadDuration(string? text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        var match = DurationPattern().Match(Text.Clean(text) ?? "");
        if (!match.Success)
        {
            return false;
        }

        var minutes = int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
        if (minutes > 59)
        {
            return false;
        }

        duration = new TimeSpan(int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), minutes, 0);
        return true;
    }

    private void Reject(string label, string reason) =>
        _rejections.Add(new ImportRejection(ImportItemKind.Session, label, $"{label}: {reason}."));

    private static string Quote(string? value) => value is null ? "(missing)" : $"\"{(value.Length > 60 ? value[..60] + "…" : value)}\"";

    [GeneratedRegex(@"(Z|[+-]\d{2}:?\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex HasOffset();

    [GeneratedRegex(@"^(\d{1,3}):(\d{2})(?::00)?$", RegexOptions.CultureInvariant)]
    private static partial Regex DurationPattern();
}
