using ConferenceApp.Domain;

namespace ConferenceApp.Features.Interop.Import;

/// <summary>Session kinds for formats that only mark an item as a break or name a format in free text.</summary>
public static class ImportKinds
{
    /// <summary>
    /// Returns the kind of an item without a talk (a break or other service item) from its title.
    /// A title with "lunch", "dinner" or "breakfast" gives Meal, one with "break", "coffee" or
    /// "pause" gives Break, and one that names the opening, closing or a reception gives that kind.
    /// Any other title gives Other.
    /// </summary>
    public static SessionKind OfServiceItem(string? title)
    {
        var text = (title ?? "").ToLowerInvariant();
        if (text.Contains("lunch", StringComparison.Ordinal) || text.Contains("dinner", StringComparison.Ordinal) || text.Contains("breakfast", StringComparison.Ordinal))
        {
            return SessionKind.Meal;
        }

        if (text.Contains("break", StringComparison.Ordinal) || text.Contains("coffee", StringComparison.Ordinal) || text.Contains("pause", StringComparison.Ordinal))
        {
            return SessionKind.Break;
        }

        var kind = FrabEventReader.KindOf(Text.Clean(title)?.Replace(' ', '-'));
        return FrabEventReader.HoldsTalk(kind) ? SessionKind.Other : kind;
    }

    /// <summary>Returns the kind a format name such as "Workshop" or "Lightning talk" names, or Other when it names none.</summary>
    public static SessionKind OfFormatName(string? name) =>
        Text.Clean(name) is { } cleaned ? FrabEventReader.KindOf(cleaned.Replace(' ', '-')) : SessionKind.Other;
}
