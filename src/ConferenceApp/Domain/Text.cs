namespace ConferenceApp.Domain;

/// <summary>Normalization and checks shared by every text field of the model.</summary>
public static class Text
{
    public const int NameMaxLength = 200;
    public const int TitleMaxLength = 300;
    public const int LongTextMaxLength = 20_000;

    /// <summary>Opening quotation marks: a title that starts with one is already quoted.</summary>
    private const string OpeningQuotes = "“\"«„'‘‚";

    /// <summary>
    /// Returns the title in curly quotation marks for a sentence, or the title unchanged when it
    /// already starts with a quotation mark, so that “"Every breath" …” does not show two marks.
    /// </summary>
    public static string Quoted(string title) =>
        title.Length > 0 && OpeningQuotes.Contains(title[0], StringComparison.Ordinal) ? title : $"“{title}”";

    /// <summary>
    /// Removes the bidirectional embeddings, overrides and isolates (U+202A to U+202E, U+2066 to
    /// U+2069). They reorder the text that follows them, which can disguise a name or a link, and
    /// Hebrew or Arabic text reads correctly without them. The direction marks U+200E and U+200F,
    /// which affect only the neutral characters next to them, are kept.
    /// </summary>
    public static string RemoveDirectionOverrides(string value)
    {
        static bool Reorders(char c) => c is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');

        return value.Any(Reorders) ? string.Concat(value.Where(c => !Reorders(c))) : value;
    }

    /// <summary>
    /// Removes control characters other than tab and line breaks (U+0000 to U+001F, U+007F to
    /// U+009F). They are invisible on a page, and XML 1.0 exports cannot carry most of them.
    /// </summary>
    public static string RemoveControlCharacters(string value)
    {
        static bool Unwanted(char c) => char.IsControl(c) && c is not ('\t' or '\n' or '\r');

        return value.Any(Unwanted) ? string.Concat(value.Where(c => !Unwanted(c))) : value;
    }

    /// <summary>
    /// Trims surrounding white space, removes direction overrides and control characters, and
    /// turns an empty result into null. Other characters, typographic quotes and line breaks
    /// included, are kept as typed.
    /// </summary>
    public static string? Clean(string? value)
    {
        if (value is null)
        {
            return null;
        }

        var trimmed = RemoveControlCharacters(RemoveDirectionOverrides(value)).Trim();
        return trimmed.Length == 0 ? null : trimmed;
    }

    /// <summary>Normalizes line breaks of multi-line text to "\n", so every output gets one form.</summary>
    public static string? CleanMultiline(string? value)
    {
        var cleaned = Clean(value);
        return cleaned?.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
    }

    /// <summary>Adds an error when a required value is missing or any value is longer than allowed.</summary>
    public static void Check(List<FieldError> errors, string field, string label, string? value, int maxLength, bool required)
    {
        if (value is null)
        {
            if (required)
            {
                errors.Add(FieldError.Format(field, "{0} is required.", label));
            }

            return;
        }

        if (value.Length > maxLength)
        {
            errors.Add(FieldError.Format(field, "{0} must be at most {1} characters long; it has {2}.", label, maxLength, value.Length));
        }
    }
}
