using ConferenceApp.Domain;
using ConferenceApp.Features.Program;

namespace ConferenceApp.Tests.Program;

/// <summary>The program page's filters, search, day choice and grid placement, on a two-day program built in memory.</summary>
public sealed class ProgramFilterTests
{
    private static readonly DateOnly FirstDay = new(2026, 3, 26);
    private static readonly DateOnly SecondDay = new(2026, 3, 27);

    private static readonly ProgramPage TwoDays = BuildTwoDays();

    private static ProgramPage BuildTwoDays()
    {
        var opening = Item(1, "Opening words", SessionKind.Opening, room: null);
        var keynote = Item(2, "Café and résumé parsing", SessionKind.Keynote, "Hall A", track: "Data", language: "en",
            talk: new ProgramTalk(20, "cafe", "Café and résumé parsing", [new PersonLink("dana", "Dana Levi", null)], null, "How models read CVs."));
        var workshop = Item(3, "שָׁלוֹם עולם", SessionKind.Workshop, "Hall B", track: "Web", language: "he",
            talk: new ProgramTalk(30, "shalom", "שָׁלוֹם עולם", [new PersonLink("noa", "Noa Cohen", null)], null, "A first program in Hebrew."));
        var lunch = Item(4, "Lunch", SessionKind.Meal, room: null);
        var panel = Item(5, "Panel on ethics", SessionKind.Panel, "Hall A", track: "Data", language: "he");

        return new ProgramPage(Conference(), [
            new ProgramDay(FirstDay, [Slot(FirstDay, 9, 0, 9, 30, opening), Slot(FirstDay, 9, 30, 10, 30, keynote, workshop), Slot(FirstDay, 12, 0, 13, 0, lunch)]),
            new ProgramDay(SecondDay, [Slot(SecondDay, 10, 0, 11, 0, panel)]),
        ]) { Rooms = ["Hall A", "Hall B"] };
    }

    private static ConferenceHeader Conference() =>
        new(1, "test", "Test conference", null, "Asia/Jerusalem", FirstDay, SecondDay, null);

    private static ProgramItem Item(int id, string title, SessionKind kind, string? room, string? track = null, string? language = null, ProgramTalk? talk = null) =>
        new(id, title, kind, room, null, null, [], talk, [], track, language);

    private static ProgramSlot Slot(DateOnly day, int startHour, int startMinute, int endHour, int endMinute, params ProgramItem[] items)
    {
        var start = day.ToDateTime(new TimeOnly(startHour, startMinute));
        var end = day.ToDateTime(new TimeOnly(endHour, endMinute));
        var offset = TimeSpan.FromHours(2);
        return new ProgramSlot(new LocalTime(start, new DateTimeOffset(start, offset)), new LocalTime(end, new DateTimeOffset(end, offset)), items);
    }

    private static ProgramSelection Select(params (string Key, string Value)[] query) =>
        ProgramSelection.Parse(key => query.Where(q => q.Key == key).Select(q => (string?)q.Value).ToList());

    private static List<string> ShownTitles(ProgramListing listing) =>
        [.. listing.Days.SelectMany(d => d.Day.Slots).SelectMany(s => s.Items).Select(i => i.Title)];

    [Fact]
    public void No_selection_keeps_every_item()
    {
        var listing = ProgramFilter.Apply(TwoDays, ProgramSelection.None);

        Assert.Equal(5, listing.MatchCount);
        Assert.Equal(5, listing.TotalCount);
        Assert.False(listing.IsFiltered);
    }

    [Fact]
    public void Default_day_is_first_day()
    {
        var listing = ProgramFilter.Apply(TwoDays, ProgramSelection.None);

        Assert.Equal(FirstDay, listing.ShownDay);
        Assert.True(listing.Days[0].IsShown);
        Assert.False(listing.Days[1].IsShown);
    }

    [Fact]
    public void Chosen_day_is_shown()
    {
        var listing = ProgramFilter.Apply(TwoDays, Select(("day", "2026-03-27")));

        Assert.Equal(SecondDay, listing.ShownDay);
        Assert.False(listing.Days[0].IsShown);
    }

    [Fact]
    public void All_days_shows_every_day()
    {
        var listing = ProgramFilter.Apply(TwoDays, Select(("day", "all")));

        Assert.Null(listing.ShownDay);
        Assert.All(listing.Days, day => Assert.True(day.IsShown));
    }

    [Theory]
    [InlineData("2026-03-28")]
    [InlineData("2026-02-30")]
    [InlineData("yesterday")]
    [InlineData("")]
    public void Unknown_day_falls_back_to_first(string day)
    {
        var listing = ProgramFilter.Apply(TwoDays, Select(("day", day)));

        Assert.Equal(FirstDay, listing.ShownDay);
    }

    [Fact]
    public void Values_of_one_filter_combine_with_or()
    {
        var listing = ProgramFilter.Apply(TwoDays, Select(("kind", "keynote"), ("kind", "panel")));

        Assert.Equal(["Café and résumé parsing", "Panel on ethics"], ShownTitles(listing));
        Assert.True(listing.IsFiltered);
    }

    [Fact]
    public void Different_filters_combine_with_and()
    {
        var listing = ProgramFilter.Apply(TwoDays, Select(("track", "Data"), ("lang", "he")));

        Assert.Equal(["Panel on ethics"], ShownTitles(listing));
    }

    [Fact]
    public void Room_filter_keeps_all_room_items()
    {
        var listing = ProgramFilter.Apply(TwoDays, Select(("room", "Hall B")));

        Assert.Equal(["Opening words", "שָׁלוֹם עולם", "Lunch"], ShownTitles(listing));
    }

    [Fact]
    public void Unknown_filter_value_is_ignored()
    {
        var listing = ProgramFilter.Apply(TwoDays, Select(("room", "Basement"), ("kind", "séance")));

        Assert.Equal(5, listing.MatchCount);
        Assert.False(listing.IsFiltered);
    }

    [Fact]
    public void Unknown_value_beside_known_one_is_ignored()
    {
        var listing = ProgramFilter.Apply(TwoDays, Select(("room", "Basement"), ("room", "Hall A")));

        Assert.Equal(["Opening words", "Café and résumé parsing", "Lunch", "Panel on ethics"], ShownTitles(listing));
    }

    [Fact]
    public void Facets_list_values_on_the_program()
    {
        var listing = ProgramFilter.Apply(TwoDays, Select(("room", "Hall A")));

        var rooms = listing.Facets.Single(f => f.Key == ProgramFilter.RoomKey);
        Assert.Equal(["Hall A", "Hall B"], rooms.Options.Select(o => o.Value));
        Assert.True(rooms.Options[0].Selected);
        Assert.False(rooms.Options[1].Selected);
        Assert.Equal(["track", "room", "kind", "lang"], listing.Facets.Select(f => f.Key));
    }

    [Fact]
    public void Facet_with_one_value_is_left_out()
    {
        var page = TwoDays with { Days = [TwoDays.Days[1]] };

        var listing = ProgramFilter.Apply(page, ProgramSelection.None);

        Assert.DoesNotContain(listing.Facets, f => f.Key == ProgramFilter.RoomKey);
        Assert.DoesNotContain(listing.Facets, f => f.Key == ProgramFilter.TrackKey);
    }

    [Theory]
    [InlineData("cafe")]
    [InlineData("CAFÉ")]
    [InlineData("resume")]
    public void Search_ignores_case_and_accents(string query)
    {
        var listing = ProgramFilter.Apply(TwoDays, Select(("q", query)));

        Assert.Equal(["Café and résumé parsing"], ShownTitles(listing));
    }

    [Fact]
    public void Search_ignores_Hebrew_vowel_points()
    {
        var listing = ProgramFilter.Apply(TwoDays, Select(("q", "שלום")));

        Assert.Equal(["שָׁלוֹם עולם"], ShownTitles(listing));
    }

    [Theory]
    [InlineData("dana")]
    [InlineData("CVs")]
    public void Search_reads_speakers_and_abstracts(string query)
    {
        var listing = ProgramFilter.Apply(TwoDays, Select(("q", query)));

        Assert.Equal(["Café and résumé parsing"], ShownTitles(listing));
    }

    [Fact]
    public void Search_needs_every_word()
    {
        Assert.Single(ShownTitles(ProgramFilter.Apply(TwoDays, Select(("q", "models cafe")))));
        Assert.Empty(ShownTitles(ProgramFilter.Apply(TwoDays, Select(("q", "models lunch")))));
    }

    [Fact]
    public void Search_combines_with_filters()
    {
        var listing = ProgramFilter.Apply(TwoDays, Select(("q", "o"), ("kind", "workshop")));

        Assert.Equal(["שָׁלוֹם עולם"], ShownTitles(listing));
    }

    [Fact]
    public void Search_with_no_match_counts_zero()
    {
        var listing = ProgramFilter.Apply(TwoDays, Select(("q", "quantum")));

        Assert.Equal(0, listing.MatchCount);
        Assert.All(listing.Days, day => Assert.Equal(0, day.MatchCount));
    }

    [Fact]
    public void Huge_search_is_cut()
    {
        var search = TextSearch.Parse(new string('a', 100_000));

        Assert.Equal(TextSearch.MaxLength, search.Text.Length);
    }

    [Fact]
    public void Search_uses_first_query_value()
    {
        var listing = ProgramFilter.Apply(TwoDays, Select(("q", "lunch"), ("q", "panel")));

        Assert.Equal(["Lunch"], ShownTitles(listing));
    }

    [Fact]
    public void Highlight_marks_accent_free_match()
    {
        var search = TextSearch.Parse("cafe <b>");

        Assert.Equal("<mark>Café</mark> <mark>&lt;b&gt;</mark>", search.Highlight("Café <b>").ToString());
    }

    [Fact]
    public void Highlight_encodes_text_without_match()
    {
        var search = TextSearch.Parse("zzz");

        Assert.Equal("&lt;script&gt;", search.Highlight("<script>").ToString());
    }

    [Fact]
    public void Excerpt_marks_match_in_long_text()
    {
        var text = new string('x', 300) + " target " + new string('y', 300);

        var excerpt = TextSearch.Parse("target").Excerpt(text)!.ToString();

        Assert.StartsWith("…", excerpt, StringComparison.Ordinal);
        Assert.EndsWith("…", excerpt, StringComparison.Ordinal);
        Assert.Contains("<mark>target</mark>", excerpt, StringComparison.Ordinal);
    }

    [Fact]
    public void Layout_reads_list_and_grid()
    {
        Assert.Equal(ProgramLayout.List, Select(("view", "list")).Layout);
        Assert.Equal(ProgramLayout.Grid, Select(("view", "grid")).Layout);
        Assert.Equal(ProgramLayout.Auto, Select(("view", "<script>")).Layout);
    }

    [Fact]
    public void Query_keeps_filters_and_changes_day()
    {
        var listing = ProgramFilter.Apply(TwoDays, Select(("room", "Hall A"), ("q", "café & co")));

        Assert.Equal("?view=grid&day=all&room=Hall%20A&q=caf%C3%A9%20%26%20co", listing.Query(ProgramLayout.Grid, "all"));
        Assert.Equal("", listing.Query(ProgramLayout.Auto, null, withFilters: false));
    }

    [Fact]
    public void Grid_places_rooms_and_all_room_items()
    {
        var day = TwoDays.Days[0];
        var grid = new ProgramGrid(day, TwoDays.Rooms);

        Assert.Equal(["Hall A", "Hall B"], grid.Rooms);
        Assert.Equal("--row:2/3;--column:2/4", grid.ItemStyle(day.Slots[0], day.Slots[0].Items[0]));
        Assert.Equal("--row:3/4;--column:2", grid.ItemStyle(day.Slots[1], day.Slots[1].Items[0]));
        Assert.Equal("--row:3/4;--column:3", grid.ItemStyle(day.Slots[1], day.Slots[1].Items[1]));
        Assert.Equal("--row:5/6;--column:1", grid.TimeStyle(day.Slots[2]));
    }
}
