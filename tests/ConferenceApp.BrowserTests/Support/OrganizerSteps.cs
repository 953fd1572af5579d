using System.Text.RegularExpressions;

namespace ConferenceApp.BrowserTests.Support;

/// <summary>Steps that several browser tests take as an organizer: logging in and publishing the draft.</summary>
public static partial class OrganizerSteps
{
    public static async Task LogInAsync(IPage page, string email)
    {
        await page.GotoAsync("/Identity/Account/Login");
        await page.Locator("input[name='Input.Email']").FillAsync(email);
        await page.Locator("input[name='Input.Password']").FillAsync(AppServer.OrganizerPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log in", Exact = true }).ClickAsync();

        await page.WaitForURLAsync(NotLoginPage());
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Log out" })).ToBeVisibleAsync();
    }

    /// <summary>Publishes the draft of <paramref name="conference"/> from its releases page, confirming conflicts when the form requires it.</summary>
    public static async Task PublishAsync(IPage page, string conference)
    {
        await page.GotoAsync($"/organize/{conference}/releases");
        await page.GetByRole(AriaRole.Link, new() { Name = "Publish a release…", Exact = true }).ClickAsync();
        var confirm = page.Locator("input[name='ConflictsConfirmed'][type='checkbox']");
        if (await confirm.CountAsync() > 0)
        {
            await confirm.CheckAsync();
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Publish", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(new Regex($"/organize/{Regex.Escape(conference)}/releases$"));
        await Assertions.Expect(page.Locator(".alert-success")).ToContainTextAsync("Published release");
    }

    [GeneratedRegex("^(?!.*/Identity/Account/Login)")]
    private static partial Regex NotLoginPage();
}
