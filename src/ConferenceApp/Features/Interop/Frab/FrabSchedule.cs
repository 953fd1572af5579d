namespace ConferenceApp.Features.Interop.Frab;

/// <summary>
/// A release's program in the shape of the frab schedule formats, which <see cref="FrabXmlWriter"/>
/// and <see cref="FrabJsonWriter"/> write. Every text is already free of characters that XML 1.0 forbids.
/// </summary>
public sealed record FrabSchedule(
    string Version,
    string BaseUrl,
    FrabConference Conference,
    IReadOnlyList<FrabRoom> Rooms,
    IReadOnlyList<FrabDay> Days);

/// <summary>
/// The conference header. <see cref="TimeslotDuration"/> is the grid step that client apps lay the
/// schedule out on; <see cref="Start"/> and <see cref="End"/> cover every exported day.
/// </summary>
public sealed record FrabConference(
    string Title,
    string Acronym,
    DateOnly Start,
    DateOnly End,
    TimeSpan TimeslotDuration,
    string TimeZoneName)
{
    /// <summary>The distinct tracks of the exported events, in ordinal order.</summary>
    public IReadOnlyList<string> Tracks { get; init; } = [];
}

/// <summary>A room, real or the pseudo-room for items across all rooms, with its stable UUID (the format's "guid").</summary>
public sealed record FrabRoom(string Name, Guid Uuid);

/// <summary>
/// A conference day, numbered from 1. <see cref="Start"/> and <see cref="End"/> are the first start
/// and the last end of its events, or local midnight to midnight for a day without events.
/// </summary>
public sealed record FrabDay(int Index, DateOnly Date, DateTimeOffset Start, DateTimeOffset End, IReadOnlyList<FrabDayRoom> Rooms);

/// <summary>The events of one room on one day, in order of start.</summary>
public sealed record FrabDayRoom(string Name, IReadOnlyList<FrabEvent> Events);

/// <summary>
/// One program item. <see cref="Start"/> is the instant with the zone's offset at that instant;
/// <see cref="LocalStart"/> is the wall-clock time in the conference's zone; <see cref="Duration"/>
/// is real elapsed time, so it counts the extra hour of the night the clocks go back. <see cref="Uuid"/>
/// is written as the format's "guid". <see cref="Track"/> and <see cref="Language"/> (a BCP 47
/// tag) are empty when the session has none.
/// </summary>
public sealed record FrabEvent(
    long Id,
    Guid Uuid,
    DateTimeOffset Start,
    TimeOnly LocalStart,
    TimeSpan Duration,
    string Room,
    string Slug,
    string Title,
    string Type,
    string Abstract,
    string Url,
    IReadOnlyList<FrabPerson> Persons,
    string Track = "",
    string Language = "");

/// <summary>A speaker of a talk or a person leading a session, by speaker id.</summary>
public sealed record FrabPerson(int Id, string Name);
