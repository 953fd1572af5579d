using ConferenceApp.BrowserTests.Support;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Xunit.Abstractions;

namespace ConferenceApp.BrowserTests;

/// <summary>
/// Runs axe-core on every public page, in the light and the dark color scheme, on a phone-sized
/// and a desktop-sized viewport, and saves a screenshot of each under artifacts/screenshots.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class AccessibilityBrowserTests(BrowserFixture browser, ITestOutputHelper output)
{
    /// <summary>The WCAG 2.0, 2.1 and 2.2 rules of levels A and AA, by axe-core's tags.</summary>
    private static readonly List<string> WcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"];

    private static readonly HashSet<string> FailingImpacts = new(StringComparer.Ordinal) { "serious", "critical" };

    /// <summary>The public pages, by a short name for the screenshot's file, with a Hebrew program page for the right-to-left layout.</summary>
    private static readonly (string Name, string Path, string? Language)[] PublicPages =
    [
        ("home", "/", null),
        ("program", "/wids-tlv-2023/program", null),
        ("program-filtered", "/wids-tlv-2023/program?day=2023-03-09&kind=talk", null),
        ("program-day", "/wids-tlv-2023/program?day=2023-03-09", null),
        ("program-list", "/wids-tlv-2023/program?view=list", null),
        ("program-grid", "/wids-tlv-2023/program?view=grid", null),
        ("program-search", "/wids-tlv-2023/program?q=data", null),
        ("agenda", "/wids-tlv-2023/agenda?items=talk-3,talk-4", null),
        ("agenda-empty", "/wids-tlv-2023/agenda", null),
        ("speakers", "/wids-tlv-2023/speakers", null),
        ("speaker", "/wids-tlv-2023/speakers/almog-gueta", null),
        ("talk", "/wids-tlv-2023/talks/knowledge-is-a-region-in-weight-space", null),
        ("changes", "/wids-tlv-2023/changes", null),
        ("not-found", "/wids-tlv-2023/talks/no-such-talk", null),
        ("sign-in", "/Identity/Account/Login", null),
        ("api", "/api", null),
        ("program-he", "/wids-tlv-2023/program", "he"),
        ("speaker-he", "/wids-tlv-2023/speakers/almog-gueta", "he"),
        ("talk-he", "/wids-tlv-2023/talks/knowledge-is-a-region-in-weight-space", "he"),
        ("agenda-he", "/wids-tlv-2023/agenda?items=talk-3,talk-4", "he"),
    ];

    [Theory]
    [InlineData(ColorScheme.Light, 390)]
    [InlineData(ColorScheme.Light, 1280)]
    [InlineData(ColorScheme.Dark, 390)]
    [InlineData(ColorScheme.Dark, 1280)]
    public async Task Public_pages_pass_axe(ColorScheme scheme, int width)
    {
        var mode = scheme.ToString().ToLowerInvariant();
        var problems = new List<string>();

        foreach (var (name, path, language) in PublicPages)
        {
            await using var context = await browser.Browser.NewContextAsync(new()
            {
                BaseURL = browser.Server.BaseUrl,
                ViewportSize = new() { Width = width, Height = 900 },
                ColorScheme = scheme,
                Locale = language ?? "en",
            });
            var page = await context.NewPageAsync();

            await page.GotoAsync(path, new() { WaitUntil = WaitUntilState.NetworkIdle });
            await SaveScreenshotAsync(page, $"{name}-{mode}-{width}.png");
            var result = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = WcagTags } });

            foreach (var violation in result.Violations.Where(v => FailingImpacts.Contains(v.Impact ?? "")))
            {
                foreach (var node in violation.Nodes)
                {
                    problems.Add($"{violation.Id} ({violation.Impact}) on {path} [{language ?? "en"}, {mode}, {width} px] at {node.Target}: {violation.Help}");
                }
            }
        }

        Assert.True(problems.Count == 0, $"axe-core found {problems.Count} serious or critical violations:{Environment.NewLine}{string.Join(Environment.NewLine, problems)}");
    }

    [Fact]
    public async Task Program_controls_take_visible_focus()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/wids-tlv-2023/program", new() { WaitUntil = WaitUntilState.NetworkIdle });
        // The filters and sample notes are folded; opened, their controls join the tab order too.
        await page.EvaluateAsync("() => document.querySelectorAll('details').forEach(d => d.open = true)");

        var focusable = await page.EvaluateAsync<string[]>(FocusableElementsScript);
        var reached = new HashSet<string>(StringComparer.Ordinal);
        var unmarked = new List<string>();
        for (var step = 0; step < focusable.Length + 5; step++)
        {
            await page.Keyboard.PressAsync("Tab");
            var focused = await page.EvaluateAsync<FocusState?>(FocusStateScript);
            if (focused is null)
            {
                continue;
            }

            reached.Add(focused.Key);
            if (!focused.Marked)
            {
                unmarked.Add(focused.Key);
            }
        }

        var missed = focusable.Where(key => !reached.Contains(key)).ToList();
        Assert.True(missed.Count == 0, $"Tab never reached {missed.Count} of {focusable.Length} controls:{Environment.NewLine}{string.Join(Environment.NewLine, missed)}");
        Assert.True(unmarked.Count == 0, $"These controls show no focus outline or shadow when tabbed to:{Environment.NewLine}{string.Join(Environment.NewLine, unmarked.Distinct())}");
    }

    /// <summary>The state of the focused element: a key that names it, and whether its focus is visible.</summary>
    private sealed class FocusState
    {
        public string Key { get; set; } = "";

        public bool Marked { get; set; }
    }

    // Names each control by its tag, its position among all controls and its text, so that the
    // list of expected controls and the focused element use the same key.
    private const string ControlKeyFunction = """
        const controls = () => [...document.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]:not([tabindex="-1"])')]
            .filter(e => !e.disabled && e.getClientRects().length > 0);
        const keyOf = e => `${e.tagName.toLowerCase()} #${controls().indexOf(e)} "${(e.innerText || e.value || e.getAttribute('aria-label') || '').trim().slice(0, 40)}"`;
        """;

    private const string FocusableElementsScript = "() => { " + ControlKeyFunction + " return controls().map(keyOf); }";

    private const string FocusStateScript = "() => { " + ControlKeyFunction + """
        const e = document.activeElement;
        if (!e || e === document.body) return null;
        const style = getComputedStyle(e);
        const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
        const shadow = style.boxShadow !== 'none';
        return { key: keyOf(e), marked: outline || shadow };
    }
    """;

    private async Task SaveScreenshotAsync(IPage page, string fileName)
    {
        Directory.CreateDirectory(BuildPaths.ScreenshotFolder);
        var path = Path.Combine(BuildPaths.ScreenshotFolder, fileName);
        await page.ScreenshotAsync(new() { Path = path, FullPage = true });
        output.WriteLine($"Screenshot: {path}");
    }
}
