namespace ConferenceApp.Domain;

/// <summary>
/// The rules for a list of starred items: what a share link and a stored agenda may contain,
/// and the one text form ("talk-3,session-9") in which both carry it.
/// </summary>
public static class AgendaItemList
{
    /// <summary>
    /// How many keys beyond the program's size a list may hold. Stars of items that later left
    /// the program stay in the list, so a list can name a few more items than the program has.
    /// </summary>
    public const int RemovedItemAllowance = 100;

    /// <summary>The field name that errors of a posted list refer to.</summary>
    public const string Field = "items";

    /// <summary>Returns the most keys a list may hold for a program of <paramref name="programItemCount"/> talks and sessions.</summary>
    public static int MaxCount(int programItemCount) => Math.Max(0, programItemCount) + RemovedItemAllowance;

    /// <summary>
    /// Checks a posted list and returns its keys without repeats, in the order given. Throws
    /// <see cref="DomainValidationException"/> naming each invalid entry (at most five) when any
    /// entry is not a key, or when the list contains more than <paramref name="maxCount"/> keys.
    /// </summary>
    public static IReadOnlyList<AgendaItemKey> Validate(IReadOnlyList<string?> entries, int maxCount)
    {
        var errors = new List<FieldError>();
        var keys = new List<AgendaItemKey>();
        var seen = new HashSet<AgendaItemKey>();
        var invalid = 0;

        for (var index = 0; index < entries.Count; index++)
        {
            if (!AgendaItemKey.TryParse(entries[index], out var key))
            {
                invalid++;
                if (invalid <= 5)
                {
                    errors.Add(new FieldError(Field, $"Entry {index + 1} ({Describe(entries[index])}) is not an item key; keys look like \"talk-12\" or \"session-7\"."));
                }

                continue;
            }

            if (seen.Add(key))
            {
                keys.Add(key);
            }
        }

        if (invalid > 5)
        {
            errors.Add(new FieldError(Field, $"{invalid - 5} more entries are not item keys."));
        }

        if (keys.Count > maxCount)
        {
            errors.Add(new FieldError(Field, $"The list has {keys.Count} items; at most {maxCount} are allowed for this program."));
        }

        DomainValidationException.ThrowIfAny(errors);
        return keys;
    }

    /// <summary>
    /// Reads the comma-separated keys of a share link, skipping repeats and entries that are not
    /// keys, so that a damaged link still shows what it can. Reads at most <paramref name="maxCount"/>
    /// keys; <c>Skipped</c> counts the entries left out as invalid or beyond that number.
    /// </summary>
    public static (IReadOnlyList<AgendaItemKey> Keys, int Skipped) ParseLink(string? text, int maxCount)
    {
        var keys = new List<AgendaItemKey>();
        var seen = new HashSet<AgendaItemKey>();
        var skipped = 0;
        if (string.IsNullOrWhiteSpace(text))
        {
            return (keys, 0);
        }

        foreach (var entry in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!AgendaItemKey.TryParse(entry, out var key) || (!seen.Contains(key) && keys.Count >= maxCount))
            {
                skipped++;
            }
            else if (seen.Add(key))
            {
                keys.Add(key);
            }
        }

        return (keys, skipped);
    }

    /// <summary>Returns the keys in the text form of a share link and of the stored agenda.</summary>
    public static string Join(IEnumerable<AgendaItemKey> keys) => string.Join(',', keys);

    // Quotes a short entry; a long or missing one is described by its length, so an error never echoes much input.
    private static string Describe(string? entry) => entry switch
    {
        null => "not a string",
        { Length: > 40 } => $"a text of {entry.Length} characters",
        _ => $"\"{entry}\"",
    };
}
