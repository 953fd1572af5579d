using ConferenceApp.BrowserTests.Support;

namespace ConferenceApp.BrowserTests;

/// <summary>The site's pages, public and organizer, load in Chromium without a single Content-Security-Policy violation.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class ContentSecurityPolicyBrowserTests(BrowserFixture browser)
{
    private static readonly string[] Pages =
    [
        "/wids-tlv-2023/program",
        "/wids-tlv-2023/speakers",
        "/wids-tlv-2023/speakers/nitzan-gado",
        "/wids-tlv-2023/changes",
        "/api",
        "/organize/wids-tlv-2023/schedule",
        "/organize/wids-tlv-2023/sessions",
        "/organize/wids-tlv-2023/import",
        "/organize/wids-tlv-2023/releases/new",
        "/organize/wids-tlv-2023/preview",
        "/Identity/Account/Manage",
        "/Identity/Account/Manage/Email",
        "/Identity/Account/Manage/ChangePassword",
        "/Identity/Account/ForgotPassword",
        "/account/two-factor",
        "/account/two-factor/setup",
    ];

    [Fact]
    public async Task Pages_load_without_violations()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                violations.Add($"{page.Url}: {message.Text}");
            }
        };

        await OrganizerSteps.LogInAsync(page, AppServer.OrganizerEmail);
        foreach (var path in Pages)
        {
            var response = await page.GotoAsync(path);
            Assert.True(response?.Status == 200, $"GET {path} returned HTTP {response?.Status}.");
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        }

        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }
}
