using System.IO.Compression;
using ConferenceApp.Data;
using ConferenceApp.Tests.Support;
using Xunit.Abstractions;

namespace ConferenceApp.Tests.Program;

/// <summary>
/// What a phone on a slow network downloads for the public pages: the program page with its
/// stylesheets, scripts and images (speaker photos aside) stays under 60 KB compressed, nothing
/// blocks rendering, and photos load lazily at a fixed size.
/// </summary>
public sealed class PageWeightTests(AppFactory app, ITestOutputHelper output) : IClassFixture<AppFactory>
{
    private const int BudgetBytes = 60 * 1024;

    private static readonly string[] PublicPages =
    [
        $"/{DemoConference.Slug}/program",
        $"/{DemoConference.Slug}/speakers",
        $"/{DemoConference.Slug}/speakers/nitzan-gado",
        $"/{DemoConference.Slug}/changes",
        $"/{DemoConference.Slug}/agenda",
    ];

    [Fact]
    public async Task Program_page_fits_budget()
    {
        var client = app.CreateClient();
        var page = await client.GetPageAsync($"/{DemoConference.Slug}/program");
        var resources = page.Document.QuerySelectorAll("link[rel=stylesheet][href], script[src], img[src], link[rel=icon][href]")
            .Select(element => element.GetAttribute("href") ?? element.GetAttribute("src")!)
            .Where(url => !url.StartsWith("/photos/", StringComparison.Ordinal))
            .Prepend($"/{DemoConference.Slug}/program")
            .Distinct()
            .ToList();

        var total = 0;
        foreach (var url in resources)
        {
            // Compressed here at Brotli's default level; the published app serves its copies at the
            // highest level, so real transfers are smaller than this sum.
            var size = Compressed(await client.GetByteArrayAsync(new Uri(url, UriKind.Relative))).Length;
            output.WriteLine($"{size,8} bytes  {url}");
            total += size;
        }

        output.WriteLine($"{total,8} bytes  in all, budget {BudgetBytes}");
        Assert.True(total < BudgetBytes, $"The program page with its resources is {total} bytes compressed, over the budget of {BudgetBytes}.");
    }

    [Fact]
    public async Task Public_pages_load_no_blocking_script()
    {
        var client = app.CreateClient();
        foreach (var url in PublicPages)
        {
            var page = await client.GetPageAsync(url);

            // JSON-LD is a data block, which the browser does not run.
            Assert.Empty(page.Document.QuerySelectorAll("script:not([src]):not([type='application/ld+json'])"));
            Assert.All(page.Document.QuerySelectorAll("script[src]"), script =>
                Assert.True(script.HasAttribute("defer") || script.HasAttribute("async") || script.GetAttribute("type") == "module", $"{url}: {script.OuterHtml}"));
        }
    }

    [Fact]
    public async Task Public_images_are_lazy_and_sized()
    {
        var client = app.CreateClient();
        foreach (var url in PublicPages)
        {
            var page = await client.GetPageAsync(url);

            Assert.All(page.Document.QuerySelectorAll("img"), image =>
            {
                Assert.Equal("lazy", image.GetAttribute("loading"));
                Assert.Matches("^[0-9]+$", image.GetAttribute("width") ?? "");
                Assert.Matches("^[0-9]+$", image.GetAttribute("height") ?? "");
            });
        }
    }

    private static byte[] Compressed(byte[] bytes)
    {
        using var buffer = new MemoryStream();
        using (var brotli = new BrotliStream(buffer, CompressionLevel.Optimal))
        {
            brotli.Write(bytes);
        }

        return buffer.ToArray();
    }
}
