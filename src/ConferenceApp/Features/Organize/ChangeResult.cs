using ConferenceApp.Domain;

namespace ConferenceApp.Features.Organize;

/// <summary>How a change requested through an organizer form ended.</summary>
public enum ChangeOutcome
{
    /// <summary>The change was saved.</summary>
    Saved,

    /// <summary>The values broke a rule, so nothing was saved. <see cref="ChangeResult.Errors"/> names the fields.</summary>
    Invalid,

    /// <summary>The row does not exist in this conference.</summary>
    NotFound,

    /// <summary>Someone else saved the row after the form was rendered, so nothing was saved.</summary>
    Conflict,

    /// <summary>Someone else deleted the row after the form was rendered, so nothing was saved.</summary>
    Gone,
}

/// <summary>The outcome of one organizer change, with the field errors and the id or slug of what was saved.</summary>
public sealed record ChangeResult(ChangeOutcome Outcome, IReadOnlyList<FieldError> Errors)
{
    /// <summary>The id of the saved row, set for created rows.</summary>
    public int? Id { get; init; }

    /// <summary>The new version of the saved row, set where a caller needs it for its next change, such as the schedule grid.</summary>
    public Guid? Version { get; init; }

    /// <summary>The slug of the saved conference, which the redirect after a save needs.</summary>
    public string? Slug { get; init; }

    public static ChangeResult Saved() => new(ChangeOutcome.Saved, []);

    public static ChangeResult Invalid(IReadOnlyList<FieldError> errors) => new(ChangeOutcome.Invalid, errors);

    public static ChangeResult Invalid(string field, string message) => Invalid([new FieldError(field, message)]);

    public static ChangeResult NotFound() => new(ChangeOutcome.NotFound, []);

    public static ChangeResult Conflict() => new(ChangeOutcome.Conflict, []);

    public static ChangeResult Gone() => new(ChangeOutcome.Gone, []);
}
