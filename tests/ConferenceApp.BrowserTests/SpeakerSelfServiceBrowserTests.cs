using System.Text.RegularExpressions;
using ConferenceApp.BrowserTests.Support;
using MimeKit;
using SkiaSharp;

namespace ConferenceApp.BrowserTests;

/// <summary>
/// A speaker accepts an organizer's invitation, sets a password, writes a Markdown bio and
/// uploads a photo, and the public speaker page shows both.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed partial class SpeakerSelfServiceBrowserTests(BrowserFixture browser)
{
    private const string SpeakerEmail = "almog.gueta@example.org";
    private const string SpeakerPassword = "weights form regions";

    [Fact]
    public async Task Invited_speaker_edits_bio_and_photo()
    {
        var invitationLink = await InviteAlmogAsync();

        await using var context = await browser.NewContextAsync(width: 390, height: 844);
        var page = await context.NewPageAsync();

        await page.GotoAsync(invitationLink);
        await page.Locator("input[name='Form.Password']").FillAsync(SpeakerPassword);
        await page.Locator("input[name='Form.ConfirmPassword']").FillAsync(SpeakerPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create my account" }).ClickAsync();
        await page.WaitForURLAsync(SpeakerHome());
        await SaveScreenshotAsync(page, "speaker-home-390.png");

        await page.GetByRole(AriaRole.Link, new() { Name = "Edit your profile" }).ClickAsync();
        await page.Locator("textarea[name='Bio']").FillAsync("Studies how **fine-tuned models** cluster in weight space.\n\nSecond paragraph.");
        await Assertions.Expect(page.Locator("#bio-preview strong")).ToHaveTextAsync("fine-tuned models");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        await page.Locator("input[name='photo']").SetInputFilesAsync(new FilePayload
        {
            Name = "almog.png",
            MimeType = "image/png",
            Buffer = SamplePhoto(),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload photo" }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await SaveScreenshotAsync(page, "speaker-profile-390.png");

        await page.GotoAsync("/wids-tlv-2023/speakers/almog-gueta");
        await Assertions.Expect(page.Locator(".bio strong")).ToHaveTextAsync("fine-tuned models");
        var photo = page.Locator("img[src^='/photos/']");
        await Assertions.Expect(photo).ToHaveCountAsync(1);
        Assert.True(await photo.EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"), "The speaker's photo did not load.");
        await SaveScreenshotAsync(page, "speaker-public-390.png");
    }

    // The organizer invites Almog Gueta from her page in the organizer area. The app writes the
    // email to the pickup folder, and the link is read from its plain-text part.
    private async Task<string> InviteAlmogAsync()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();

        await page.GotoAsync("/Identity/Account/Login");
        await page.Locator("input[name='Input.Email']").FillAsync(AppServer.OrganizerEmail);
        await page.Locator("input[name='Input.Password']").FillAsync(AppServer.OrganizerPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log in", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(OrganizerArea());

        await page.GotoAsync("/organize/wids-tlv-2023/speakers");
        await page.GetByRole(AriaRole.Link, new() { Name = "Almog Gueta", Exact = true }).ClickAsync();
        await page.Locator("input[name='email']").FillAsync(SpeakerEmail);
        await page.GetByRole(AriaRole.Button, new() { Name = "Send invitation" }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        var mail = Assert.Single(Directory.GetFiles(browser.Server.MailFolder, "*.eml"));
        var message = await MimeMessage.LoadAsync(mail);
        Assert.Equal(SpeakerEmail, message.To.Mailboxes.Single().Address);
        var link = InvitationLink().Match(message.TextBody ?? "");
        Assert.True(link.Success, $"The invitation email has no invitation link:{Environment.NewLine}{message.TextBody}");
        return new Uri(link.Value).PathAndQuery;
    }

    private static byte[] SamplePhoto()
    {
        using var bitmap = new SKBitmap(640, 480);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.SteelBlue);
            using var paint = new SKPaint { Color = SKColors.Gold };
            canvas.DrawCircle(320, 240, 160, paint);
        }

        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    private static async Task SaveScreenshotAsync(IPage page, string fileName)
    {
        Directory.CreateDirectory(BuildPaths.ScreenshotFolder);
        await page.ScreenshotAsync(new() { Path = Path.Combine(BuildPaths.ScreenshotFolder, fileName), FullPage = true });
    }

    [GeneratedRegex(@"https?://\S+/invitations/[A-Za-z0-9_-]+")]
    private static partial Regex InvitationLink();

    [GeneratedRegex("/speaker$")]
    private static partial Regex SpeakerHome();

    [GeneratedRegex("/organize")]
    private static partial Regex OrganizerArea();
}
