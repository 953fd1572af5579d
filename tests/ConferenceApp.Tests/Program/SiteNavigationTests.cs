using System.Net;
using ConferenceApp.Tests.Support;

namespace ConferenceApp.Tests.Program;

/// <summary>Where "/" leads, and the 404 page for addresses that name nothing.</summary>
public sealed class SiteNavigationTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Root_redirects_to_demo_program()
    {
        using var response = await app.CreateBrowserlessClient().GetAsync(new Uri("/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/wids-tlv-2023/program", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Conference_root_redirects_to_program()
    {
        using var response = await app.CreateBrowserlessClient().GetAsync(new Uri("/wids-tlv-2023", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/wids-tlv-2023/program", response.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("/humans.txt")]
    [InlineData("/no-such-conference")]
    [InlineData("/WIDS-TLV-2023")]
    public async Task Unknown_top_level_path_gives_404(string path)
    {
        using var response = await app.CreateBrowserlessClient().GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("/no-such-conference/program")]
    [InlineData("/no-such-conference/speakers")]
    [InlineData("/wids-tlv-2023/speakers/no-such-speaker")]
    [InlineData("/wids-tlv-2023/talks/no-such-talk")]
    [InlineData("/wids-tlv-2023/no/such/page")]
    public async Task Unknown_address_gives_404(string path)
    {
        var page = await app.CreateClient().GetPageAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
    }

    [Theory]
    [InlineData("/no-such-conference/program")]
    [InlineData("/wids-tlv-2023/speakers/no-such-speaker")]
    [InlineData("/wids-tlv-2023/talks/no-such-talk")]
    public async Task Not_found_page_uses_layout(string path)
    {
        var page = await app.CreateClient().GetPageAsync(path);

        Assert.Equal("Page not found", page.Document.QuerySelector("main h1")!.TextContent);
        Assert.Equal("Page not found · ConferenceApp", page.Document.Title);
        Assert.NotNull(page.Document.QuerySelector("header nav[aria-label='Site']"));
        Assert.NotNull(page.Document.QuerySelector("link[href^='/lib/bootstrap/dist/css/bootstrap.min.'][href$='.css']"));
        Assert.NotNull(page.Document.QuerySelector("footer"));
    }

    [Fact]
    public async Task Error_path_opened_directly_gives_404()
    {
        var page = await app.CreateClient().GetPageAsync("/error/500");

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
    }
}
