using System.Text.RegularExpressions;
using ConferenceApp.BrowserTests.Support;
using ConferenceApp.Testing;

namespace ConferenceApp.BrowserTests;

/// <summary>
/// An organizer sets up two-factor sign-in from the account page and signs in again with a code
/// from the authenticator app, and no page on the way breaks the Content-Security-Policy.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed partial class TwoFactorBrowserTests(BrowserFixture browser)
{
    // An account of its own, so that the organizer the other tests share keeps signing in with a password.
    private const string Email = "two-factor.organizer@example.org";

    [Fact]
    public async Task Organizer_sets_up_and_signs_in_with_code()
    {
        await browser.Server.AddOrganizerAsync(Email);
        await using var context = await browser.NewContextAsync(width: 390, height: 844);
        var page = await context.NewPageAsync();
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                violations.Add($"{page.Url}: {message.Text}");
            }
        };

        await OrganizerSteps.LogInAsync(page, Email);
        await page.GetByRole(AriaRole.Link, new() { Name = "Account", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Two-factor sign-in" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Set up two-factor sign-in" }).ClickAsync();

        var qrCode = page.Locator("img.qr-code");
        Assert.True(await qrCode.EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"), "The QR code image did not load.");
        var key = (await page.Locator(".shared-key").TextContentAsync() ?? "").Replace(" ", "", StringComparison.Ordinal);
        await page.GetByLabel("Code from the app").FillAsync(Totp.Code(key));
        await page.GetByRole(AriaRole.Button, new() { Name = "Turn on two-factor sign-in" }).ClickAsync();

        await page.WaitForURLAsync(RecoveryCodesPage());
        await Assertions.Expect(page.Locator(".recovery-code")).ToHaveCountAsync(10);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Download as a text file" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "I have saved them, continue" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Log out" }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        await page.GotoAsync("/Identity/Account/Login");
        await page.Locator("input[name='Input.Email']").FillAsync(Email);
        await page.Locator("input[name='Input.Password']").FillAsync(AppServer.OrganizerPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log in", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(CodePage());
        await page.GetByLabel("Code from the app").FillAsync(Totp.Code(key));
        await page.GetByRole(AriaRole.Button, new() { Name = "Log in", Exact = true }).ClickAsync();

        await page.WaitForURLAsync(OrganizerArea());
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Log out" })).ToBeVisibleAsync();
        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }

    [GeneratedRegex("/account/two-factor/recovery-codes$")]
    private static partial Regex RecoveryCodesPage();

    [GeneratedRegex("/Identity/Account/LoginWith2fa")]
    private static partial Regex CodePage();

    [GeneratedRegex("/organize$")]
    private static partial Regex OrganizerArea();
}
