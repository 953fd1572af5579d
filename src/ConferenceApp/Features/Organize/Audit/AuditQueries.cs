using System.Text.Json;
using ConferenceApp.Data;
using ConferenceApp.Domain;
using Microsoft.EntityFrameworkCore;

namespace ConferenceApp.Features.Organize.Audit;

/// <summary>One property's value before and after a change, as text an organizer can read.</summary>
public sealed record AuditChange(string Property, string? Before, string? After);

/// <summary>
/// One audit entry. <see cref="AtLocal"/> is the time in the conference's zone, and
/// <see cref="Name"/> the item's current title or name, or null when the item no longer exists.
/// </summary>
public sealed record AuditRow(
    long Id,
    DateTime AtUtc,
    DateTime AtLocal,
    string Actor,
    string EntityType,
    string EntityId,
    string? Name,
    string Action,
    IReadOnlyList<AuditChange> Changes);

/// <summary>A page of the audit log, newest first, optionally for one item.</summary>
public sealed record AuditPage(
    OrganizeConference Conference,
    IReadOnlyList<AuditRow> Entries,
    string? EntityType,
    string? EntityId,
    int PageNumber,
    bool HasNextPage);

/// <summary>Reads the audit log of one conference, newest first, a page at a time.</summary>
public sealed class AuditQueries(ConferenceDbContext db)
{
    public const int PageSize = 50;

    public async Task<AuditPage> ListAsync(OrganizeConference conference, string? entityType, string? entityId, int pageNumber, CancellationToken cancellationToken)
    {
        var page = Math.Max(1, pageNumber);
        var query = db.AuditEntries.AsNoTracking().Where(a => a.ConferenceId == conference.Id);
        if (!string.IsNullOrWhiteSpace(entityType))
        {
            query = query.Where(a => a.EntityType == entityType);
        }

        if (!string.IsNullOrWhiteSpace(entityId))
        {
            query = query.Where(a => a.EntityId == entityId);
        }

        // Reading one row more than a page shows whether a next page exists. The id orders rows written
        // in the same instant.
        var rows = await query
            .OrderByDescending(a => a.Id)
            .Skip((page - 1) * PageSize)
            .Take(PageSize + 1)
            .ToListAsync(cancellationToken);

        var pageRows = rows.Take(PageSize).Select(a => (Entry: a, Changes: ParseChanges(a.Changes))).ToList();
        var names = await AuditNames.LoadAsync(db, conference.Id, pageRows.Select(row => (row.Entry.EntityType, row.Entry.EntityId)), pageRows.SelectMany(row => row.Changes), cancellationToken);
        var clock = new ConferenceClock(conference.TimeZoneId);

        var entries = pageRows
            .Select(row => new AuditRow(
                row.Entry.Id,
                row.Entry.AtUtc,
                clock.ToLocal(new DateTimeOffset(DateTime.SpecifyKind(row.Entry.AtUtc, DateTimeKind.Utc))),
                row.Entry.Actor,
                row.Entry.EntityType,
                row.Entry.EntityId,
                names.NameOf(row.Entry.EntityType, row.Entry.EntityId),
                row.Entry.Action,
                [.. row.Changes.Where(AuditNames.IsShown).Select(names.Readable)]))
            .ToList();

        return new AuditPage(conference, entries, entityType, entityId, page, rows.Count > PageSize);
    }

    // The recorder stores {"Property": [before, after]} with JSON values.
    private static List<AuditChange> ParseChanges(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateObject()
            .Select(property => new AuditChange(property.Name, Show(property.Value[0]), Show(property.Value[1])))
            .Where(change => change.Before is not null || change.After is not null)
            .ToList();
    }

    private static string? Show(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null => null,
        JsonValueKind.String => value.GetString(),
        _ => value.GetRawText(),
    };
}
