using System.Net;
using ConferenceApp.Features.Accounts;
using ConferenceApp.Tests.Organize;
using ConferenceApp.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace ConferenceApp.Tests.Invitations;

public sealed class InvitationAccountTests : InvitationTestBase
{
    [Fact]
    public async Task Existing_account_in_other_casing_is_linked()
    {
        var (speakerId, _) = await FirstSpeakerAsync();
        var userId = await CreateUserAsync("Dana.Levi@Example.org", Password);
        await InviteAsync(speakerId, "dana.levi@example.ORG");
        var link = LinkIn(Assert.Single(await MailsAsync()), "/invitations/");
        var users = await UserCountAsync();

        var anonymous = await App.CreateBrowserlessClient().GetPageAsync(link);
        var visitor = App.CreateBrowserlessClient();
        var visitorToken = AppFactory.AntiforgeryToken(await visitor.GetStringAsync(new Uri("/Identity/Account/Login", UriKind.Relative)));
        var anonymousPost = await visitor.PostAsync(new Uri(link, UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Form.Password"] = "a different long password",
            ["Form.ConfirmPassword"] = "a different long password",
            ["__RequestVerificationToken"] = visitorToken,
        }));
        var signedIn = await SignInAsync("dana.levi@example.org", Password);
        var confirmPage = await signedIn.GetPageAsync(link);
        var accepted = await PostEmptyFormAsync(signedIn, link);

        Assert.Equal(HttpStatusCode.OK, anonymous.Status);
        Assert.Contains(anonymous.Document.QuerySelectorAll("a"), a => a.GetAttribute("href") == "/Identity/Account/Login?returnUrl=" + Uri.EscapeDataString(link));
        Assert.Null(anonymous.Document.QuerySelector("input[type=password]"));
        Assert.NotEqual(HttpStatusCode.Redirect, anonymousPost.StatusCode);
        Assert.Contains("Accept the invitation", confirmPage.Html, StringComparison.Ordinal);
        Assert.Equal("/speaker", OrganizerBrowser.RedirectTarget(accepted));
        Assert.Equal(users, await UserCountAsync());
        await using var scope = App.OpenDb();
        Assert.Equal(userId, await scope.Db.Speakers.Where(s => s.Id == speakerId).Select(s => s.UserId).SingleAsync());
        Assert.True(await IsSpeakerRoleAsync(userId));
    }

    [Fact]
    public async Task Account_links_one_speaker_per_conference()
    {
        await using (var scope = App.OpenDb())
        {
            var ids = await scope.Db.Speakers.OrderBy(s => s.Id).Select(s => s.Id).Take(2).ToListAsync();
            await InviteAsync(ids[0], "twice@example.org");
            await InviteAsync(ids[1], "twice@example.org");
        }

        var mails = await MailsAsync();
        var client = App.CreateBrowserlessClient();
        OrganizerBrowser.RedirectTarget(await SetPasswordAsync(client, LinkIn(mails[0], "/invitations/")));
        var secondLink = LinkIn(mails[1], "/invitations/");

        var response = await PostEmptyFormAsync(client, secondLink);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("already linked to another speaker", OrganizerBrowser.FormError(await OrganizerBrowser.ParseAsync(response)), StringComparison.Ordinal);
        await using (var scope = App.OpenDb())
        {
            Assert.Equal(1, await scope.Db.Speakers.CountAsync(s => s.UserId != null));
            Assert.Equal(1, await scope.Db.SpeakerInvitations.CountAsync(i => i.AcceptedAtUtc == null));
        }
    }

    [Fact]
    public async Task Sign_in_returns_to_invitation()
    {
        var (speakerId, _) = await FirstSpeakerAsync();
        await CreateUserAsync("ruth@example.org", Password);
        await InviteAsync(speakerId, "ruth@example.org");
        var link = LinkIn(Assert.Single(await MailsAsync()), "/invitations/");
        var client = App.CreateBrowserlessClient();
        var loginUrl = "/Identity/Account/Login?returnUrl=" + Uri.EscapeDataString(link);

        var login = await client.GetStringAsync(new Uri(loginUrl, UriKind.Relative));
        var response = await client.PostAsync(new Uri(loginUrl, UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = "ruth@example.org",
            ["Input.Password"] = Password,
            ["__RequestVerificationToken"] = AppFactory.AntiforgeryToken(login),
        }));

        Assert.Equal(link, OrganizerBrowser.RedirectTarget(response));
    }

    [Fact]
    public async Task Signed_in_user_with_other_email_cannot_accept()
    {
        var (speakerId, _) = await FirstSpeakerAsync();
        await CreateUserAsync("someone.else@example.org", Password);
        await InviteAsync(speakerId, "invited@example.org");
        var link = LinkIn(Assert.Single(await MailsAsync()), "/invitations/");
        var client = await SignInAsync("someone.else@example.org", Password);

        var page = await client.GetPageAsync(link);
        var manage = await client.GetStringAsync(new Uri("/Identity/Account/Manage", UriKind.Relative));
        var post = await client.PostAsync(new Uri(link, UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Form.Password"] = Password,
            ["Form.ConfirmPassword"] = Password,
            ["__RequestVerificationToken"] = AppFactory.AntiforgeryToken(manage),
        }));

        Assert.Contains("for invited@example.org, but you are signed in as someone.else@example.org", page.Document.QuerySelector("main")!.TextContent.Replace("\n", " ", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Null(page.Document.QuerySelector("main form"));
        Assert.NotEqual(HttpStatusCode.Redirect, post.StatusCode);
        await using var scope = App.OpenDb();
        Assert.Null(await scope.Db.Speakers.Where(s => s.Id == speakerId).Select(s => s.UserId).SingleAsync());
        Assert.Null(await scope.Db.SpeakerInvitations.Select(i => i.AcceptedAtUtc).SingleAsync());
        Assert.False(await scope.Db.Users.AnyAsync(u => u.Email == "invited@example.org"));
    }

    [Fact]
    public async Task Anonymous_and_speaker_cannot_invite_resend_or_revoke()
    {
        var (speakerId, _) = await FirstSpeakerAsync();
        await InviteAsync(speakerId, "first@example.org");
        int invitationId;
        await using (var scope = App.OpenDb())
        {
            invitationId = await scope.Db.SpeakerInvitations.Select(i => i.Id).SingleAsync();
        }

        await CreateUserAsync("a.speaker@example.org", Password, Roles.Speaker);
        var speaker = await SignInAsync("a.speaker@example.org", Password);
        var speakerToken = AppFactory.AntiforgeryToken(await speaker.GetStringAsync(new Uri("/Identity/Account/Manage", UriKind.Relative)));
        var anonymous = App.CreateBrowserlessClient();
        var anonymousToken = AppFactory.AntiforgeryToken(await anonymous.GetStringAsync(new Uri("/Identity/Account/Login", UriKind.Relative)));
        string[] urls = [InvitationsUrl(speakerId), $"{InvitationsUrl(speakerId)}/{invitationId}/resend", $"{InvitationsUrl(speakerId)}/{invitationId}/revoke"];

        foreach (var (client, token, who) in new[] { (anonymous, anonymousToken, "anonymous"), (speaker, speakerToken, "speaker") })
        {
            foreach (var url in urls)
            {
                var response = await client.PostAsync(new Uri(url, UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["email"] = "attacker@example.org",
                    ["__RequestVerificationToken"] = token,
                }));

                Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"POST {url} as {who} returned {(int)response.StatusCode}.");
                var target = response.Headers.Location!.OriginalString;
                Assert.True(target.Contains("/Identity/Account/Login", StringComparison.Ordinal) || target.Contains("/Identity/Account/AccessDenied", StringComparison.Ordinal),
                    $"POST {url} as {who} redirected to {target}.");
            }
        }

        Assert.Single(await MailsAsync());
        await using (var scope = App.OpenDb())
        {
            var invitation = await scope.Db.SpeakerInvitations.SingleAsync();
            Assert.Equal("first@example.org", invitation.Email);
            Assert.Null(invitation.RevokedAtUtc);
        }
    }

    [Fact]
    public async Task Second_invite_while_pending_is_rejected()
    {
        var (speakerId, _) = await FirstSpeakerAsync();
        await InviteAsync(speakerId, "first@example.org");

        var second = await InviteAsync(speakerId, "second@example.org");

        var page = await Organizer.FollowAsync(second);
        Assert.Contains("already has a pending invitation", page.QuerySelector("#invitations .alert-danger")!.TextContent, StringComparison.Ordinal);
        Assert.Single(await MailsAsync());
    }

    [Fact]
    public async Task Invalid_email_is_rejected()
    {
        var (speakerId, _) = await FirstSpeakerAsync();

        var response = await InviteAsync(speakerId, "not an address");

        var page = await Organizer.FollowAsync(response);
        Assert.Contains("is not a valid email address", page.QuerySelector("#invitations .alert-danger")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(await MailsAsync());
    }

    [Fact]
    public async Task Rejected_speaker_edit_keeps_invitations()
    {
        var (speakerId, _) = await FirstSpeakerAsync();
        await InviteAsync(speakerId, "kept@example.org");

        var response = await Organizer.SubmitAsync(EditUrl(speakerId), new Dictionary<string, string> { ["Name"] = "" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await OrganizerBrowser.ParseAsync(response);
        Assert.Contains("Name is required.", OrganizerBrowser.ErrorFor(page, "Name"), StringComparison.Ordinal);
        Assert.Contains("kept@example.org", page.QuerySelector("#invitations")?.TextContent ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hostile_speaker_name_is_encoded_in_html_part()
    {
        const string hostile = "<script>alert(1)</script>";
        var created = await Organizer.SubmitAsync($"/organize/{Conference}/speakers/new", new Dictionary<string, string>
        {
            ["Name"] = hostile,
            ["Slug"] = "hostile",
        });
        OrganizerBrowser.RedirectTarget(created);
        int speakerId;
        await using (var scope = App.OpenDb())
        {
            speakerId = await scope.Db.Speakers.Where(s => s.Slug == "hostile").Select(s => s.Id).SingleAsync();
        }

        await InviteAsync(speakerId, "hostile@example.org");

        var mail = Assert.Single(await MailsAsync());
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", mail.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", mail.HtmlBody, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(hostile, mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Speaker_list_shows_account_and_invitation()
    {
        var (speakerId, _) = await FirstSpeakerAsync();
        OrganizerBrowser.RedirectTarget(await Organizer.SubmitAsync(EditUrl(speakerId), new Dictionary<string, string> { ["Headline"] = "Changed headline" }));
        await InviteAsync(speakerId, "listed@example.org");

        var list = await Organizer.GetPageAsync($"/organize/{Conference}/speakers");

        var row = list.QuerySelectorAll("li").Single(li => li.QuerySelector($"a[href='{EditUrl(speakerId)}']") is not null).TextContent;
        var compact = string.Join(" ", row.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("Account: no", compact, StringComparison.Ordinal);
        Assert.Contains("Invitation: pending", compact, StringComparison.Ordinal);
        Assert.Contains("by " + AppFactory.OrganizerEmail, compact, StringComparison.Ordinal);
    }
}
