using System.Security.Cryptography;
using System.Text;

namespace ConferenceApp.Domain;

/// <summary>A field that an update changes, with its value now and after the import.</summary>
public sealed record FieldChange(string Field, string? Old, string? New);

/// <summary>
/// What an import does to one item. <see cref="Values"/> are the item's values after the import,
/// null for a rejected row; <see cref="ExistingId"/> is the matched row of the draft, null for a new one.
/// </summary>
public sealed record PlanRow<T>(
    ImportAction Action,
    string Key,
    string Label,
    T? Values,
    int? ExistingId,
    IReadOnlyList<FieldChange> Changes,
    string? Reason)
    where T : class;

public sealed record RoomValues(string Name);

/// <summary>A slot's local start and end in the conference's zone.</summary>
public sealed record SlotValues(DateTime Start, DateTime End);

/// <summary>A speaker's values; a null <see cref="Headline"/> or <see cref="Bio"/> keeps the one the draft has.</summary>
public sealed record SpeakerValues(string Name, string? Email, string? Headline, string? Bio = null);

/// <summary>A session's values; the slot, room and people are named by their plan keys.</summary>
/// <summary>The values an import gives a session; <see cref="Language"/> is a normalized BCP 47 tag.</summary>
public sealed record SessionValues(
    string? Title,
    SessionKind Kind,
    string? Description,
    string SlotKey,
    string? RoomKey,
    IReadOnlyList<string> PeopleKeys,
    string? Track = null,
    string? Language = null);

/// <summary>A talk's values; its session and speakers are named by their plan keys.</summary>
/// <summary>The values an import gives a talk; <see cref="Position"/> is its place in its session, 0 unless it stays in a block.</summary>
public sealed record TalkValues(string Title, string? Abstract, int? DurationMinutes, string SessionKey, IReadOnlyList<string> SpeakerKeys, int Position = 0);

/// <summary>The result of comparing an imported program with the draft. Nothing is written while it is only a plan.</summary>
public sealed record ImportPlan(
    IReadOnlyList<PlanRow<RoomValues>> Rooms,
    IReadOnlyList<PlanRow<SlotValues>> Slots,
    IReadOnlyList<PlanRow<SpeakerValues>> Speakers,
    IReadOnlyList<PlanRow<SessionValues>> Sessions,
    IReadOnlyList<PlanRow<TalkValues>> Talks,
    IReadOnlyList<string> Notes,
    IReadOnlyList<ImportRejection>? UnreadLines = null)
{
    /// <summary>The lines of the file that could not be read as any item, each a rejected row of its own.</summary>
    public IReadOnlyList<ImportRejection> Lines => UnreadLines ?? [];

    /// <summary>Returns how many rows of all kinds have <paramref name="action"/>.</summary>
    public int Count(ImportAction action) =>
        Rooms.Count(r => r.Action == action) + Slots.Count(r => r.Action == action) + Speakers.Count(r => r.Action == action)
        + Sessions.Count(r => r.Action == action) + Talks.Count(r => r.Action == action)
        + (action == ImportAction.Rejected ? Lines.Count : 0);

    /// <summary>True when applying the plan would change the draft.</summary>
    public bool HasChanges => Count(ImportAction.Create) + Count(ImportAction.Update) > 0;

    /// <summary>
    /// A SHA-256 over every row's kind, action, key and changes. The confirmation compares it with
    /// the fingerprint of the previewed plan, so a draft changed in between shows a new preview.
    /// </summary>
    public string Fingerprint()
    {
        var text = new StringBuilder();
        Append(text, "room", Rooms);
        Append(text, "slot", Slots);
        Append(text, "speaker", Speakers);
        Append(text, "session", Sessions);
        Append(text, "talk", Talks);
        foreach (var line in Lines)
        {
            text.Append("line").Append('\u001f').Append(line.Label).Append('\u001f').Append(line.Reason);
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    private static void Append<T>(StringBuilder text, string kind, IReadOnlyList<PlanRow<T>> rows)
        where T : class
    {
        foreach (var row in rows)
        {
            text.Append(kind).Append('\u001f').Append(row.Action).Append('\u001f').Append(row.Key).Append('\u001f').Append(row.ExistingId);
            foreach (var change in row.Changes)
            {
                text.Append('\u001f').Append(change.Field).Append('\u001e').Append(change.Old).Append('\u001e').Append(change.New);
            }

            text.Append('\n');
        }
    }
}
