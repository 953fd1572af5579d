using ConferenceApp.BrowserTests.Support;

namespace ConferenceApp.BrowserTests;

/// <summary>An organizer renames a session in the organizer pages, and the public program shows the new title once it is published.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class SessionRenameBrowserTests(BrowserFixture browser)
{
    private const string SessionListPath = "/organize/wids-tlv-2023/sessions";
    private const string NewTitle = "“Lightning talks” – round 2…";

    [Fact]
    public async Task Renamed_session_shows_on_program()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();

        await OrganizerSteps.LogInAsync(page, AppServer.OrganizerEmail);

        var sessions = await page.GotoAsync(SessionListPath);
        Assert.True(sessions?.Status == 200, $"GET {SessionListPath} returned HTTP {sessions?.Status}, expected 200 from the organizer's session list.");

        await page.GetByRole(AriaRole.Link, new() { Name = "Lightning talks", Exact = true }).ClickAsync();
        await page.Locator("input[name='Title']").FillAsync(NewTitle);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        await page.GotoAsync("/wids-tlv-2023/program");
        var titlesBefore = await page.Locator("article.item h3.item-title").AllInnerTextsAsync();
        Assert.Contains("Lightning talks", titlesBefore);
        Assert.DoesNotContain(NewTitle, titlesBefore);

        await OrganizerSteps.PublishAsync(page, "wids-tlv-2023");

        await page.GotoAsync("/wids-tlv-2023/program");
        var titles = await page.Locator("article.item h3.item-title").AllInnerTextsAsync();

        Assert.Contains(NewTitle, titles);
        Assert.DoesNotContain("Lightning talks", titles);
    }
}
