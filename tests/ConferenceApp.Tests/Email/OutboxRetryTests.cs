using System.Globalization;
using System.Net;
using System.Net.Sockets;
using ConferenceApp.Infrastructure.Email;
using Microsoft.Extensions.Logging;

namespace ConferenceApp.Tests.Email;

public sealed class OutboxRetryTests() : OutboxTestBase(new Dictionary<string, string>
{
    ["Email:SmtpHost"] = "127.0.0.1",
    ["Email:SmtpPort"] = ClosedPort().ToString(CultureInfo.InvariantCulture),
})
{
    [Fact]
    public async Task Failed_send_is_retried_then_given_up()
    {
        var id = await EnqueueAndSaveAsync(new EmailMessage("unlucky@example.org", null, "Your talk moved", "Text", "<p>HTML</p>"));

        for (var attempt = 1; attempt <= OutboxDispatcher.MaxAttempts; attempt++)
        {
            await WaitUntilAsync(async () => await RowAsync(id) is { ClaimedUntilUtc: null } row && row.AttemptCount == attempt, $"attempt {attempt} failed");
            var row = (await RowAsync(id))!;
            Assert.Null(row.SentAtUtc);
            Assert.StartsWith("SocketException: ", row.LastError, StringComparison.Ordinal);
            if (attempt == OutboxDispatcher.MaxAttempts)
            {
                break;
            }

            Assert.Null(row.GaveUpAtUtc);
            var delay = OutboxDispatcher.RetryDelays[attempt - 1];
            Assert.Equal(Clock.GetUtcNow().UtcDateTime + delay, row.NextAttemptUtc);

            // Just before the delay ends the message is not due yet.
            AdvanceAndWake(delay - TimeSpan.FromSeconds(1));
            Assert.Equal((0, 0), await Dispatcher.SendDueAsync(CancellationToken.None));
            Assert.Equal(attempt, (await RowAsync(id))!.AttemptCount);

            AdvanceAndWake(TimeSpan.FromSeconds(1));
        }

        await WaitUntilAsync(async () => (await RowAsync(id))?.GaveUpAtUtc is not null, "the message is given up");
        AdvanceAndWake(TimeSpan.FromDays(1));
        Assert.Equal((0, 0), await Dispatcher.SendDueAsync(CancellationToken.None));

        var final = (await RowAsync(id))!;
        Assert.Equal(5, final.AttemptCount);
        Assert.Null(final.SentAtUtc);
        Assert.Equal([1, 5, 15, 60], OutboxDispatcher.RetryDelays.Select(d => d.TotalMinutes));
        Assert.Equal(4, App.Logs.Records.Count(r => r.Level == LogLevel.Warning && r.Values.ContainsKey("OutboxMessageId")));
        var error = Assert.Single(App.Logs.Records, r => r.Level == LogLevel.Error);
        Assert.Equal(id, error.Values["OutboxMessageId"]);
        Assert.Contains("Gave up", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, MailCount());
    }

    // A port that was free a moment ago, so a connection to it is refused.
    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
