using System.Net;
using ConferenceApp.Data;
using ConferenceApp.Tests.Support;

namespace ConferenceApp.Tests.Program;

/// <summary>The program page of the demo conference with layouts, filters and searches in its query string, hostile ones included.</summary>
public sealed class ProgramQueryTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string ProgramPath = $"/{DemoConference.Slug}/program";

    private Task<HtmlPage> GetAsync(string query) => app.CreateClient().GetPageAsync(ProgramPath + query);

    private static List<string> Titles(HtmlPage page) =>
        [.. page.Document.QuerySelectorAll("article.item h3.item-title").Select(h => h.TextContent.Trim())];

    [Theory]
    [InlineData("", "layout-auto")]
    [InlineData("?view=list", "layout-list")]
    [InlineData("?view=grid", "layout-grid")]
    [InlineData("?view=GRID", "layout-auto")]
    public async Task Layout_comes_from_view(string query, string expected)
    {
        var page = await GetAsync(query);

        Assert.True(page.Document.QuerySelector("#program")!.ClassList.Contains(expected), page.Document.QuerySelector("#program")!.ClassName);
    }

    [Fact]
    public async Task Kind_filter_keeps_talks_only()
    {
        var page = await GetAsync("?kind=talk");

        var items = page.Document.QuerySelectorAll("article.item");
        Assert.Equal(5, items.Length);
        Assert.All(items, item => Assert.True(item.ClassList.Contains("kind-talk")));
        Assert.Contains("5 of 14 items match.", page.Document.QuerySelector(".program-count")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(ProgramPath, page.Document.QuerySelector("a.clear-filters")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Kind_filter_is_checked_in_form()
    {
        var page = await GetAsync("?kind=talk&kind=break");

        var checkedKinds = page.Document.QuerySelectorAll("form.program-filter input[name=kind][checked]").Select(i => i.GetAttribute("value"));
        Assert.Equal(["talk", "break"], checkedKinds);
        Assert.Equal(7, page.Document.QuerySelectorAll("article.item").Length);
    }

    [Fact]
    public async Task Search_marks_matched_words()
    {
        var page = await GetAsync("?q=RECOMMENDER");

        Assert.Equal(["Data Challenges in Recommender Systems Research: Insights from Bundle Recommendation"], Titles(page));
        Assert.Equal("Recommender", page.Document.QuerySelector("h3.item-title mark")!.TextContent);
        Assert.Equal("RECOMMENDER", page.Document.QuerySelector("#program-q")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Search_finds_speaker_name()
    {
        var page = await GetAsync("?q=juan");

        Assert.Equal(["Accounting Automation: Making Accounting Easier So That People Can Forget About It"], Titles(page));
        Assert.Equal("Juan", page.Document.QuerySelector(".people a mark")!.TextContent);
    }

    [Theory]
    [InlineData("?q=Doctor's", "It’s Not Just the Doctor’s Handwriting: Challenges and Opportunities in Healthcare NLP")]
    [InlineData("?q=Ben-Ami", "Opening words")]
    public async Task Search_ignores_apostrophe_and_dash_forms(string query, string title)
    {
        var page = await GetAsync(query);

        Assert.Equal([title], Titles(page));
    }

    [Fact]
    public async Task Control_characters_are_no_search()
    {
        var page = await GetAsync("?q=%00%01");

        Assert.Equal(14, Titles(page).Count);
        Assert.Null(page.Document.QuerySelector(".program-count"));
    }

    [Fact]
    public async Task Search_without_match_offers_way_back()
    {
        var page = await GetAsync("?q=zzzz-nothing&view=list");

        Assert.Empty(page.Document.QuerySelectorAll("article.item"));
        var back = page.Document.QuerySelector(".no-match a")!;
        Assert.Equal(ProgramPath + "?view=list", back.GetAttribute("href"));
    }

    [Theory]
    [InlineData("?room=Nowhere")]
    [InlineData("?kind=%3Cscript%3E")]
    [InlineData("?day=2023-02-30")]
    [InlineData("?day=1999-01-01")]
    [InlineData("?day=tomorrow&day=2023-03-09")]
    [InlineData("?view=grid&view=list")]
    [InlineData("?q=")]
    [InlineData("?q=%20%20%20")]
    [InlineData("?q=%00")]
    [InlineData("?q=%FF%FE")]
    [InlineData("?q=a&q=b&room=&kind=&track=x&lang=yy")]
    [InlineData("?view[]=grid&day[0]=x")]
    public async Task Hostile_query_is_ignored(string query)
    {
        var page = await GetAsync(query);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.True(page.Document.QuerySelectorAll("article.item").Length > 0 || page.Document.QuerySelector(".no-match") is not null);
    }

    [Fact]
    public async Task Huge_search_is_cut_not_rejected()
    {
        var page = await GetAsync("?q=" + new string('a', 6000));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(200, page.Document.QuerySelector("#program-q")!.GetAttribute("value")!.Length);
    }

    [Fact]
    public async Task Many_repeated_filters_are_ignored()
    {
        var query = "?" + string.Join("&", Enumerable.Range(0, 300).Select(i => $"room=r{i}"));

        var page = await GetAsync(query);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(14, page.Document.QuerySelectorAll("article.item").Length);
    }

    [Fact]
    public async Task Searches_are_cached_apart()
    {
        var client = app.CreateClient();

        var first = await client.GetPageAsync(ProgramPath + "?q=juan");
        var second = await client.GetPageAsync(ProgramPath + "?q=bracha");

        Assert.Single(first.Document.QuerySelectorAll("article.item"));
        Assert.Equal(["Data Challenges in Recommender Systems Research: Insights from Bundle Recommendation"], Titles(second));
    }

    [Fact]
    public async Task Times_are_labelled_with_zone()
    {
        var page = await GetAsync("");

        var label = page.Document.QuerySelector("#program-zone .zone-label")!.TextContent;
        Assert.Equal("Times in Asia/Jerusalem (UTC+02:00)", label);
        Assert.Equal("Asia/Jerusalem", page.Document.QuerySelector("#program-zone")!.GetAttribute("data-zone"));
    }

    [Fact]
    public async Task Starrable_entries_carry_item_keys()
    {
        var page = await GetAsync("");

        var entries = page.Document.QuerySelectorAll("#program [data-item-key]:not(button)");
        Assert.Equal(14, entries.Length);
        foreach (var entry in entries)
        {
            var key = entry.GetAttribute("data-item-key")!;
            Assert.Matches("^(talk|session)-[0-9]+$", key);
            var button = entry.QuerySelector($"button.star-toggle[data-item-key='{key}']")!;
            Assert.True(button.HasAttribute("hidden"));
            Assert.Equal("false", button.GetAttribute("aria-pressed"));
            Assert.StartsWith("Star ", button.GetAttribute("aria-label"), StringComparison.Ordinal);
        }

        var block = page.Document.QuerySelectorAll("article.item").Single(a => a.QuerySelector("ol.block-talks") is not null);
        Assert.False(block.HasAttribute("data-item-key"));
    }

    [Fact]
    public async Task Single_day_has_no_day_switcher()
    {
        var page = await GetAsync("");

        Assert.Null(page.Document.QuerySelector(".day-switcher"));
        Assert.Null(page.Document.QuerySelector("section.program-day[hidden]"));
    }

    [Fact]
    public async Task Page_loads_program_scripts_deferred()
    {
        var page = await GetAsync("");

        var sources = page.Document.QuerySelectorAll("script[src][defer]").Select(s => s.GetAttribute("src")!).ToList();
        Assert.Contains(sources, s => s.StartsWith("/js/program-now.", StringComparison.Ordinal));
        Assert.Contains(sources, s => s.StartsWith("/js/program.", StringComparison.Ordinal));
    }
}
