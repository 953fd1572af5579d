using System.Net;
using Microsoft.EntityFrameworkCore;

namespace ConferenceApp.Tests.Invitations;

public sealed class InvitationLifetimeTests() : InvitationTestBase(new Dictionary<string, string> { ["Speakers:InvitationLifetimeDays"] = "3" })
{
    [Fact]
    public async Task Configured_lifetime_sets_expiry()
    {
        var (speakerId, _) = await FirstSpeakerAsync();
        await InviteAsync(speakerId, "short.lived@example.org");
        var link = LinkIn(Assert.Single(await MailsAsync()), "/invitations/");
        var visitor = App.CreateBrowserlessClient();

        await using (var scope = App.OpenDb())
        {
            var expires = await scope.Db.SpeakerInvitations.Select(i => i.ExpiresAtUtc).SingleAsync();
            Assert.Equal(Clock.GetUtcNow().UtcDateTime.AddDays(3), expires, TimeSpan.FromSeconds(1));
        }

        Clock.Advance(TimeSpan.FromDays(3) - TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync(new Uri(link, UriKind.Relative))).StatusCode);
        Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(HttpStatusCode.Gone, (await visitor.GetAsync(new Uri(link, UriKind.Relative))).StatusCode);
    }
}
