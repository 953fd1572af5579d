using ConferenceApp.Domain;
using ConferenceApp.Features.Program;

namespace ConferenceApp.Features.Agenda;

/// <summary>
/// The agenda page: the items of a share link as the latest release has them, in time order.
/// <see cref="ItemsParameter"/> is the link's list as read, which the page's script compares with
/// the visitor's own stars.
/// </summary>
public sealed record AgendaPage(
    ConferenceHeader Conference,
    IReadOnlyList<AgendaDay> Days,
    IReadOnlyList<AgendaEntry> Unscheduled,
    IReadOnlyList<string> MissingKeys,
    int SkippedCount,
    string ItemsParameter)
{
    /// <summary>False while the conference has no release. The page then shows a notice and lists nothing.</summary>
    public bool IsPublished { get; init; } = true;

    public bool IsEmpty => Days.Count == 0 && Unscheduled.Count == 0 && MissingKeys.Count == 0;
}

public sealed record AgendaDay(DateOnly Date, IReadOnlyList<AgendaEntry> Entries);

/// <summary>
/// One starred item. <see cref="Url"/> is the talk's page, or the program's entry of a session;
/// <see cref="Start"/> and <see cref="End"/> are null for a talk that is not scheduled yet.
/// </summary>
public sealed record AgendaEntry(
    string Key,
    string Title,
    SessionKind Kind,
    string Url,
    LocalTime? Start,
    LocalTime? End,
    string? RoomName,
    bool AllRooms,
    IReadOnlyList<PersonLink> People);
