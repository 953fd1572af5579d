using ConferenceApp.Domain;
using ConferenceApp.Features.Organize.Conflicts;
using ConferenceApp.Features.Program;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;

namespace ConferenceApp.Features.Organize.Releases;

/// <summary>A release in the organizers' list, with its publication time in the conference's zone.</summary>
public sealed record ReleaseRow(string Name, LocalTime PublishedAt, string PublishedBy, string? Comment, int ConflictCount, bool ConflictsConfirmed);

public sealed record ReleaseListPage(OrganizeConference Conference, IReadOnlyList<ReleaseRow> Releases);

/// <summary>What publishing now would change: the changes against the latest release and the draft's conflicts.</summary>
/// <param name="LatestReleaseName">The name of the latest release, or null before the first one.</param>
public sealed record PublishSummary(string? LatestReleaseName, ReleaseChangeList Changes, IReadOnlyList<ConflictRow> Conflicts);

/// <summary>The publish form: a version name, a comment, and the confirmation that conflicts may be published.</summary>
public sealed class PublishForm
{
    public string? Name { get; set; }

    public string? Comment { get; set; }

    /// <summary>True when the organizer checked "Publish despite N conflicts".</summary>
    public bool ConflictsConfirmed { get; set; }

    /// <summary>The number of conflicts the form showed when the organizer confirmed them; a different number now rejects the publish.</summary>
    public int ConfirmedConflictCount { get; set; }

    [BindNever]
    [ValidateNever]
    public OrganizeConference Conference { get; set; } = null!;

    [BindNever]
    [ValidateNever]
    public PublishSummary Summary { get; set; } = null!;
}

/// <summary>The values the publish operation needs from the form.</summary>
public sealed record PublishRequest(string? Name, string? Comment, bool ConflictsConfirmed, int ConfirmedConflictCount);
