using System.Net;
using System.Net.Sockets;
using ConferenceApp.Tests.Organize;
using Microsoft.EntityFrameworkCore;

namespace ConferenceApp.Tests.Invitations;

public sealed class SendFailureTests() : InvitationTestBase(new Dictionary<string, string>
{
    ["Email:SmtpHost"] = "127.0.0.1",
    ["Email:SmtpPort"] = ClosedPort().ToString(System.Globalization.CultureInfo.InvariantCulture),
})
{
    [Fact]
    public async Task Smtp_failure_is_reported_and_invitation_kept()
    {
        var (speakerId, _) = await FirstSpeakerAsync();

        var response = await InviteAsync(speakerId, "unlucky@example.org");

        var page = await Organizer.FollowAsync(response);
        var error = page.QuerySelector("#invitations .alert-danger")?.TextContent ?? "";
        Assert.Contains("is saved, but the email could not be sent", error, StringComparison.Ordinal);
        Assert.Contains("Resend", error, StringComparison.Ordinal);
        Assert.Contains("pending", page.QuerySelector("#invitations .badge")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(App.Logs.Records, r => r.Level == Microsoft.Extensions.Logging.LogLevel.Error && r.Values.ContainsKey("InvitationId"));
        await using var scope = App.OpenDb();
        Assert.Equal("unlucky@example.org", await scope.Db.SpeakerInvitations.Select(i => i.Email).SingleAsync());
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    // A port that was free a moment ago, so a connection to it is refused.
    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
