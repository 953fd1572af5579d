using System.Net;
using ConferenceApp.Features.Accounts;
using ConferenceApp.Tests.Organize;
using ConferenceApp.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace ConferenceApp.Tests.Invitations;

/// <summary>Password reset and email change, which send their links through the same mail channel as invitations.</summary>
public sealed class AccountMailTests : InvitationTestBase
{
    private const string Email = "reset.me@example.org";

    [Fact]
    public async Task Password_reset_through_emailed_link()
    {
        await CreateUserAsync(Email, Password, Roles.Speaker);
        var client = App.CreateBrowserlessClient();
        var login = await client.GetPageAsync("/Identity/Account/Login");
        Assert.Contains(login.Document.QuerySelectorAll("a"), a => a.GetAttribute("href") == "/Identity/Account/ForgotPassword");

        var requested = await PostFormAsync(client, "/Identity/Account/ForgotPassword", new() { ["Input.Email"] = "RESET.ME@example.org" });
        Assert.Contains("ForgotPasswordConfirmation", OrganizerBrowser.RedirectTarget(requested), StringComparison.Ordinal);
        var link = LinkIn(Assert.Single(await MailsAsync()), "/Identity/Account/ResetPassword");
        var resetPage = await client.GetPageAsync(link);
        var code = resetPage.Document.QuerySelector("input[name='Input.Code']")!.GetAttribute("value")!;

        var reset = await client.PostAsync(new Uri(link, UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = Email,
            ["Input.Password"] = "a brand new long password",
            ["Input.ConfirmPassword"] = "a brand new long password",
            ["Input.Code"] = code,
            ["__RequestVerificationToken"] = AppFactory.AntiforgeryToken(resetPage.Html),
        }));

        Assert.Contains("ResetPasswordConfirmation", OrganizerBrowser.RedirectTarget(reset), StringComparison.Ordinal);
        await SignInAsync(Email, "a brand new long password");
    }

    [Fact]
    public async Task Forgot_password_hides_unknown_email()
    {
        await CreateUserAsync(Email, Password);
        var client = App.CreateBrowserlessClient();

        var known = await PostFormAsync(client, "/Identity/Account/ForgotPassword", new() { ["Input.Email"] = Email });
        var unknown = await PostFormAsync(client, "/Identity/Account/ForgotPassword", new() { ["Input.Email"] = "nobody@example.org" });

        Assert.Equal(known.StatusCode, unknown.StatusCode);
        Assert.Equal(OrganizerBrowser.RedirectTarget(known), OrganizerBrowser.RedirectTarget(unknown));
        Assert.Single(await MailsAsync());
    }

    [Fact]
    public async Task Email_change_through_emailed_link()
    {
        var userId = await CreateUserAsync(Email, Password, Roles.Speaker);
        var client = await SignInAsync(Email, Password);
        var manage = await client.GetPageAsync("/Identity/Account/Manage/Email");
        Assert.Equal(HttpStatusCode.OK, manage.Status);
        Assert.Contains(manage.Document.QuerySelectorAll("a"), a => a.GetAttribute("href") == "/Identity/Account/Manage/Email");

        var requested = await client.PostAsync(new Uri("/Identity/Account/Manage/Email?handler=ChangeEmail", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.NewEmail"] = "new.address@example.org",
            ["__RequestVerificationToken"] = AppFactory.AntiforgeryToken(manage.Html),
        }));
        Assert.Equal(HttpStatusCode.Redirect, requested.StatusCode);
        var mail = Assert.Single(await MailsAsync());
        Assert.Equal("new.address@example.org", mail.To.Mailboxes.Single().Address);
        var confirmed = await client.GetPageAsync(LinkIn(mail, "/Identity/Account/ConfirmEmailChange"));

        Assert.Equal(HttpStatusCode.OK, confirmed.Status);
        await using (var scope = App.OpenDb())
        {
            var user = await scope.Db.Users.SingleAsync(u => u.Id == userId);
            Assert.Equal("new.address@example.org", user.Email);
            Assert.Equal("new.address@example.org", user.UserName);
        }

        await SignInAsync("new.address@example.org", Password);
    }

    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string path, Dictionary<string, string> values)
    {
        var page = await client.GetStringAsync(new Uri(path, UriKind.Relative));
        values["__RequestVerificationToken"] = AppFactory.AntiforgeryToken(page);
        return await client.PostAsync(new Uri(path, UriKind.Relative), new FormUrlEncodedContent(values));
    }
}
