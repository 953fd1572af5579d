using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;

namespace ConferenceApp.Features.Program;

/// <summary>
/// The data that a public page gives link previews and search engines about itself: the OpenGraph and
/// Twitter card fields, the canonical address, and schema.org data as JSON-LD. Every URL is absolute.
/// </summary>
/// <param name="OpenGraphType">"website" for a list page, "article" for a talk, "profile" for a speaker.</param>
/// <param name="JsonLd">The JSON-LD document, escaped by <see cref="PageSharing.Serialize"/> for a script element; null for none.</param>
public sealed record PageSharing(
    string Title,
    string Description,
    string CanonicalUrl,
    string? ImageUrl,
    string OpenGraphType,
    string? JsonLd)
{
    /// <summary>The length at which a description is cut for link previews; longer ones end in an ellipsis.</summary>
    public const int DescriptionMaxLength = 200;

    // The default JavaScript encoder escapes <, >, &, ' and + in every string, so no text can
    // close the script element or open a comment in it. UnicodeRanges.All keeps letters of other
    // scripts readable instead of \u escapes.
    private static readonly JsonSerializerOptions JsonLdOptions = new()
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    /// <summary>Serializes a JSON-LD document so that it can stand inside &lt;script type="application/ld+json"&gt;.</summary>
    public static string Serialize(JsonNode document) => document.ToJsonString(JsonLdOptions);

    /// <summary>
    /// Returns <paramref name="text"/> as one line for a description: runs of white space become
    /// one space, and text longer than <see cref="DescriptionMaxLength"/> is cut at a word with "…".
    /// </summary>
    public static string Summary(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }

        var line = new StringBuilder(text.Length);
        foreach (var character in text.Trim())
        {
            if (char.IsWhiteSpace(character))
            {
                if (line.Length > 0 && line[^1] != ' ')
                {
                    line.Append(' ');
                }
            }
            else if (!char.IsControl(character))
            {
                line.Append(character);
            }
        }

        if (line.Length <= DescriptionMaxLength)
        {
            return line.ToString();
        }

        var cut = line.ToString(0, DescriptionMaxLength);
        var lastSpace = cut.LastIndexOf(' ');
        return (lastSpace > DescriptionMaxLength / 2 ? cut[..lastSpace] : cut).TrimEnd() + "…";
    }
}
