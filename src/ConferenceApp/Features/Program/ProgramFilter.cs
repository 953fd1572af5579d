using ConferenceApp.Domain;

namespace ConferenceApp.Features.Program;

/// <summary>
/// Applies a visitor's <see cref="ProgramSelection"/> to a program page. Filters of different
/// kinds combine with AND and values of one filter with OR. An item across all rooms passes every
/// room filter, because it takes place in each room. A filter value that names nothing on the
/// program is ignored, and so is a filter whose values all name nothing.
/// </summary>
public static class ProgramFilter
{
    public const string TrackKey = "track";
    public const string RoomKey = "room";
    public const string KindKey = "kind";
    public const string LanguageKey = "lang";

    /// <summary>
    /// Returns the listing of <paramref name="page"/> for <paramref name="selection"/>. The day shown
    /// is the chosen one, every day for "all", and else the first day (the page's script moves to
    /// the day of the current or next item while the conference runs).
    /// </summary>
    public static ProgramListing Apply(ProgramPage page, ProgramSelection selection)
    {
        var items = page.Days.SelectMany(d => d.Slots).SelectMany(s => s.Items).ToList();
        var facets = new List<ProgramFacet>
        {
            Facet(TrackKey, items.Select(i => i.Track).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Select(t => (t, t)), selection.Tracks),
            Facet(RoomKey, RoomsInOrder(page, items).Select(r => (r, r)), selection.Rooms),
            Facet(KindKey, items.Select(i => i.Kind).Distinct().Order().Select(k => (ProgramSelection.KindValue(k), k.Label())), selection.Kinds),
            Facet(LanguageKey, items.Select(i => i.Language).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Select(l => (l, l)), selection.Languages),
        };

        var tracks = Chosen(facets[0]);
        var rooms = Chosen(facets[1]);
        var kinds = Chosen(facets[2]);
        var languages = Chosen(facets[3]);
        var search = selection.Search;

        bool Passes(ProgramItem item) =>
            (tracks is null || (item.Track is not null && tracks.Contains(item.Track)))
            && (rooms is null || item.RoomName is null || rooms.Contains(item.RoomName))
            && (kinds is null || kinds.Contains(ProgramSelection.KindValue(item.Kind)))
            && (languages is null || (item.Language is not null && languages.Contains(item.Language)))
            && (search.IsEmpty || search.MatchesAll(SearchedTexts(item)));

        var shownKey = ShownDayKey(page, selection);
        var days = page.Days
            .Select(day =>
            {
                var filtered = new ProgramDay(day.Date, [.. day.Slots
                    .Select(slot => slot with { Items = [.. slot.Items.Where(Passes)] })
                    .Where(slot => slot.Items.Count > 0)]);
                var key = day.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
                return new ProgramDayView(filtered, shownKey is null || shownKey == key, filtered.Slots.Sum(s => s.Items.Count), new ProgramGrid(filtered, page.Rooms));
            })
            .ToList();

        var isFiltered = tracks is not null || rooms is not null || kinds is not null || languages is not null || !search.IsEmpty;
        return new ProgramListing(page, selection, days, [.. facets.Where(f => f.Options.Count >= 2)], days.Sum(d => d.MatchCount), items.Count)
        {
            IsFiltered = isFiltered,
        };
    }

    /// <summary>Returns the texts a search looks in: titles, abstracts and the names of speakers and of people leading the item.</summary>
    public static IReadOnlyList<string> SearchedTexts(ProgramItem item)
    {
        var texts = new List<string> { item.Title };
        texts.AddRange(item.People.Select(p => p.Name));
        foreach (var talk in item.Talks.Append(item.SingleTalk).OfType<ProgramTalk>())
        {
            texts.Add(talk.Title);
            texts.AddRange(talk.Speakers.Select(s => s.Name));
            if (talk.Abstract is not null)
            {
                texts.Add(talk.Abstract);
            }
        }

        return texts;
    }

    // The key of the day to show, or null for every day.
    private static string? ShownDayKey(ProgramPage page, ProgramSelection selection)
    {
        var keys = page.Days.Select(d => d.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)).ToList();
        if (keys.Count <= 1 || selection.Day == ProgramSelection.AllDays)
        {
            return null;
        }

        return selection.Day is { } day && keys.Contains(day) ? day : keys[0];
    }

    private static IEnumerable<string> RoomsInOrder(ProgramPage page, List<ProgramItem> items)
    {
        var used = items.Select(i => i.RoomName).OfType<string>().ToHashSet(StringComparer.Ordinal);
        return [.. page.Rooms.Where(used.Contains), .. used.Except(page.Rooms, StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }

    private static ProgramFacet Facet(string key, IEnumerable<(string Value, string Label)> values, IReadOnlyList<string> chosen) =>
        new(key, [.. values.Select(v => new FacetOption(v.Value, v.Label, chosen.Contains(v.Value, StringComparer.Ordinal)))]);

    // The chosen values that exist on the program, or null when the filter does not apply.
    private static HashSet<string>? Chosen(ProgramFacet facet)
    {
        var chosen = facet.Options.Where(o => o.Selected).Select(o => o.Value).ToHashSet(StringComparer.Ordinal);
        return chosen.Count > 0 ? chosen : null;
    }
}
