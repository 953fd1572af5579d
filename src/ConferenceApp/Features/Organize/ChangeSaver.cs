using ConferenceApp.Data;
using ConferenceApp.Domain;
using Microsoft.EntityFrameworkCore;

namespace ConferenceApp.Features.Organize;

/// <summary>
/// The save step that every organizer operation shares: the optimistic concurrency check on the
/// version the form was rendered with, the single save (which also writes the audit entries),
/// and the translation of database failures into a <see cref="ChangeResult"/>.
/// </summary>
public sealed class ChangeSaver(ConferenceDbContext db, ILogger<ChangeSaver> logger)
{
    /// <summary>
    /// Makes the next save update <paramref name="entity"/> only if its stored version is still
    /// <paramref name="postedVersion"/>. The version is marked modified, so the check runs even
    /// when only the entity's join rows (speakers, people) change.
    /// </summary>
    public void ExpectVersion<T>(T entity, Guid postedVersion)
        where T : class, IVersioned
    {
        var version = db.Entry(entity).Property(e => e.Version);
        version.OriginalValue = postedVersion;
        version.IsModified = true;
    }

    /// <summary>
    /// Saves every tracked change once. Returns Saved, Conflict when another save changed the row
    /// first, Gone when another save deleted it, or <paramref name="duplicateError"/> as a field
    /// error when a unique index rejects the row.
    /// </summary>
    public async Task<ChangeResult> SaveAsync(FieldError? duplicateError, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return ChangeResult.Saved();
        }
        catch (DbUpdateConcurrencyException exception)
        {
            var entry = exception.Entries.Count > 0 ? exception.Entries[0] : null;
            var stored = entry is null ? null : await entry.GetDatabaseValuesAsync(cancellationToken);
            logger.LogInformation(
                "Rejected a stale save of {EntityType} {EntityKey}: the row was {What} by another save",
                entry?.Metadata.ClrType.Name, entry?.Properties.FirstOrDefault(p => p.Metadata.IsPrimaryKey())?.CurrentValue,
                stored is null ? "deleted" : "changed");
            return stored is null ? ChangeResult.Gone() : ChangeResult.Conflict();
        }
        catch (DbUpdateException exception) when (duplicateError is not null && DatabaseErrors.IsUniqueViolation(exception))
        {
            logger.LogInformation("Rejected a save that would duplicate {Field}: {Reason}", duplicateError.Field, exception.InnerException?.Message);
            return ChangeResult.Invalid([duplicateError]);
        }
    }

    /// <summary>
    /// Returns true when the audit log records that a row of <paramref name="entityType"/> with
    /// <paramref name="id"/> was deleted from the conference. A form posted for such a row then
    /// reports the deletion instead of returning 404.
    /// </summary>
    public Task<bool> WasDeletedAsync(int? conferenceId, string entityType, int id, CancellationToken cancellationToken)
    {
        var key = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return db.AuditEntries.AsNoTracking().AnyAsync(
            a => a.ConferenceId == conferenceId && a.EntityType == entityType && a.EntityId == key && a.Action == nameof(EntityState.Deleted),
            cancellationToken);
    }
}

/// <summary>Runs the behaviour methods of one change and collects their field errors, so a form shows every broken rule at once.</summary>
public static class DomainSteps
{
    /// <summary>
    /// Runs <paramref name="step"/> and adds its field errors to <paramref name="errors"/>. The
    /// behaviour methods change nothing when they throw, so the next step can run either way.
    /// </summary>
    public static void Run(List<FieldError> errors, Action step)
    {
        try
        {
            step();
        }
        catch (DomainValidationException exception)
        {
            errors.AddRange(exception.Errors);
        }
    }
}
