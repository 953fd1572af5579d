using System.Net;
using ConferenceApp.Tests.Support;

namespace ConferenceApp.Tests.Program;

/// <summary>The public program of the demo conference, as the seed defines it.</summary>
public sealed class ProgramPageTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string ProgramPath = "/wids-tlv-2023/program";

    /// <summary>The demo agenda in order: local start, local end and the title shown.</summary>
    private static readonly (string Start, string End, string Title)[] Agenda =
    [
        ("08:45", "09:30", "Reception"),
        ("09:30", "09:50", "Opening words"),
        ("09:50", "10:20", "Data Challenges in Recommender Systems Research: Insights from Bundle Recommendation"),
        ("10:20", "10:50", "Accounting Automation: Making Accounting Easier So That People Can Forget About It"),
        ("10:50", "11:00", "Break"),
        ("11:00", "12:20", "Lightning talks"),
        ("12:20", "13:20", "Lunch & poster session"),
        ("13:20", "14:05", "Roundtable session & poster session"),
        ("14:05", "14:20", "Roundtable closure"),
        ("14:20", "14:30", "Break"),
        ("14:30", "14:50", "“Every Breath You Take and Every Move You Make…I'll Be Watching You:” The Sensitive Side of Smartwatches"),
        ("14:50", "15:10", "Ad Serving in the Online Geo Space Along Routes"),
        ("15:10", "15:30", "It’s Not Just the Doctor’s Handwriting: Challenges and Opportunities in Healthcare NLP"),
        ("15:30", "15:40", "Closing remarks"),
    ];

    private Task<HtmlPage> GetProgramAsync() => app.CreateClient().GetPageAsync(ProgramPath);

    [Fact]
    public async Task Program_returns_200()
    {
        var page = await GetProgramAsync();

        Assert.Equal(HttpStatusCode.OK, page.Status);
    }

    [Fact]
    public async Task Program_shows_all_14_items()
    {
        var page = await GetProgramAsync();

        Assert.Equal(14, page.Document.QuerySelectorAll("article.item").Length);
    }

    [Fact]
    public async Task Program_titles_in_agenda_order()
    {
        var page = await GetProgramAsync();

        Assert.Equal(Agenda.Select(item => item.Title), page.Texts("article.item h3.item-title"));
    }

    [Fact]
    public async Task Program_times_in_agenda_order()
    {
        var page = await GetProgramAsync();

        var times = page.Document.QuerySelectorAll("li.slot .slot-time")
            .Select(slot => string.Join("–", slot.QuerySelectorAll("time").Select(time => time.TextContent.Trim())));
        Assert.Equal(Agenda.Select(item => $"{item.Start}–{item.End}"), times);
    }

    [Theory]
    [InlineData("“Every Breath You Take and Every Move You Make…I'll Be Watching You:” The Sensitive Side of Smartwatches")]
    [InlineData("It’s Not Just the Doctor’s Handwriting: Challenges and Opportunities in Healthcare NLP")]
    public async Task Program_keeps_typographic_characters(string title)
    {
        var page = await GetProgramAsync();

        Assert.Contains(title, page.Texts("h3.item-title a"));
    }

    [Fact]
    public async Task Time_elements_carry_Jerusalem_offset()
    {
        var page = await GetProgramAsync();

        var values = page.Document.QuerySelectorAll("li.slot time").Select(time => time.GetAttribute("datetime")).ToList();

        Assert.Equal(Agenda.Length * 2, values.Count);
        Assert.All(values, value => Assert.EndsWith("+02:00", value, StringComparison.Ordinal));
        Assert.Equal("2023-03-09T08:45:00+02:00", values[0]);
        Assert.Equal("2023-03-09T15:40:00+02:00", values[^1]);
    }

    [Fact]
    public async Task Opening_words_lists_both_people()
    {
        var page = await GetProgramAsync();

        var opening = Assert.Single(page.Document.QuerySelectorAll("article.item"), item => item.QuerySelector("h3")!.TextContent.Trim() == "Opening words");
        var people = opening.QuerySelectorAll("ul.people li").ToList();

        Assert.Equal(2, people.Count);
        Assert.Equal("Nitzan Gado", people[0].QuerySelector("a")!.TextContent);
        Assert.Equal("/wids-tlv-2023/speakers/nitzan-gado", people[0].QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal(", WiDS TLV ambassador", people[0].QuerySelector(".role")!.TextContent);
        Assert.Equal("Lily Ben Ami", people[1].QuerySelector("a")!.TextContent);
        Assert.Equal(", CEO of the Michal Sela Forum", people[1].QuerySelector(".role")!.TextContent);
    }

    [Fact]
    public async Task Lightning_talks_block_holds_Almog_talk()
    {
        var page = await GetProgramAsync();

        var block = Assert.Single(page.Document.QuerySelectorAll("article.item"), item => item.QuerySelector("h3")!.TextContent.Trim() == "Lightning talks");
        var talk = Assert.Single(block.QuerySelectorAll("ol.block-talks > li"));

        var talkLink = talk.QuerySelector("a")!;
        Assert.Equal("Knowledge is a Region in Weight Space for Fine-tuned Language Models", talkLink.TextContent);
        Assert.Equal("/wids-tlv-2023/talks/knowledge-is-a-region-in-weight-space", talkLink.GetAttribute("href"));
        Assert.Equal("Almog Gueta", talk.QuerySelector("ul.people a")!.TextContent);
    }

    [Fact]
    public async Task Single_talk_items_link_to_talks()
    {
        var page = await GetProgramAsync();

        var links = page.Document.QuerySelectorAll("h3.item-title a").Select(link => link.GetAttribute("href")).ToList();

        Assert.Equal(5, links.Count);
        Assert.Contains("/wids-tlv-2023/talks/challenges-and-opportunities-in-healthcare-nlp", links);
    }

    [Fact]
    public async Task Program_uses_the_conference_layout()
    {
        var page = await GetProgramAsync();

        Assert.Equal("Program · WiDS TLV 2023", page.Document.Title);
        Assert.Equal("All times are local to Asia/Jerusalem.", page.Document.QuerySelector("footer span")!.TextContent.Trim());
    }
}
