using System.Globalization;

namespace ConferenceApp.Domain;

/// <summary>The kind of program item that an attendee can star.</summary>
public enum AgendaItemKind
{
    Talk,
    Session,
}

/// <summary>
/// One starred program item, written "talk-{id}" or "session-{id}" with the database id of the
/// talk or session in the release snapshot. Ids are positive and have no leading zeros, so
/// each item has exactly one key.
/// </summary>
public readonly record struct AgendaItemKey(AgendaItemKind Kind, int Id)
{
    /// <summary>The longest key: "session-" and the ten digits of <see cref="int.MaxValue"/>.</summary>
    public const int MaxLength = 18;

    private const string TalkPrefix = "talk-";
    private const string SessionPrefix = "session-";

    public static AgendaItemKey Talk(int id) => new(AgendaItemKind.Talk, id);

    public static AgendaItemKey Session(int id) => new(AgendaItemKind.Session, id);

    /// <summary>Reads a key such as "talk-12". Returns false for anything else, including "talk-012", "talk-0" and "TALK-12".</summary>
    public static bool TryParse(string? text, out AgendaItemKey key)
    {
        key = default;
        if (text is null || text.Length > MaxLength)
        {
            return false;
        }

        AgendaItemKind kind;
        string digits;
        if (text.StartsWith(TalkPrefix, StringComparison.Ordinal))
        {
            kind = AgendaItemKind.Talk;
            digits = text[TalkPrefix.Length..];
        }
        else if (text.StartsWith(SessionPrefix, StringComparison.Ordinal))
        {
            kind = AgendaItemKind.Session;
            digits = text[SessionPrefix.Length..];
        }
        else
        {
            return false;
        }

        if (digits.Length == 0 || digits[0] == '0' || !digits.All(char.IsAsciiDigit)
            || !int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return false;
        }

        key = new AgendaItemKey(kind, id);
        return true;
    }

    public override string ToString() =>
        (Kind == AgendaItemKind.Talk ? TalkPrefix : SessionPrefix) + Id.ToString(CultureInfo.InvariantCulture);
}
