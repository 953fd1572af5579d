using ConferenceApp.Data;
using ConferenceApp.Domain;
using ConferenceApp.Features.Interop.Import;
using ConferenceApp.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace ConferenceApp.Benchmarks;

/// <summary>
/// Creates the generated large conference in a database and imports its frab XML file through the
/// app's own import steps, as confirming an upload does: parse, read the draft, plan, apply.
/// </summary>
public static class LargeConferenceImport
{
    public const string ConferenceSlug = "large";

    /// <summary>Adds the empty conference that the import fills, with the generated file's dates and time zone.</summary>
    public static async Task CreateConferenceAsync(ConferenceDbContext db, GeneratedConference conference, CancellationToken cancellationToken)
    {
        db.Conferences.Add(Conference.Create(new ConferenceDetails(
            ConferenceSlug, "Large conference", null, conference.TimeZoneId, conference.StartDate, conference.EndDate)));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Imports the generated file into the conference created by <see cref="CreateConferenceAsync"/>.</summary>
    /// <exception cref="InvalidOperationException">The conference is missing, the plan rejected an item, or the apply failed.</exception>
    public static async Task<ImportPlan> ImportAsync(ConferenceDbContext db, GeneratedConference conference, CancellationToken cancellationToken)
    {
        var conferenceId = await db.Conferences.Where(c => c.Slug == ConferenceSlug).Select(c => c.Id).SingleAsync(cancellationToken);

        using var content = new MemoryStream(conference.Xml, writable: false);
        var program = FrabXmlParser.Parse(content, conference.TimeZoneId);
        var draft = await new ImportDraftReader(db).ReadAsync(conferenceId, cancellationToken)
            ?? throw new InvalidOperationException($"The conference {conferenceId} is missing from the database.");
        var plan = ImportPlanner.Plan(program, draft);
        if (plan.Count(ImportAction.Rejected) > 0)
        {
            throw new InvalidOperationException($"The plan rejected {plan.Count(ImportAction.Rejected)} items of the generated file.");
        }

        var failure = await new ImportApplier(db, NullLogger<ImportApplier>.Instance).ApplyAsync(conferenceId, plan, cancellationToken);
        return failure is null ? plan : throw new InvalidOperationException($"The import failed: {failure.Message}");
    }
}
