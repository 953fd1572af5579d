using System.Globalization;
using System.Text;
using System.Xml;

namespace ConferenceApp.Features.Interop.Frab;

/// <summary>Text rules that the frab formats impose on the values the app stores.</summary>
public static class FrabText
{
    /// <summary>
    /// Removes the characters that XML 1.0 forbids: C0 control characters other than tab, line feed
    /// and carriage return, U+FFFE, U+FFFF and unpaired surrogates. The JSON export applies the same
    /// rule, so both formats carry the same text. Returns "" for null.
    /// </summary>
    public static string Clean(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        var builder = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            var character = value[i];
            if (char.IsHighSurrogate(character) && i + 1 < value.Length && XmlConvert.IsXmlSurrogatePair(value[i + 1], character))
            {
                builder.Append(character).Append(value[i + 1]);
                i++;
            }
            else if (XmlConvert.IsXmlChar(character))
            {
                builder.Append(character);
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// Derives the acronym from a conference slug. The frab JSON schema allows only lower-case
    /// letters, digits, "_" and "-"; a slug already matches, and any other character becomes "-".
    /// </summary>
    public static string Acronym(string conferenceSlug)
    {
        var builder = new StringBuilder(conferenceSlug.Length);
        foreach (var character in conferenceSlug.ToLowerInvariant())
        {
            builder.Append(character is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_' or '-' ? character : '-');
        }

        return builder.Length == 0 ? "conference" : builder.ToString();
    }

    /// <summary>Formats a length as hours and minutes, "01:30"; seconds are dropped.</summary>
    public static string Duration(TimeSpan duration) =>
        string.Create(CultureInfo.InvariantCulture, $"{(int)duration.TotalHours:00}:{duration.Minutes:00}");
}
