using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace ConferenceApp.Domain;

/// <summary>URL segments for conferences, speakers and talks: lower-case ASCII letters, digits and single hyphens.</summary>
public static partial class Slug
{
    public const int MaxLength = 80;

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex ValidPattern();

    /// <summary>Returns true when <paramref name="value"/> can be used as a URL segment as it is.</summary>
    public static bool IsValid(string? value) =>
        value is not null && value.Length <= MaxLength && ValidPattern().IsMatch(value);

    /// <summary>
    /// Builds a slug from a name or title: accents are dropped, every run of other characters
    /// becomes one hyphen, and the result is cut at a word boundary to <see cref="MaxLength"/>.
    /// Returns <paramref name="fallback"/> when nothing usable is left (a name in Hebrew, say).
    /// </summary>
    public static string From(string text, string fallback = "item")
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        var pendingHyphen = false;

        foreach (var character in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(character) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            var lower = char.ToLowerInvariant(character);
            var latin = lower is (>= 'a' and <= 'z') or (>= '0' and <= '9') ? lower.ToString() : Transliterate(lower);
            if (latin is not null)
            {
                if (pendingHyphen && builder.Length > 0)
                {
                    builder.Append('-');
                }

                builder.Append(latin);
                pendingHyphen = false;
            }
            else
            {
                pendingHyphen = true;
            }
        }

        var slug = builder.ToString();
        if (slug.Length > MaxLength)
        {
            var cut = slug.LastIndexOf('-', MaxLength);
            slug = cut > 0 ? slug[..cut] : slug[..MaxLength];
        }

        return slug.Length == 0 ? fallback : slug;
    }

    // Latin letters that do not decompose into a base letter and an accent.
    private static string? Transliterate(char lower) => lower switch
    {
        'ł' => "l",
        'ø' => "o",
        'đ' or 'ð' => "d",
        'ß' => "ss",
        'æ' => "ae",
        'œ' => "oe",
        'þ' => "th",
        'ı' => "i",
        _ => null,
    };

    /// <summary>Adds an error when a slug typed by a person is not valid.</summary>
    public static void Check(List<FieldError> errors, string field, string? value)
    {
        if (value is null)
        {
            errors.Add(new FieldError(field, "The URL name is required."));
        }
        else if (!IsValid(value))
        {
            errors.Add(new FieldError(field,
                $"The URL name \"{value}\" is invalid: use lower-case letters a-z, digits and single hyphens, at most {MaxLength} characters."));
        }
    }
}
