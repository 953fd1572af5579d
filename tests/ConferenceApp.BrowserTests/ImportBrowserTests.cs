using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using ConferenceApp.BrowserTests.Support;

namespace ConferenceApp.BrowserTests;

/// <summary>
/// The exports and the import in the browser. A visitor follows the export links of the program
/// page. An organizer imports the demo's frab XML into a new conference through the upload form,
/// the preview and the confirmation.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed partial class ImportBrowserTests(BrowserFixture browser)
{
    private const string Demo = "wids-tlv-2023";

    [Fact]
    public async Task Export_links_download_each_format()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/{Demo}/program");

        var links = page.Locator(".exports a[type]");
        Assert.Equal(4, await links.CountAsync());
        for (var i = 0; i < 4; i++)
        {
            var href = (await links.Nth(i).GetAttributeAsync("href"))!;
            var expectedType = (await links.Nth(i).GetAttributeAsync("type"))!;

            var response = await page.APIRequest.GetAsync(href);

            Assert.Equal(200, response.Status);
            Assert.StartsWith(expectedType, response.Headers["content-type"], StringComparison.Ordinal);
            Assert.NotEmpty(await response.BodyAsync());
        }
    }

    [Fact]
    public async Task Demo_export_imports_into_new_conference()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var export = await page.APIRequest.GetAsync($"/{Demo}/schedule.xml");
        var xml = await export.BodyAsync();

        await OrganizerSteps.LogInAsync(page, AppServer.OrganizerEmail);
        await page.GotoAsync("/organize/conferences/new");
        await page.Locator("input[name='Name']").FillAsync("Imported copy");
        await page.Locator("input[name='TimeZoneId']").FillAsync("Asia/Jerusalem");
        await page.Locator("input[name='StartDate']").FillAsync("2023-03-09");
        await page.Locator("input[name='EndDate']").FillAsync("2023-03-09");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/organize/imported-copy$"));

        await page.GotoAsync("/organize/imported-copy/import");
        await page.Locator("#format").SelectOptionAsync("frab-xml");
        await page.Locator("#file").SetInputFilesAsync(new FilePayload { Name = "schedule.xml", MimeType = "application/xml", Buffer = xml });
        await page.GetByRole(AriaRole.Button, new() { Name = "Show the preview", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(PreviewAddress());

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Preview of schedule.xml");
        Assert.True(await page.Locator("tr[data-action='Create']").CountAsync() > 10);
        Assert.Equal(0, await page.Locator("tr[data-action='Rejected']").CountAsync());

        await page.GetByRole(AriaRole.Button, new() { Name = "Import these changes", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/organize/imported-copy/import$"));
        await Assertions.Expect(page.Locator(".alert-success")).ToContainTextAsync("Imported schedule.xml");

        // frab has no blocks, so each talk of a block comes back as an item of its own.
        var exportedTitles = XDocument.Parse(Encoding.UTF8.GetString(xml)).Descendants("event").Select(e => e.Element("title")!.Value).ToList();
        await page.GotoAsync("/organize/imported-copy/preview");
        var imported = await page.Locator("article.item h3.item-title").AllInnerTextsAsync();
        Assert.Equal(exportedTitles.Order(StringComparer.Ordinal), imported.Order(StringComparer.Ordinal));
    }

    [GeneratedRegex("/organize/imported-copy/import/[0-9a-f-]{36}$")]
    private static partial Regex PreviewAddress();
}
