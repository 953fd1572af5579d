using System.Net;
using ConferenceApp.Domain;
using ConferenceApp.Tests.Organize;
using ConferenceApp.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace ConferenceApp.Tests.Invitations;

public sealed class InvitationFlowTests : InvitationTestBase
{
    private const string SpeakerEmail = "speaker@example.org";

    [Fact]
    public async Task Invitation_creates_linked_speaker_account()
    {
        var (speakerId, speakerName) = await FirstSpeakerAsync();

        var invited = await InviteAsync(speakerId, SpeakerEmail);

        Assert.Equal(EditUrl(speakerId) + "#invitations", OrganizerBrowser.RedirectTarget(invited));
        var mail = Assert.Single(await MailsAsync());
        Assert.Equal(SpeakerEmail, mail.To.Mailboxes.Single().Address);
        Assert.Contains("WiDS TLV 2023", mail.Subject, StringComparison.Ordinal);
        Assert.Contains(speakerName, mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("WiDS TLV 2023", mail.HtmlBody, StringComparison.Ordinal);
        var link = LinkIn(mail, "/invitations/");
        Assert.Contains("http://localhost" + link, mail.HtmlBody, StringComparison.Ordinal);
        await using (var scope = App.OpenDb())
        {
            var expires = await scope.Db.SpeakerInvitations.Select(i => i.ExpiresAtUtc).SingleAsync();
            Assert.Equal(Clock.GetUtcNow().UtcDateTime.AddDays(14), expires, TimeSpan.FromSeconds(1));
            Assert.Contains(expires.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en")), mail.TextBody, StringComparison.Ordinal);
        }

        var visitor = App.CreateBrowserlessClient();
        var page = await visitor.GetPageAsync(link);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(SpeakerEmail, page.Document.QuerySelector("input#email")?.GetAttribute("value"));
        var usersBefore = await UserCountAsync();

        var accepted = await SetPasswordAsync(visitor, link);

        Assert.Equal("/speaker", OrganizerBrowser.RedirectTarget(accepted));
        Assert.Equal(usersBefore + 1, await UserCountAsync());
        await using (var scope = App.OpenDb())
        {
            var user = await scope.Db.Users.SingleAsync(u => u.Email == SpeakerEmail);
            Assert.True(user.EmailConfirmed);
            Assert.Equal(user.Id, await scope.Db.Speakers.Where(s => s.Id == speakerId).Select(s => s.UserId).SingleAsync());
            Assert.NotNull(await scope.Db.SpeakerInvitations.Select(i => i.AcceptedAtUtc).SingleAsync());
            Assert.True(await IsSpeakerRoleAsync(user.Id));
            var acceptance = await scope.Db.AuditEntries.Where(a => a.EntityType == nameof(SpeakerInvitation)).OrderBy(a => a.Id).LastAsync();
            Assert.Equal("Modified", acceptance.Action);
            Assert.Equal(SpeakerEmail, acceptance.Actor);
        }

        // The new account is signed in.
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync(new Uri("/Identity/Account/Manage", UriKind.Relative))).StatusCode);

        var edit = await Organizer.GetPageAsync(EditUrl(speakerId));
        var section = edit.QuerySelector("#invitations")!.TextContent;
        Assert.Contains(SpeakerEmail, section, StringComparison.Ordinal);
        Assert.Contains("accepted", section, StringComparison.Ordinal);
        Assert.Null(edit.QuerySelector("#invite-email"));
    }

    [Fact]
    public async Task Used_link_cannot_be_used_again()
    {
        var (speakerId, _) = await FirstSpeakerAsync();
        await InviteAsync(speakerId, SpeakerEmail);
        var link = LinkIn(Assert.Single(await MailsAsync()), "/invitations/");
        OrganizerBrowser.RedirectTarget(await SetPasswordAsync(App.CreateBrowserlessClient(), link));
        var users = await UserCountAsync();

        var second = App.CreateBrowserlessClient();
        var page = await second.GetPageAsync(link);

        // The page of a used link has no form, so the token comes from another page of the same client.
        var login = await second.GetStringAsync(new Uri("/Identity/Account/Login", UriKind.Relative));
        var post = await second.PostAsync(new Uri(link, UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Form.Password"] = "another long password",
            ["Form.ConfirmPassword"] = "another long password",
            ["__RequestVerificationToken"] = AppFactory.AntiforgeryToken(login),
        }));

        Assert.Equal(HttpStatusCode.Gone, page.Status);
        Assert.Contains("already used", page.Document.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Gone, post.StatusCode);
        Assert.Equal(users, await UserCountAsync());
    }

    [Fact]
    public async Task Racing_posts_accept_once()
    {
        var (speakerId, _) = await FirstSpeakerAsync();
        await InviteAsync(speakerId, SpeakerEmail);
        var link = LinkIn(Assert.Single(await MailsAsync()), "/invitations/");
        var users = await UserCountAsync();
        var clients = Enumerable.Range(0, 3).Select(_ => App.CreateBrowserlessClient()).ToList();
        var forms = new List<FormUrlEncodedContent>();
        foreach (var client in clients)
        {
            var html = await client.GetStringAsync(new Uri(link, UriKind.Relative));
            forms.Add(new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Form.Password"] = Password,
                ["Form.ConfirmPassword"] = Password,
                ["__RequestVerificationToken"] = AppFactory.AntiforgeryToken(html),
            }));
        }

        var responses = await Task.WhenAll(clients.Select((client, i) => client.PostAsync(new Uri(link, UriKind.Relative), forms[i])));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Redirect);
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.Redirect), r => Assert.NotEqual(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(users + 1, await UserCountAsync());
    }

    [Fact]
    public async Task Expired_link_is_gone()
    {
        var (speakerId, _) = await FirstSpeakerAsync();
        await InviteAsync(speakerId, SpeakerEmail);
        var link = LinkIn(Assert.Single(await MailsAsync()), "/invitations/");
        var visitor = App.CreateBrowserlessClient();
        var form = await visitor.GetPageAsync(link);
        var users = await UserCountAsync();

        await MoveClockAsync(TimeSpan.FromDays(14) + TimeSpan.FromMinutes(1));
        var page = await visitor.GetPageAsync(link);
        var post = await visitor.PostAsync(new Uri(link, UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Form.Password"] = Password,
            ["Form.ConfirmPassword"] = Password,
            ["__RequestVerificationToken"] = AppFactory.AntiforgeryToken(form.Html),
        }));

        Assert.Equal(HttpStatusCode.Gone, page.Status);
        Assert.Contains("expired", page.Document.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Gone, post.StatusCode);
        Assert.Equal(users, await UserCountAsync());
        var edit = await Organizer.GetPageAsync(EditUrl(speakerId));
        Assert.Contains("expired", edit.QuerySelector("#invitations .badge")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Revoked_link_is_gone()
    {
        var (speakerId, _) = await FirstSpeakerAsync();
        await InviteAsync(speakerId, SpeakerEmail);
        var link = LinkIn(Assert.Single(await MailsAsync()), "/invitations/");
        int invitationId;
        await using (var scope = App.OpenDb())
        {
            invitationId = await scope.Db.SpeakerInvitations.Select(i => i.Id).SingleAsync();
        }

        var revoked = await PressAsync(speakerId, invitationId, "revoke");
        var page = await App.CreateBrowserlessClient().GetPageAsync(link);

        var edit = await Organizer.FollowAsync(revoked);
        Assert.Contains("Revoked the invitation", OrganizerBrowser.SuccessMessage(edit), StringComparison.Ordinal);
        Assert.Contains("revoked", edit.QuerySelector("#invitations .badge")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Gone, page.Status);
        Assert.Contains("withdrawn", page.Document.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resend_invalidates_old_link()
    {
        var (speakerId, _) = await FirstSpeakerAsync();
        await InviteAsync(speakerId, SpeakerEmail);
        var oldLink = LinkIn(Assert.Single(await MailsAsync()), "/invitations/");
        int invitationId;
        await using (var scope = App.OpenDb())
        {
            invitationId = await scope.Db.SpeakerInvitations.Select(i => i.Id).SingleAsync();
        }

        await MoveClockAsync(TimeSpan.FromDays(20));
        var resent = await PressAsync(speakerId, invitationId, "resend");

        Assert.Contains("new invitation link", OrganizerBrowser.SuccessMessage(await Organizer.FollowAsync(resent)), StringComparison.Ordinal);
        var mails = await MailsAsync();
        Assert.Equal(2, mails.Count);
        var newLink = LinkIn(mails[1], "/invitations/");
        Assert.NotEqual(oldLink, newLink);
        var visitor = App.CreateBrowserlessClient();
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetPageAsync(oldLink)).Status);
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetPageAsync(newLink)).Status);
        Assert.Equal("/speaker", OrganizerBrowser.RedirectTarget(await SetPasswordAsync(visitor, newLink)));
    }

    [Fact]
    public async Task Unknown_link_is_not_found_in_layout()
    {
        var page = await App.CreateBrowserlessClient().GetPageAsync("/invitations/no-such-token");

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Equal("Invitation not found", page.Document.QuerySelector("h1")?.TextContent.Trim());
        Assert.NotNull(page.Document.QuerySelector("header nav"));
    }

    [Fact]
    public async Task Short_or_mismatched_password_is_rejected()
    {
        var (speakerId, _) = await FirstSpeakerAsync();
        await InviteAsync(speakerId, SpeakerEmail);
        var link = LinkIn(Assert.Single(await MailsAsync()), "/invitations/");
        var visitor = App.CreateBrowserlessClient();
        var users = await UserCountAsync();

        var tooShort = await OrganizerBrowser.ParseAsync(await SetPasswordAsync(visitor, link, "short"));
        var page = await visitor.GetStringAsync(new Uri(link, UriKind.Relative));
        var mismatched = await OrganizerBrowser.ParseAsync(await visitor.PostAsync(new Uri(link, UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Form.Password"] = Password,
            ["Form.ConfirmPassword"] = Password + "x",
            ["__RequestVerificationToken"] = AppFactory.AntiforgeryToken(page),
        })));

        Assert.Contains("at least 12 characters", OrganizerBrowser.ErrorFor(tooShort, "Form.Password"), StringComparison.Ordinal);
        Assert.Contains("do not match", OrganizerBrowser.ErrorFor(mismatched, "Form.ConfirmPassword"), StringComparison.Ordinal);
        Assert.Equal(users, await UserCountAsync());
    }

    [Fact]
    public async Task Failed_link_leaves_no_account()
    {
        var (speakerId, _) = await FirstSpeakerAsync();
        await InviteAsync(speakerId, SpeakerEmail);
        var link = LinkIn(Assert.Single(await MailsAsync()), "/invitations/");

        // Another account takes the speaker record after the invitation was sent.
        var otherId = await CreateUserAsync("other@example.org", Password);
        await using (var scope = App.OpenDb())
        {
            var speaker = await scope.Db.Speakers.SingleAsync(s => s.Id == speakerId);
            speaker.LinkAccount(otherId);
            await scope.Db.SaveChangesAsync();
        }

        var users = await UserCountAsync();
        var response = await SetPasswordAsync(App.CreateBrowserlessClient(), link);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("already belongs to another account", OrganizerBrowser.FormError(await OrganizerBrowser.ParseAsync(response)), StringComparison.Ordinal);
        Assert.Equal(users, await UserCountAsync());
        await using (var scope = App.OpenDb())
        {
            Assert.False(await scope.Db.Users.AnyAsync(u => u.Email == SpeakerEmail));
            Assert.Null(await scope.Db.SpeakerInvitations.Select(i => i.AcceptedAtUtc).SingleAsync());
        }
    }

    [Fact]
    public async Task Logs_name_ids_without_token()
    {
        var (speakerId, _) = await FirstSpeakerAsync();
        await InviteAsync(speakerId, SpeakerEmail);
        var link = LinkIn(Assert.Single(await MailsAsync()), "/invitations/");
        await SetPasswordAsync(App.CreateBrowserlessClient(), link);
        var token = link["/invitations/".Length..];

        var appRecords = App.Logs.Records.Where(r => r.Category.StartsWith("ConferenceApp", StringComparison.Ordinal)).ToList();

        Assert.Contains(appRecords, r => r.Message.StartsWith("Created invitation", StringComparison.Ordinal) && r.Values.ContainsKey("InvitationId"));
        Assert.Contains(appRecords, r => r.Message.Contains("accepted invitation", StringComparison.Ordinal) && r.Values.ContainsKey("SpeakerId"));
        Assert.DoesNotContain(appRecords, r => r.Message.Contains(token, StringComparison.Ordinal));
    }
}
