namespace ConferenceApp.Features.Program;

/// <summary>
/// The program page as a visitor chose to see it: every day of the program with the items that
/// pass the filters and the search, which day is shown, and the filter choices on offer.
/// </summary>
public sealed record ProgramListing(
    ProgramPage Page,
    ProgramSelection Selection,
    IReadOnlyList<ProgramDayView> Days,
    IReadOnlyList<ProgramFacet> Facets,
    int MatchCount,
    int TotalCount)
{
    public ConferenceHeader Conference => Page.Conference;

    /// <summary>The day shown, or null when every day is shown.</summary>
    public DateOnly? ShownDay => Days.Count > 1 && Days.Count(d => d.IsShown) == 1 ? Days.Single(d => d.IsShown).Day.Date : null;

    /// <summary>True when some filter or the search is applied, counting only values that name something on the program.</summary>
    public bool IsFiltered { get; init; }

    /// <summary>
    /// Returns the query string ("?view=grid&amp;day=...", or "" when empty) of the page with
    /// <paramref name="layout"/> and <paramref name="day"/>, and with the current filters and
    /// search unless <paramref name="withFilters"/> is false.
    /// </summary>
    public string Query(ProgramLayout layout, string? day, bool withFilters = true)
    {
        var pairs = new List<KeyValuePair<string, string?>>();
        if (layout != ProgramLayout.Auto)
        {
            pairs.Add(new("view", layout.ToString().ToLowerInvariant()));
        }

        if (day is not null)
        {
            pairs.Add(new("day", day));
        }

        if (withFilters)
        {
            pairs.AddRange(Selection.Tracks.Select(v => new KeyValuePair<string, string?>(ProgramFilter.TrackKey, v)));
            pairs.AddRange(Selection.Rooms.Select(v => new KeyValuePair<string, string?>(ProgramFilter.RoomKey, v)));
            pairs.AddRange(Selection.Kinds.Select(v => new KeyValuePair<string, string?>(ProgramFilter.KindKey, v)));
            pairs.AddRange(Selection.Languages.Select(v => new KeyValuePair<string, string?>(ProgramFilter.LanguageKey, v)));
            if (!Selection.Search.IsEmpty)
            {
                pairs.Add(new("q", Selection.Search.Text));
            }
        }

        return Microsoft.AspNetCore.Http.QueryString.Create(pairs).ToUriComponent();
    }
}

/// <summary>One day of the program with the items that pass the filters; a day not shown is in the page but hidden.</summary>
public sealed record ProgramDayView(ProgramDay Day, bool IsShown, int MatchCount, ProgramGrid Grid)
{
    /// <summary>The day's value in the address, such as 2023-03-09.</summary>
    public string Key => Day.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>A kind of filter (track, room, kind or language) with its query key and the values on the program.</summary>
public sealed record ProgramFacet(string Key, IReadOnlyList<FacetOption> Options);

/// <summary>A value of a filter: what goes in the address, what the visitor reads, and whether it is chosen.</summary>
public sealed record FacetOption(string Value, string Label, bool Selected);
