using ConferenceApp.Domain;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;

namespace ConferenceApp.Features.Organize.Sessions;

/// <summary>The session form: what the item is, where and when it takes place, and who leads it.</summary>
public sealed class SessionForm : OrganizeForm
{
    /// <summary>The title, or empty for a session holding one talk, which is then shown under the talk's title.</summary>
    public string? Title { get; set; }

    public SessionKind? Kind { get; set; }

    public string? Description { get; set; }

    /// <summary>The track, such as "Security", or empty.</summary>
    public string? Track { get; set; }

    /// <summary>The language as a BCP 47 tag such as "en" or "de-CH", or empty.</summary>
    public string? Language { get; set; }

    /// <summary>The time slot, or null to keep the session off the program.</summary>
    public int? TimeSlotId { get; set; }

    /// <summary>The room, or null for a session that spans all rooms.</summary>
    public int? RoomId { get; set; }

    /// <summary>The people who lead the session without a talk of their own, such as those giving the opening words.</summary>
    public List<PersonRow> People { get; set; } = [];

    /// <summary>The title the program shows, for the heading, or null on a new session.</summary>
    [BindNever]
    public string? DisplayTitle { get; set; }

    [BindNever]
    [ValidateNever]
    public IReadOnlyList<Choice> Slots { get; set; } = [];

    [BindNever]
    [ValidateNever]
    public IReadOnlyList<Choice> Rooms { get; set; } = [];

    [BindNever]
    [ValidateNever]
    public IReadOnlyList<Choice> Speakers { get; set; } = [];

    /// <summary>The tracks other sessions of the conference use, offered as suggestions.</summary>
    [BindNever]
    [ValidateNever]
    public IReadOnlyList<string> TrackSuggestions { get; set; } = [];

    /// <summary>The talks in the session, in order. Talks are placed from the talk form.</summary>
    [BindNever]
    [ValidateNever]
    public IReadOnlyList<Choice> Talks { get; set; } = [];
}

public sealed record SessionListPage(OrganizeConference Conference, IReadOnlyList<SessionSummary> Sessions)
{
    /// <summary>The number of conflicts each session is in, by session id; sessions without conflicts are missing.</summary>
    public IReadOnlyDictionary<int, int> ConflictCounts { get; init; } = new Dictionary<int, int>();
}

/// <summary>A session as lists show it. <see cref="Start"/> and <see cref="End"/> are null while it has no time slot.</summary>
public sealed record SessionSummary(
    int Id,
    string DisplayTitle,
    SessionKind Kind,
    int? TimeSlotId,
    DateTime? Start,
    DateTime? End,
    string? RoomName,
    int TalkCount,
    string? Track = null);
