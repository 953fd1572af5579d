using ConferenceApp.Domain;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;

namespace ConferenceApp.Features.Organize;

/// <summary>
/// What every organizer edit form carries besides its own fields: the version it was rendered
/// with, and (never bound from the request) the conference and the id taken from the route.
/// </summary>
public abstract class OrganizeForm
{
    /// <summary>The version of the row when the form was rendered, or empty for a new row.</summary>
    public Guid Version { get; set; }

    /// <summary>The sample-data note, which the public pages show next to the row.</summary>
    public string? SampleNote { get; set; }

    /// <summary>The conference from the route, which the controller sets before the view renders.</summary>
    [BindNever]
    [ValidateNever]
    public OrganizeConference Conference { get; set; } = null!;

    /// <summary>The row's id from the route, or null on a form that creates a row.</summary>
    [BindNever]
    public int? Id { get; set; }

    public bool IsNew => Id is null;
}

/// <summary>Checks shared by the fields every organizer form has.</summary>
public static class FormRules
{
    /// <summary>Adds an error when the sample-data note is longer than the model stores.</summary>
    public static void CheckSampleNote(List<FieldError> errors, string? note) =>
        Text.Check(errors, nameof(OrganizeForm.SampleNote), "Sample-data note", Text.Clean(note), Text.TitleMaxLength, required: false);
}
