using ConferenceApp.Domain;
using ConferenceApp.Features.Organize;

namespace ConferenceApp.Features.Interop.Import;

/// <summary>The upload form: the chosen format, the size limit to state, and an error about the file.</summary>
public sealed record ImportUploadPage(OrganizeConference Conference, string? Format, long MaxFileBytes, string? FileError);

/// <summary>The preview of an upload, or of the new plan after the draft changed; <see cref="Notice"/> explains why it is shown again.</summary>
public sealed record ImportPreviewPage(OrganizeConference Conference, ImportPreview Preview, string? Notice, IReadOnlyList<PreviewTable> Tables);

/// <summary>One table of the preview: the rows of one kind of item, in file order (time slots in time order).</summary>
public sealed record PreviewTable(string Heading, IReadOnlyList<PreviewRow> Rows);

/// <summary>A row of a preview table; <see cref="Reason"/> is set for a rejected row.</summary>
public sealed record PreviewRow(ImportAction Action, string Label, IReadOnlyList<FieldChange> Changes, string? Reason);

public static class PreviewTables
{
    public static IReadOnlyList<PreviewTable> From(ImportPlan plan) =>
    [
        new("Lines that could not be read", [.. plan.Lines.Select(l => new PreviewRow(ImportAction.Rejected, l.Label, [], l.Reason))]),
        Table("Rooms", plan.Rooms),
        Table("Time slots", plan.Slots),
        Table("Speakers", plan.Speakers),
        Table("Sessions", plan.Sessions),
        Table("Talks", plan.Talks),
    ];

    private static PreviewTable Table<T>(string heading, IReadOnlyList<PlanRow<T>> rows)
        where T : class =>
        new(heading, [.. rows.Select(r => new PreviewRow(r.Action, r.Label, r.Changes, r.Reason))]);

    /// <summary>Returns the words the preview uses for an action.</summary>
    public static string Label(ImportAction action) => action switch
    {
        ImportAction.Create => "New",
        ImportAction.Update => "Changed",
        ImportAction.Unchanged => "Unchanged",
        _ => "Rejected",
    };
}
