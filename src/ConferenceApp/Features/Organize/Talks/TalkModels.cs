using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;

namespace ConferenceApp.Features.Organize.Talks;

/// <summary>The talk form: the talk itself, the session it is given in, and its speakers in order.</summary>
public sealed class TalkForm : OrganizeForm
{
    /// <summary>The URL name. Left empty on a new talk, it is made from the title.</summary>
    public string? Slug { get; set; }

    public string? Title { get; set; }

    public string? Abstract { get; set; }

    /// <summary>The session the talk is given in, or null while it is unscheduled.</summary>
    public int? SessionId { get; set; }

    /// <summary>The talk's place among the talks of its session, from 1. Empty puts a newly placed talk last.</summary>
    public int? Order { get; set; }

    /// <summary>The talk's length in minutes, or empty while it is not known.</summary>
    public int? DurationMinutes { get; set; }

    /// <summary>The session the talk is stored in, whose conflicts the page shows; null on a new or unscheduled talk.</summary>
    [BindNever]
    public int? StoredSessionId { get; set; }

    public List<PersonRow> Speakers { get; set; } = [];

    [BindNever]
    [ValidateNever]
    public IReadOnlyList<Choice> Sessions { get; set; } = [];

    [BindNever]
    [ValidateNever]
    public IReadOnlyList<Choice> SpeakerChoices { get; set; } = [];
}

public sealed record TalkListPage(OrganizeConference Conference, IReadOnlyList<TalkRow> Talks);


/// <summary>A talk as the list shows it.</summary>
/// <param name="InSession">True when the talk is in a session.</param>
/// <param name="SessionTitle">The session's display title when it differs from the talk's own title, as it does for a block of talks.</param>
/// <param name="When">The session's time slot, such as "Thu 9 Mar 2023, 09:50–10:20", or null while the session has none.</param>
public sealed record TalkRow(
    int Id,
    string Title,
    string Slug,
    bool InSession,
    string? SessionTitle,
    string? When,
    IReadOnlyList<string> SpeakerNames)
{
    /// <summary>The session the talk is in, or null.</summary>
    public int? SessionId { get; init; }

    /// <summary>The talk's length in minutes, or null while it is unknown.</summary>
    public int? DurationMinutes { get; init; }

    /// <summary>The number of conflicts its session is in.</summary>
    public int ConflictCount { get; init; }
}
