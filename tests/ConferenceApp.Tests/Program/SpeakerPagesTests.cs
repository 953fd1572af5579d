using System.Net;
using ConferenceApp.Tests.Support;

namespace ConferenceApp.Tests.Program;

/// <summary>The speaker list, a speaker's page and a talk's page of the demo conference.</summary>
public sealed class SpeakerPagesTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string AlmogPath = "/wids-tlv-2023/speakers/almog-gueta";
    private const string TalkPath = "/wids-tlv-2023/talks/knowledge-is-a-region-in-weight-space";
    private const string TalkTitle = "Knowledge is a Region in Weight Space for Fine-tuned Language Models";
    private const string Headline = "MSc Data Science student at the Technion";
    private const string BioSentence = "She recently completed an internship with IBM Research in the Debating Technology group.";

    private const string AbstractParagraph =
        "Different fine-tuned language models based on their weights and performance were compared, with the result being "
        + "that models trained in similar ways have similar weights, which fall in the same region of the weight space. "
        + "Therefore, models trained on the same dataset form a tight cluster, and models trained on the same task form larger clusters.";

    [Fact]
    public async Task Speaker_page_returns_200()
    {
        var page = await app.CreateClient().GetPageAsync(AlmogPath);

        Assert.Equal(HttpStatusCode.OK, page.Status);
    }

    [Fact]
    public async Task Speaker_page_shows_name_heading()
    {
        var page = await app.CreateClient().GetPageAsync(AlmogPath);

        Assert.Equal("Almog Gueta", page.Document.QuerySelector("main h1")!.TextContent);
    }

    [Fact]
    public async Task Speaker_page_shows_headline_once()
    {
        var page = await app.CreateClient().GetPageAsync(AlmogPath);

        Assert.Equal(1, page.CountInHtml(Headline));
    }

    [Fact]
    public async Task Speaker_page_shows_bio_once()
    {
        var page = await app.CreateClient().GetPageAsync(AlmogPath);

        Assert.Equal(1, page.CountInHtml(BioSentence));
    }

    [Fact]
    public async Task Speaker_page_shows_abstract_once()
    {
        var page = await app.CreateClient().GetPageAsync(AlmogPath);

        Assert.Equal(1, page.CountInHtml(AbstractParagraph));
    }

    [Fact]
    public async Task Speaker_page_links_the_talk_once()
    {
        var page = await app.CreateClient().GetPageAsync(AlmogPath);

        var link = Assert.Single(page.Document.QuerySelectorAll($"main a[href='{TalkPath}']"));
        Assert.Equal(TalkTitle, link.TextContent);
    }

    [Fact]
    public async Task Speaker_page_places_talk_in_block()
    {
        var page = await app.CreateClient().GetPageAsync(AlmogPath);

        var placement = page.Document.QuerySelector("article.talk p.small")!.TextContent;

        Assert.Contains("11:00–12:20", placement, StringComparison.Ordinal);
        Assert.Contains("in Lightning talks", placement, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Speaker_page_lists_led_sessions()
    {
        var page = await app.CreateClient().GetPageAsync("/wids-tlv-2023/speakers/lily-ben-ami");

        var session = Assert.Single(page.Texts("#sessions-heading + ul > li"));
        Assert.StartsWith("Opening words, as CEO of the Michal Sela Forum", session, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Talk_page_shows_title_and_speaker()
    {
        var page = await app.CreateClient().GetPageAsync(TalkPath);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(TalkTitle, page.Document.QuerySelector("main h1")!.TextContent);
        Assert.Equal(["Almog Gueta"], page.Texts("article.talk ul.people a"));
    }

    [Fact]
    public async Task Talk_page_shows_four_abstract_paragraphs()
    {
        var page = await app.CreateClient().GetPageAsync(TalkPath);

        var paragraphs = page.Texts(".abstract p");

        Assert.Equal(4, paragraphs.Count);
        Assert.Equal(AbstractParagraph, paragraphs[1]);
        Assert.EndsWith("mapping between models’ weights and performance.", paragraphs[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Talk_page_shows_time_and_block()
    {
        var page = await app.CreateClient().GetPageAsync(TalkPath);

        var placement = page.Document.QuerySelector("article.talk > p")!.TextContent;

        Assert.Contains("Thursday, 9 March 2023", placement, StringComparison.Ordinal);
        Assert.Contains("11:00–12:20", placement, StringComparison.Ordinal);
        Assert.Contains("in Lightning talks", placement, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Talk_page_keeps_typographic_title()
    {
        var page = await app.CreateClient().GetPageAsync("/wids-tlv-2023/talks/the-sensitive-side-of-smartwatches");

        Assert.Equal(
            "“Every Breath You Take and Every Move You Make…I'll Be Watching You:” The Sensitive Side of Smartwatches",
            page.Document.QuerySelector("main h1")!.TextContent);
    }

    [Fact]
    public async Task Speakers_list_shows_everyone_by_name()
    {
        var page = await app.CreateClient().GetPageAsync("/wids-tlv-2023/speakers");

        Assert.Equal(
            ["Almog Gueta", "Juan Liu", "Lily Ben Ami", "Merav Mofaz", "Nitzan Gado", "Prof. Bracha Shapira", "Rachel Wities", "Reut Yaniv"],
            page.Texts("ul.speaker-list li a"));
    }

    [Fact]
    public async Task Speakers_list_links_speaker_pages()
    {
        var page = await app.CreateClient().GetPageAsync("/wids-tlv-2023/speakers");

        var almog = page.Document.QuerySelector("ul.speaker-list li a")!;

        Assert.Equal(AlmogPath, almog.GetAttribute("href"));
        Assert.Equal(Headline, almog.ParentElement!.QuerySelector("div")!.TextContent.Trim());
    }
}
