using System.Net;
using AngleSharp.Html.Parser;
using ConferenceApp.Tests.Support;

namespace ConferenceApp.Tests.Program;

/// <summary>An app that offers English and Hebrew, as <c>Localization:SupportedCultures</c> sets it.</summary>
public sealed class BilingualApp : IDisposable
{
    public AppFactory App { get; } = new() { Settings = { ["Localization:SupportedCultures"] = "en,he" } };

    public void Dispose() => App.Dispose();
}

/// <summary>
/// The interface language of a request, chosen by the culture cookie first, then Accept-Language,
/// then English. Also the page's lang, dir and stylesheet, the chooser, and one cache entry per language.
/// </summary>
public sealed class LanguageTests(BilingualApp bilingual) : IClassFixture<BilingualApp>
{
    private const string ProgramUrl = "/wids-tlv-2023/program";

    [Fact]
    public async Task English_is_the_default()
    {
        var page = await bilingual.App.CreateBrowserlessClient().GetPageAsync(ProgramUrl);
        var html = page.Document.DocumentElement;

        Assert.Equal("en", html.GetAttribute("lang"));
        Assert.Equal("ltr", html.GetAttribute("dir"));
        Assert.Contains(page.Texts("header nav a"), text => text == "Program");
        Assert.Contains(StylesheetsOf(page), href => href.Contains("bootstrap.min.", StringComparison.Ordinal));
        Assert.DoesNotContain(StylesheetsOf(page), href => href.Contains(".rtl.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Accept_language_he_gives_hebrew_rtl()
    {
        var client = bilingual.App.CreateBrowserlessClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("fr, he-IL;q=0.8, en;q=0.5");

        using var response = await client.GetAsync(new Uri(ProgramUrl, UriKind.Relative));
        var document = await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());
        var html = document.DocumentElement;

        Assert.Equal(["he"], response.Content.Headers.ContentLanguage);
        Assert.Equal("he", html.GetAttribute("lang"));
        Assert.Equal("rtl", html.GetAttribute("dir"));
        Assert.Contains(document.QuerySelectorAll("link[rel=stylesheet]"), link => link.GetAttribute("href")!.Contains("bootstrap.rtl.min.", StringComparison.Ordinal));
        Assert.Contains(document.QuerySelectorAll("header nav a"), link => link.TextContent == "תוכנית");
        Assert.Contains(document.QuerySelectorAll("header nav a"), link => link.TextContent == "מרצים");
    }

    [Fact]
    public async Task Cookie_wins_over_accept_language()
    {
        var client = bilingual.App.CreateBrowserlessClient();
        client.DefaultRequestHeaders.Add("Cookie", "culture=he");
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");

        var page = await client.GetPageAsync(ProgramUrl);

        Assert.Equal("he", page.Document.DocumentElement.GetAttribute("lang"));
    }

    [Fact]
    public async Task Unsupported_cookie_falls_back_to_english()
    {
        var client = bilingual.App.CreateBrowserlessClient();
        client.DefaultRequestHeaders.Add("Cookie", "culture=fr");

        var page = await client.GetPageAsync(ProgramUrl);

        Assert.Equal("en", page.Document.DocumentElement.GetAttribute("lang"));
    }

    [Fact]
    public async Task Cache_keeps_one_entry_per_language()
    {
        const string Url = "/wids-tlv-2023/speakers";
        var hebrew = bilingual.App.CreateBrowserlessClient();
        hebrew.DefaultRequestHeaders.AcceptLanguage.ParseAdd("he");
        var english = bilingual.App.CreateBrowserlessClient();

        using var firstHebrew = await hebrew.GetAsync(new Uri(Url, UriKind.Relative));
        using var firstEnglish = await english.GetAsync(new Uri(Url, UriKind.Relative));
        using var secondHebrew = await hebrew.GetAsync(new Uri(Url, UriKind.Relative));
        using var secondEnglish = await english.GetAsync(new Uri(Url, UriKind.Relative));

        // The English request after the Hebrew one renders its own page rather than the cached Hebrew one.
        Assert.Null(firstEnglish.Headers.Age);
        Assert.Contains("<html lang=\"en\"", await firstEnglish.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.NotNull(secondHebrew.Headers.Age);
        Assert.Contains("<html lang=\"he\"", await secondHebrew.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.NotNull(secondEnglish.Headers.Age);
        Assert.Contains("<html lang=\"en\"", await secondEnglish.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Chooser_lists_each_language_in_itself()
    {
        var page = await bilingual.App.CreateBrowserlessClient().GetPageAsync(ProgramUrl);

        var form = page.Document.QuerySelector("footer form.language-chooser");
        Assert.NotNull(form);
        Assert.Equal("/culture", form.GetAttribute("action"));
        Assert.Equal(ProgramUrl, form.QuerySelector("input[name=returnUrl]")?.GetAttribute("value"));
        Assert.Equal(["English", "עברית"], form.QuerySelectorAll("option").Select(option => option.TextContent));
        Assert.Equal("en", form.QuerySelector("option[selected]")?.GetAttribute("value"));
    }

    [Fact]
    public async Task Chooser_sets_cookie_and_returns()
    {
        var client = bilingual.App.CreateBrowserlessClient();

        using var response = await PostChoiceAsync(client, "he", ProgramUrl + "?day=2023-03-09");
        var page = await client.GetPageAsync(ProgramUrl);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(ProgramUrl + "?day=2023-03-09", response.Headers.Location?.OriginalString);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith("culture=he;", cookie, StringComparison.Ordinal);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("he", page.Document.DocumentElement.GetAttribute("lang"));
    }

    [Theory]
    [InlineData("https://attacker.example/")]
    [InlineData("//attacker.example/")]
    [InlineData("")]
    public async Task Chooser_returns_only_to_local_address(string returnUrl)
    {
        using var response = await PostChoiceAsync(bilingual.App.CreateBrowserlessClient(), "he", returnUrl);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("fr")]
    [InlineData("")]
    public async Task Chooser_rejects_unsupported_language(string culture)
    {
        using var response = await PostChoiceAsync(bilingual.App.CreateBrowserlessClient(), culture, ProgramUrl);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie"));
        Assert.Contains("en, he", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hebrew_keeps_times_and_exports()
    {
        var english = bilingual.App.CreateBrowserlessClient();
        var hebrew = bilingual.App.CreateBrowserlessClient();
        hebrew.DefaultRequestHeaders.AcceptLanguage.ParseAdd("he");

        var englishPage = await english.GetPageAsync(ProgramUrl);
        var hebrewPage = await hebrew.GetPageAsync(ProgramUrl);
        static IEnumerable<string> Times(HtmlPage page) =>
            page.Document.QuerySelectorAll("time").Select(time => time.GetAttribute("datetime") + " " + time.TextContent);

        Assert.NotEmpty(Times(englishPage));
        Assert.Equal(Times(englishPage), Times(hebrewPage));
        Assert.Equal(englishPage.Texts("h2"), hebrewPage.Texts("h2"));
        foreach (var export in new[] { "/wids-tlv-2023/schedule.json", "/wids-tlv-2023/schedule.xml", "/wids-tlv-2023/schedule.ics", "/api/conferences/wids-tlv-2023/talks" })
        {
            Assert.Equal(await english.GetStringAsync(new Uri(export, UriKind.Relative)), await hebrew.GetStringAsync(new Uri(export, UriKind.Relative)));
        }
    }

    [Fact]
    public async Task Error_page_speaks_hebrew()
    {
        var client = bilingual.App.CreateBrowserlessClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("he");

        var page = await client.GetPageAsync("/wids-tlv-2023/talks/no-such-talk");

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Equal("הדף לא נמצא", page.Document.QuerySelector("h1")?.TextContent);
        Assert.Equal("rtl", page.Document.DocumentElement.GetAttribute("dir"));
    }

    [Fact]
    public async Task Hebrew_labels_talk_speaker_and_changes()
    {
        var client = bilingual.App.CreateBrowserlessClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("he");

        var talk = await client.GetPageAsync("/wids-tlv-2023/talks/data-challenges-in-recommender-systems-research");
        var host = await client.GetPageAsync("/wids-tlv-2023/speakers/lily-ben-ami");
        var speaker = await client.GetPageAsync("/wids-tlv-2023/speakers/bracha-shapira");
        var changes = await client.GetPageAsync("/wids-tlv-2023/changes");

        Assert.Equal("הוספה ללוח השנה (\u200e.ics)", talk.Texts(".calendar-link a").Single());
        Assert.Equal("בתוכנית", host.Texts("#sessions-heading").Single());
        Assert.Equal("הרצאה", speaker.Texts("#talks-heading").Single());
        Assert.Contains(changes.Texts(".change-group li"), line => line.EndsWith("· כל האולמות", StringComparison.Ordinal));
    }

    private static IEnumerable<string> StylesheetsOf(HtmlPage page) =>
        page.Document.QuerySelectorAll("link[rel=stylesheet]").Select(link => link.GetAttribute("href") ?? "");

    private static Task<HttpResponseMessage> PostChoiceAsync(HttpClient client, string culture, string returnUrl) =>
        client.PostAsync(new Uri("/culture", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["culture"] = culture,
            ["returnUrl"] = returnUrl,
        }));
}

/// <summary>With the default setting, English only, the footer has no chooser.</summary>
public sealed class SingleLanguageTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Single_language_hides_chooser()
    {
        var client = app.CreateBrowserlessClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("he");

        var page = await client.GetPageAsync("/wids-tlv-2023/program");

        Assert.Null(page.Document.QuerySelector(".language-chooser"));
        Assert.Equal("en", page.Document.DocumentElement.GetAttribute("lang"));
    }
}
