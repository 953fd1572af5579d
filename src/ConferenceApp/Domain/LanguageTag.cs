namespace ConferenceApp.Domain;

/// <summary>
/// Checks and normalizes BCP 47 language tags (RFC 5646) such as "en", "he", "de-CH",
/// "zh-Hant-TW" or "sr-Latn". The check follows the tag's syntax, not the IANA subtag
/// registry, so a well-formed tag with an unregistered language passes.
/// </summary>
public static class LanguageTag
{
    /// <summary>The length RFC 5646 section 4.4.1 requires implementations to accept at least.</summary>
    public const int MaxLength = 35;

    /// <summary>
    /// Returns the tag in its conventional case (language and extensions lower case, script title
    /// case, region upper case), with "_" read as "-", or null when <paramref name="value"/> is
    /// blank. Returns false when the value is not a well-formed tag.
    /// </summary>
    public static bool TryNormalize(string? value, out string? normalized)
    {
        normalized = null;
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return true;
        }

        if (trimmed.Length > MaxLength)
        {
            return false;
        }

        var subtags = trimmed.Replace('_', '-').Split('-');
        if (subtags.Any(s => s.Length == 0 || !s.All(char.IsAsciiLetterOrDigit)))
        {
            return false;
        }

        var parts = new List<string>();
        if (!ReadTag(subtags, parts))
        {
            return false;
        }

        normalized = string.Join('-', parts);
        return true;
    }

    // The grammar of RFC 5646 section 2.1 without the grandfathered tags:
    // language ["-" script] ["-" region] *("-" variant) *("-" extension) ["-" privateuse].
    // The language must have 2 or 3 letters. The grammar also allows 5 to 8 letters for
    // registered languages, but the registry has none, and "English" typed in the field is a
    // mistake to report rather than a tag.
    private static bool ReadTag(string[] subtags, List<string> parts)
    {
        var index = 0;
        var language = subtags[index];
        if (!IsAlpha(language) || language.Length is < 2 or > 3)
        {
            return false;
        }

        parts.Add(language.ToLowerInvariant());
        index++;

        // Up to three extended language subtags follow a two- or three-letter language.
        var extended = 0;
        while (extended < 3 && index < subtags.Length && subtags[index].Length == 3 && IsAlpha(subtags[index]))
        {
            parts.Add(subtags[index++].ToLowerInvariant());
            extended++;
        }

        if (index < subtags.Length && subtags[index].Length == 4 && IsAlpha(subtags[index]))
        {
            var script = subtags[index++];
            parts.Add(char.ToUpperInvariant(script[0]) + script[1..].ToLowerInvariant());
        }

        if (index < subtags.Length && IsRegion(subtags[index]))
        {
            parts.Add(subtags[index++].ToUpperInvariant());
        }

        while (index < subtags.Length && IsVariant(subtags[index]))
        {
            parts.Add(subtags[index++].ToLowerInvariant());
        }

        return ReadExtensions(subtags, index, parts);
    }

    private static bool ReadExtensions(string[] subtags, int index, List<string> parts)
    {
        while (index < subtags.Length)
        {
            var singleton = subtags[index].ToLowerInvariant();
            if (singleton.Length != 1)
            {
                return false;
            }

            // A private-use part "x-…" takes subtags of 1 to 8 characters, an extension 2 to 8.
            var minLength = singleton == "x" ? 1 : 2;
            parts.Add(singleton);
            index++;

            var start = index;
            while (index < subtags.Length && subtags[index].Length >= minLength && subtags[index].Length <= 8
                && (singleton == "x" || subtags[index].Length > 1))
            {
                parts.Add(subtags[index++].ToLowerInvariant());
            }

            if (index == start)
            {
                return false;
            }

            if (singleton == "x" && index < subtags.Length)
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsAlpha(string subtag) => subtag.All(char.IsAsciiLetter);

    private static bool IsRegion(string subtag) =>
        (subtag.Length == 2 && IsAlpha(subtag)) || (subtag.Length == 3 && subtag.All(char.IsAsciiDigit));

    private static bool IsVariant(string subtag) =>
        subtag.Length is >= 5 and <= 8 || (subtag.Length == 4 && char.IsAsciiDigit(subtag[0]));
}
