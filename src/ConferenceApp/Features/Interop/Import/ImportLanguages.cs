using System.Globalization;
using ConferenceApp.Domain;

namespace ConferenceApp.Features.Interop.Import;

/// <summary>Reads the language of an imported item, given as a tag ("en") or a language name ("English", "Deutsch").</summary>
public static class ImportLanguages
{
    /// <summary>
    /// Returns the BCP 47 tag for <paramref name="value"/>: the value itself when it is a tag, else
    /// the tag of the neutral culture whose English or native name it is. An unknown name is
    /// returned unchanged, so that the import preview rejects the item with the value.
    /// </summary>
    public static string? ToTag(string? value)
    {
        var cleaned = Text.Clean(value);
        if (cleaned is null || LanguageTag.TryNormalize(cleaned, out _))
        {
            return cleaned;
        }

        var culture = CultureInfo.GetCultures(CultureTypes.NeutralCultures).FirstOrDefault(c =>
            c.Name.Length > 0
            && (string.Equals(c.EnglishName, cleaned, StringComparison.OrdinalIgnoreCase)
                || string.Equals(c.NativeName, cleaned, StringComparison.OrdinalIgnoreCase)));
        return culture?.Name ?? cleaned;
    }
}
