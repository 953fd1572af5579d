using System.Text.Json;
using System.Text.Json.Serialization;

namespace ConferenceApp.Domain;

/// <summary>
/// The program as a release freezes it: everything the public program, talk pages and speaker
/// list show, except the speakers' profiles (headline, bio, photo, links), which stay live so
/// that a speaker's own edits appear without a new release. Times are local to the conference.
/// </summary>
public sealed record ProgramSnapshot(
    SnapshotConference Conference,
    IReadOnlyList<SnapshotRoom> Rooms,
    IReadOnlyList<SnapshotSlot> Slots,
    IReadOnlyList<SnapshotSession> Sessions,
    IReadOnlyList<SnapshotTalk> Talks,
    IReadOnlyList<SnapshotSpeaker> Speakers)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        // Kinds are stored by name so that reordering the enum cannot change old releases.
        Converters = { new JsonStringEnumConverter() },
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>Reads a snapshot written by <see cref="ToJson"/>.</summary>
    /// <exception cref="JsonException">The text is not a snapshot.</exception>
    public static ProgramSnapshot FromJson(string json) =>
        JsonSerializer.Deserialize<ProgramSnapshot>(json, Json) ?? throw new JsonException("The release snapshot is the JSON literal null.");

    /// <summary>
    /// Lists the scheduled items for <see cref="ReleaseDiff"/>. Each talk in a placed session is
    /// "talk:{id}" with its session's placement. Each placed session is also "session:{id}",
    /// unless it is exactly one talk without a session title of its own, which the program shows
    /// as that talk. Sessions without a time slot, and their talks, are left out.
    /// </summary>
    public IReadOnlyList<ReleasedItem> ToReleasedItems()
    {
        var slots = Slots.ToDictionary(s => s.Id);
        var rooms = Rooms.ToDictionary(r => r.Id);
        var talksBySession = Talks.Where(t => t.SessionId is not null).ToLookup(t => t.SessionId!.Value);

        var items = new List<ReleasedItem>();
        foreach (var session in Sessions)
        {
            if (session.TimeSlotId is not { } slotId || !slots.TryGetValue(slotId, out var slot))
            {
                continue;
            }

            var roomName = session.RoomId is { } roomId && rooms.TryGetValue(roomId, out var room) ? room.Name : null;
            var placement = new ItemPlacement(slot.Start, slot.End, roomName);
            var talks = talksBySession[session.Id].OrderBy(t => t.Position).ThenBy(t => t.Id).ToList();

            if (session.Title is not null || talks.Count != 1)
            {
                var title = Session.DisplayTitle(session.Title, session.Kind, [.. talks.Select(t => t.Title)]);
                items.Add(new ReleasedItem($"session:{session.Id}", title, placement, [.. session.People.Select(p => p.SpeakerId)]));
            }

            items.AddRange(talks.Select(t => new ReleasedItem($"talk:{t.Id}", t.Title, placement, [.. t.Speakers.Select(s => s.SpeakerId)])));
        }

        return items;
    }
}

/// <summary>The conference header as published.</summary>
public sealed record SnapshotConference(string Name, string? Venue, string TimeZoneId, DateOnly StartDate, DateOnly EndDate, string? SampleNote);

public sealed record SnapshotRoom(int Id, string Name, int Position);

/// <summary>A time slot with local wall-clock times in the conference's zone.</summary>
public sealed record SnapshotSlot(int Id, DateTime Start, DateTime End);

/// <summary>
/// A session; a null <see cref="TimeSlotId"/> is off the program and a null <see cref="RoomId"/>
/// spans all rooms. <see cref="Track"/> and <see cref="Language"/> (a BCP 47 tag) read as null in
/// releases published before they were frozen.
/// </summary>
public sealed record SnapshotSession(
    int Id,
    string? Title,
    SessionKind Kind,
    string? Description,
    int? TimeSlotId,
    int? RoomId,
    string? SampleNote,
    IReadOnlyList<SnapshotPerson> People,
    string? Track = null,
    string? Language = null);

/// <summary>A speaker on a talk or a person leading a session, in the listed order, with their role.</summary>
public sealed record SnapshotPerson(int SpeakerId, string? Role);

/// <summary>
/// A talk as published. <see cref="DurationMinutes"/> is the talk's own length, or null when it is
/// unknown; releases published before the length was frozen read as null.
/// </summary>
public sealed record SnapshotTalk(
    int Id,
    string Slug,
    string Title,
    string? Abstract,
    int? SessionId,
    int Position,
    string? SampleNote,
    IReadOnlyList<SnapshotPerson> Speakers,
    int? DurationMinutes = null);

public sealed record SnapshotSpeaker(int Id, string Slug, string Name);
