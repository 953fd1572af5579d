using System.Globalization;
using ConferenceApp.Domain;

namespace ConferenceApp.Features.Program;

/// <summary>How the program page lays items out: by the screen's width, always as a list, or always as a room grid.</summary>
public enum ProgramLayout
{
    Auto,
    List,
    Grid,
}

/// <summary>
/// What a visitor chose on the program page through its query string: the layout, the day, the
/// filters and the search. Built from raw query values, so every value is untrusted: unknown
/// values are ignored, and none of them can fail the page.
/// </summary>
public sealed record ProgramSelection(
    ProgramLayout Layout,
    string? Day,
    IReadOnlyList<string> Tracks,
    IReadOnlyList<string> Rooms,
    IReadOnlyList<string> Kinds,
    IReadOnlyList<string> Languages,
    TextSearch Search)
{
    /// <summary>The query value of <see cref="Day"/> that shows every day.</summary>
    public const string AllDays = "all";

    /// <summary>The most values read for one filter; further values are ignored.</summary>
    public const int MaxValuesPerFilter = 50;

    /// <summary>The longest filter value read; a longer one cannot name anything and is ignored.</summary>
    public const int MaxValueLength = 200;

    public static ProgramSelection None { get; } = new(ProgramLayout.Auto, null, [], [], [], [], TextSearch.Parse(null));

    public bool HasFilters => Tracks.Count > 0 || Rooms.Count > 0 || Kinds.Count > 0 || Languages.Count > 0 || !Search.IsEmpty;

    /// <summary>
    /// Reads the selection from the query's values by key (view, day, track, room, kind, lang, q).
    /// A key given more than once counts for the filters; view, day and q take their first value.
    /// </summary>
    public static ProgramSelection Parse(Func<string, IReadOnlyList<string?>> values)
    {
        var layout = First(values("view")) switch
        {
            "list" => ProgramLayout.List,
            "grid" => ProgramLayout.Grid,
            _ => ProgramLayout.Auto,
        };

        var day = First(values("day"));
        if (day is not AllDays && !IsDate(day))
        {
            day = null;
        }

        return new ProgramSelection(
            layout,
            day,
            Values(values("track")),
            Values(values("room")),
            Values(values("kind")),
            Values(values("lang")),
            TextSearch.Parse(First(values("q"))));
    }

    /// <summary>Returns the query value of a kind, such as "talkblock".</summary>
    public static string KindValue(SessionKind kind) => kind.ToString().ToLowerInvariant();

    private static string? First(IReadOnlyList<string?> values) => values.Count > 0 ? values[0] : null;

    private static bool IsDate(string? value) =>
        value is not null && DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    private static List<string> Values(IReadOnlyList<string?> values) =>
        [.. values
            .Select(v => v?.Trim())
            .OfType<string>()
            .Where(v => v.Length is > 0 and <= MaxValueLength)
            .Distinct(StringComparer.Ordinal)
            .Take(MaxValuesPerFilter)];
}
