using System.Text.RegularExpressions;
using ConferenceApp.BrowserTests.Support;

namespace ConferenceApp.BrowserTests;

/// <summary>An organizer renames a session in the organizer pages, and the public program shows the new title once it is published.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed partial class SessionRenameBrowserTests(BrowserFixture browser)
{
    private const string SessionListPath = "/organize/wids-tlv-2023/sessions";
    private const string ReleasesPath = "/organize/wids-tlv-2023/releases";
    private const string NewTitle = "“Lightning talks” – round 2…";

    [Fact]
    public async Task Renamed_session_shows_on_program()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();

        await LogInAsync(page);

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

        await PublishAsync(page);

        await page.GotoAsync("/wids-tlv-2023/program");
        var titles = await page.Locator("article.item h3.item-title").AllInnerTextsAsync();

        Assert.Contains(NewTitle, titles);
        Assert.DoesNotContain("Lightning talks", titles);
    }

    // Publishes the draft from the releases page, confirming conflicts when the form requires it.
    private static async Task PublishAsync(IPage page)
    {
        await page.GotoAsync(ReleasesPath);
        await page.GetByRole(AriaRole.Link, new() { Name = "Publish a release…", Exact = true }).ClickAsync();
        var confirm = page.Locator("input[name='ConflictsConfirmed'][type='checkbox']");
        if (await confirm.CountAsync() > 0)
        {
            await confirm.CheckAsync();
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Publish", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(ReleaseListPage());
        await Assertions.Expect(page.Locator(".alert-success")).ToContainTextAsync("Published release");
    }

    private static async Task LogInAsync(IPage page)
    {
        await page.GotoAsync("/Identity/Account/Login");
        await page.Locator("input[name='Input.Email']").FillAsync(AppServer.OrganizerEmail);
        await page.Locator("input[name='Input.Password']").FillAsync(AppServer.OrganizerPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log in", Exact = true }).ClickAsync();

        await page.WaitForURLAsync(NotLoginPage());
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Log out" })).ToBeVisibleAsync();
    }

    [GeneratedRegex("^(?!.*/Identity/Account/Login)")]
    private static partial Regex NotLoginPage();

    [GeneratedRegex("/organize/wids-tlv-2023/releases$")]
    private static partial Regex ReleaseListPage();
}
