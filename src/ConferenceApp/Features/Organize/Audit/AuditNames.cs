using System.Globalization;
using System.Text.RegularExpressions;
using ConferenceApp.Data;
using ConferenceApp.Domain;
using Microsoft.EntityFrameworkCore;

namespace ConferenceApp.Features.Organize.Audit;

/// <summary>
/// The current names of the items one page of the audit log mentions, either as the changed item
/// or as a value such as a session's time slot, so that the page shows "Lightning talks" and
/// "Thu 9 Mar 2023, 11:00–12:20" instead of bare ids. Loads them with one query per kind of item.
/// </summary>
public sealed partial class AuditNames
{
    private static readonly Dictionary<string, string> ReferenceKinds = new(StringComparer.Ordinal)
    {
        ["TimeSlotId"] = nameof(TimeSlot),
        ["RoomId"] = nameof(Room),
        ["SessionId"] = nameof(Session),
        ["SpeakerId"] = nameof(Speaker),
    };

    private static readonly Dictionary<string, string> Labels = new(StringComparer.Ordinal)
    {
        ["TimeSlotId"] = "Time slot",
        ["RoomId"] = "Room",
        ["SessionId"] = "Session",
        ["SpeakerId"] = "Speaker",
        ["DurationMinutes"] = "Length (minutes)",
        ["Position"] = "Order",
        ["PhotoHash"] = "Photo",
        ["Url"] = "URL",
        ["PublishedAtUtc"] = "Published at (UTC)",
    };

    // Values that repeat the page heading (the conference) or another value (a release's upper-cased name).
    private static readonly HashSet<string> Hidden = new(StringComparer.Ordinal) { "ConferenceId", "NormalizedName" };

    private readonly Dictionary<(string Kind, int Id), string> _names;

    private AuditNames(Dictionary<(string Kind, int Id), string> names)
    {
        _names = names;
    }

    /// <summary>Loads the names of the items <paramref name="entities"/> and <paramref name="changes"/> refer to.</summary>
    public static async Task<AuditNames> LoadAsync(
        ConferenceDbContext db,
        int conferenceId,
        IEnumerable<(string EntityType, string EntityId)> entities,
        IEnumerable<AuditChange> changes,
        CancellationToken cancellationToken)
    {
        var referenced = new HashSet<(string Kind, int Id)>();
        foreach (var (type, id) in entities)
        {
            if (int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                referenced.Add((type, number));
            }
        }

        foreach (var change in changes)
        {
            if (ReferenceKinds.TryGetValue(change.Property, out var kind))
            {
                foreach (var value in new[] { change.Before, change.After })
                {
                    if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
                    {
                        referenced.Add((kind, number));
                    }
                }
            }
        }

        var names = new Dictionary<(string Kind, int Id), string>();
        List<int> IdsOf(string kind) => [.. referenced.Where(w => w.Kind == kind).Select(w => w.Id)];

        var slotIds = IdsOf(nameof(TimeSlot));
        foreach (var slot in await db.TimeSlots.AsNoTracking().OfConference(conferenceId).Where(s => slotIds.Contains(s.Id))
                     .Select(s => new { s.Id, s.Start, s.End }).ToListAsync(cancellationToken))
        {
            names[(nameof(TimeSlot), slot.Id)] = OrganizeFormat.SlotLabel(slot.Start, slot.End);
        }

        var roomIds = IdsOf(nameof(Room));
        foreach (var room in await db.Rooms.AsNoTracking().OfConference(conferenceId).Where(r => roomIds.Contains(r.Id))
                     .Select(r => new { r.Id, r.Name }).ToListAsync(cancellationToken))
        {
            names[(nameof(Room), room.Id)] = room.Name;
        }

        var speakerIds = IdsOf(nameof(Speaker));
        foreach (var speaker in await db.Speakers.AsNoTracking().OfConference(conferenceId).Where(s => speakerIds.Contains(s.Id))
                     .Select(s => new { s.Id, s.Name }).ToListAsync(cancellationToken))
        {
            names[(nameof(Speaker), speaker.Id)] = speaker.Name;
        }

        var talkIds = IdsOf(nameof(Talk));
        foreach (var talk in await db.Talks.AsNoTracking().OfConference(conferenceId).Where(t => talkIds.Contains(t.Id))
                     .Select(t => new { t.Id, t.Title }).ToListAsync(cancellationToken))
        {
            names[(nameof(Talk), talk.Id)] = talk.Title;
        }

        // A session without its own title is shown under its only talk's title, as on the program.
        var sessionIds = IdsOf(nameof(Session));
        var sessions = await db.Sessions.AsNoTracking().OfConference(conferenceId).Where(s => sessionIds.Contains(s.Id))
            .Select(s => new { s.Id, s.Title, s.Kind, Talks = db.Talks.Where(t => t.SessionId == s.Id).Select(t => t.Title).ToList() })
            .ToListAsync(cancellationToken);
        foreach (var session in sessions)
        {
            names[(nameof(Session), session.Id)] = Session.DisplayTitle(session.Title, session.Kind, session.Talks);
        }

        var releaseIds = IdsOf(nameof(Release));
        foreach (var release in await db.Releases.AsNoTracking().Where(r => r.ConferenceId == conferenceId && releaseIds.Contains(r.Id))
                     .Select(r => new { r.Id, r.Name }).ToListAsync(cancellationToken))
        {
            names[(nameof(Release), release.Id)] = release.Name;
        }

        return new AuditNames(names);
    }

    /// <summary>Returns true for the properties the log shows; the conference id and derived values are left out.</summary>
    public static bool IsShown(AuditChange change) => !Hidden.Contains(change.Property);

    /// <summary>Returns the current name of the item, or null when it was deleted or has no name.</summary>
    public string? NameOf(string entityType, string entityId) =>
        int.TryParse(entityId, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? _names.GetValueOrDefault((entityType, id)) : null;

    /// <summary>
    /// Returns the change with a readable property name and values: references become the item's
    /// name with its id, and positions count from 1.
    /// </summary>
    public AuditChange Readable(AuditChange change)
    {
        var label = Labels.GetValueOrDefault(change.Property) ?? Words(change.Property);
        if (ReferenceKinds.TryGetValue(change.Property, out var kind))
        {
            return new AuditChange(label, Reference(kind, change.Before), Reference(kind, change.After));
        }

        if (change.Property == "Position")
        {
            return new AuditChange(label, PlusOne(change.Before), PlusOne(change.After));
        }

        return change with { Property = label };
    }

    private string? Reference(string kind, string? value)
    {
        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return value;
        }

        return _names.TryGetValue((kind, id), out var name) ? $"{name} (#{id})" : $"#{id}, since deleted";
    }

    private static string? PlusOne(string? value) =>
        int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var position)
            ? (position + 1).ToString(CultureInfo.InvariantCulture)
            : value;

    /// <summary>Returns a property or entity name as words: "StartDate" becomes "Start date", "TimeSlot" "Time slot".</summary>
    public static string Words(string property)
    {
        var spaced = CapitalLetter().Replace(property, " $1").Trim();
        var words = spaced.Split(' ');
        for (var index = 1; index < words.Length; index++)
        {
            words[index] = words[index] == "Url" ? "URL" : words[index].ToLowerInvariant();
        }

        return string.Join(' ', words);
    }

    [GeneratedRegex("(?<=[a-z])([A-Z])")]
    private static partial Regex CapitalLetter();
}
