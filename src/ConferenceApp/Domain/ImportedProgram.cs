namespace ConferenceApp.Domain;

/// <summary>
/// A program read from a file of another tool, in one shape for every format. Times are instants,
/// so a file's own zone no longer matters once it is read. <see cref="Rejections"/> lists the items
/// the parser could not read, which the preview shows next to the rest.
/// </summary>
/// <param name="Notes">Notes for the preview on how the parser read the file, such as the zone of times without an offset.</param>
public sealed record ImportedProgram(
    string? TimeZoneId,
    IReadOnlyList<ImportedRoom> Rooms,
    IReadOnlyList<ImportedSpeaker> Speakers,
    IReadOnlyList<ImportedEvent> Events,
    IReadOnlyList<ImportRejection> Rejections,
    IReadOnlyList<string>? Notes = null);

/// <summary>A room by its key in the file, such as "frab:room:Hall 1".</summary>
public sealed record ImportedRoom(string SourceKey, string Name);

/// <summary>A speaker or other person by their key in the file; <see cref="Email"/>, <see cref="Headline"/> and <see cref="Bio"/> are null when the file has none.</summary>
public sealed record ImportedSpeaker(string SourceKey, string Name, string? Email, string? Headline = null, string? Bio = null);

/// <summary>
/// One program item. A talk (<see cref="IsTalk"/>) becomes a session of <see cref="Kind"/> holding one
/// talk with the speakers; any other item (a break, the opening) becomes a session of its own, led
/// by the people. <see cref="RoomKey"/> is null for an item across all rooms. <see cref="Track"/>
/// and <see cref="Language"/> are as the file gives them, or null; the planner checks the language.
/// </summary>
/// <param name="Label">How the preview names the item, such as "Event 12".</param>
public sealed record ImportedEvent(
    string SourceKey,
    string Label,
    string Title,
    SessionKind Kind,
    bool IsTalk,
    string? Abstract,
    DateTimeOffset Start,
    TimeSpan Duration,
    string? RoomKey,
    IReadOnlyList<string> SpeakerKeys,
    string? Track = null,
    string? Language = null);

/// <summary>An item of the file that could not be read, with the reason.</summary>
public sealed record ImportRejection(ImportItemKind Kind, string Label, string Reason);

public enum ImportItemKind
{
    Room,
    TimeSlot,
    Speaker,
    Session,
    Talk,

    /// <summary>A line of a file that could not be read as any item, such as a CSV line without a talk_id.</summary>
    Line,
}

public enum ImportAction
{
    Create,
    Update,
    Unchanged,
    Rejected,
}

/// <summary>The part of a conference's draft that an import compares with: plain values, no database types.</summary>
public sealed record ImportDraft(
    string TimeZoneId,
    DateOnly StartDate,
    DateOnly EndDate,
    IReadOnlyList<DraftRoom> Rooms,
    IReadOnlyList<DraftSlot> Slots,
    IReadOnlyList<DraftSpeaker> Speakers,
    IReadOnlyList<DraftSession> Sessions,
    IReadOnlyList<DraftTalk> Talks)
{
    /// <summary>The keys this conference's own frab export gives its items, or null when unknown.</summary>
    public OwnExportKeys? OwnKeys { get; init; }

    /// <summary>True when the planner found the file to be this conference's own frab export.</summary>
    public bool FromOwnExport { get; init; }
}

/// <summary>
/// The source keys that the conference's own frab export gives its items, by item id: "frab:{guid}"
/// for events and "frab:person:{id}" for speakers. With them an import of that export finds the
/// items it came from, although items made by hand have no source key.
/// </summary>
/// <param name="Sessions">Sessions the export writes as one event: those without talks (their own guid) and those with one talk (the talk's guid).</param>
public sealed record OwnExportKeys(
    IReadOnlyDictionary<int, string> Sessions,
    IReadOnlyDictionary<int, string> Talks,
    IReadOnlyDictionary<int, string> Speakers);

public sealed record DraftRoom(int Id, string? SourceKey, string Name);

public sealed record DraftSlot(int Id, DateTime Start, DateTime End);

/// <summary>A speaker of the draft; <see cref="Email"/> is the normalized address an earlier import stored, or null.</summary>
public sealed record DraftSpeaker(int Id, string? SourceKey, string Name, string? Headline = null, string? Email = null, string? Bio = null);

public sealed record DraftSession(
    int Id,
    string? SourceKey,
    string? Title,
    SessionKind Kind,
    string? Description,
    int? SlotId,
    int? RoomId,
    IReadOnlyList<int> PeopleIds,
    string? Track = null,
    string? Language = null);

public sealed record DraftTalk(int Id, string? SourceKey, string Title, string? Abstract, int? SessionId, int? DurationMinutes, IReadOnlyList<int> SpeakerIds, int Position = 0);
