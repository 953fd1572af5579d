using System.Text.Json;

namespace ConferenceApp.Features.Interop.Import;

/// <summary>
/// Reading helpers for the JSON import formats. Values of the wrong JSON kind read as missing,
/// except numbers where text is expected, which read as their digits, so an id of 12 and "12" give
/// the same key.
/// </summary>
public static class ImportJson
{
    /// <exception cref="ImportFileException">The file is not UTF-8 or not valid JSON. The message names the line and position.</exception>
    public static JsonDocument Load(Stream content)
    {
        try
        {
            using var utf8 = ImportEncoding.RequireUtf8(content);
            return JsonDocument.Parse(utf8, new JsonDocumentOptions { MaxDepth = 32, CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException exception)
        {
            // JsonException counts lines and bytes from 0, but people count from 1.
            var line = (exception.LineNumber ?? 0) + 1;
            var position = (exception.BytePositionInLine ?? 0) + 1;
            var detail = exception.Message;
            var cut = detail.IndexOf(" LineNumber:", StringComparison.Ordinal);
            if (cut > 0)
            {
                detail = detail[..cut].TrimEnd();
            }

            throw new ImportFileException($"The file is not valid JSON: line {line}, byte {position} of that line: {detail} If the file ends early, download it again, because it was probably cut off.");
        }
    }

    /// <summary>Returns every element of the array <paramref name="name"/>, of any JSON kind, or none when it is missing or not an array.</summary>
    public static IEnumerable<JsonElement> Elements(JsonElement parent, string name) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray()
            : [];

    public static IEnumerable<JsonElement> Objects(JsonElement parent, string name) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object)
            : [];

    /// <summary>Returns the text of each string or number of the array <paramref name="name"/>, or of the "id" of each object in it.</summary>
    public static IReadOnlyList<string> Ids(JsonElement parent, string name)
    {
        if (parent.ValueKind != JsonValueKind.Object || !parent.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        return [.. value.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.Object ? TextOf(e, "id") : Scalar(e)).OfType<string>()];
    }

    public static string? TextOf(JsonElement parent, string name) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var value) ? Scalar(value) : null;

    /// <summary>
    /// Returns a text that may be translated: a string, or an object of language codes such as
    /// {"en": "…", "de": "…"}, of which the English text is taken, else the first one.
    /// </summary>
    public static string? Localized(JsonElement parent, string name)
    {
        if (parent.ValueKind != JsonValueKind.Object || !parent.TryGetProperty(name, out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            return Scalar(value);
        }

        if (value.TryGetProperty("en", out var english) && Scalar(english) is { } text)
        {
            return text;
        }

        return value.EnumerateObject().Select(p => Scalar(p.Value)).FirstOrDefault(t => t is not null);
    }

    /// <summary>True for JSON true and the string "true"; anything else, missing included, is false.</summary>
    public static bool Flag(JsonElement parent, string name) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var value)
        && (value.ValueKind == JsonValueKind.True || (value.ValueKind == JsonValueKind.String && string.Equals(value.GetString(), "true", StringComparison.OrdinalIgnoreCase)));

    private static string? Scalar(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.GetRawText(),
        _ => null,
    };
}
