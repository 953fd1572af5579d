using ConferenceApp.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ConferenceApp.Infrastructure.Email;

/// <summary>
/// Sends the outbox's pending messages in the background, oldest first, and retries failed
/// ones with growing delays until <see cref="MaxAttempts"/> attempts have failed.
/// </summary>
/// <remarks>
/// Before sending a message, a dispatcher claims it with one conditional UPDATE that succeeds
/// only while the message is unsent and unclaimed (or its claim has expired). So with several
/// app instances on one database each message is sent by the one instance whose UPDATE changed
/// the row. One process sends messages one after another, so it never sends a message twice.
/// An instance that stops after sending but before recording the send leaves the claim to
/// expire after <see cref="ClaimDuration"/>, and then the message is sent again: delivery is
/// at least once.
/// </remarks>
public sealed class OutboxDispatcher(
    IServiceScopeFactory scopes,
    EmailSender sender,
    OutboxSignal signal,
    TimeProvider time,
    IOptions<EmailOptions> options,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    /// <summary>The waits after the first, second, third and fourth failed attempt.</summary>
    public static readonly IReadOnlyList<TimeSpan> RetryDelays =
        [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(60)];

    /// <summary>The number of attempts after which a message is given up: the first one and one per retry delay.</summary>
    public static readonly int MaxAttempts = RetryDelays.Count + 1;

    /// <summary>The longest one send may take before it is cancelled and counted as a failed attempt.</summary>
    public static readonly TimeSpan SendTimeout = TimeSpan.FromMinutes(5);

    /// <summary>How long a claim lasts: twice <see cref="SendTimeout"/>, so the claim outlasts its send with a wide margin for clock differences between instances.</summary>
    public static readonly TimeSpan ClaimDuration = 2 * SendTimeout;

    private const int BatchSize = 20;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var pollInterval = TimeSpan.FromSeconds(options.Value.OutboxPollSeconds);
        logger.LogInformation("Started the email outbox dispatcher, polling every {PollSeconds} s", pollInterval.TotalSeconds);

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await SendDueAsync(stoppingToken) is { Attempts: > 0 })
                {
                    await LogStateAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception exception)
            {
                // A database error must not stop the dispatcher, so the next poll tries again.
                logger.LogError(exception, "Reading or updating the email outbox failed. Retrying in {PollSeconds} s", pollInterval.TotalSeconds);
            }

            try
            {
                await signal.WaitAsync(pollInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        logger.LogInformation("Stopped the email outbox dispatcher");
    }

    /// <summary>Sends every pending message that is due now, oldest first, and returns how many it tried and how many it sent.</summary>
    public async Task<(int Attempts, int Sent)> SendDueAsync(CancellationToken cancellationToken)
    {
        var attempts = 0;
        var sent = 0;

        while (true)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ConferenceDbContext>();

            var now = Now;
            var due = await db.OutboxMessages
                .Where(m => m.SentAtUtc == null && m.GaveUpAtUtc == null && m.NextAttemptUtc <= now
                    && (m.ClaimedUntilUtc == null || m.ClaimedUntilUtc < now))
                .OrderBy(m => m.CreatedAtUtc)
                .ThenBy(m => m.Id)
                .Select(m => m.Id)
                .Take(BatchSize)
                .ToListAsync(cancellationToken);

            if (due.Count == 0)
            {
                return (attempts, sent);
            }

            foreach (var id in due)
            {
                if (!await TryClaimAsync(db, id, cancellationToken))
                {
                    continue;
                }

                attempts++;
                if (await SendClaimedAsync(db, id, cancellationToken))
                {
                    sent++;
                }
            }
        }
    }

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    /// <summary>Logs how many messages wait to be sent and how many were given up, for operators.</summary>
    private async Task LogStateAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ConferenceDbContext>();

        var pending = await db.OutboxMessages.CountAsync(m => m.SentAtUtc == null && m.GaveUpAtUtc == null, cancellationToken);
        var givenUp = await db.OutboxMessages.CountAsync(m => m.GaveUpAtUtc != null, cancellationToken);
        logger.LogInformation("The email outbox contains {PendingCount} pending and {GivenUpCount} given-up messages", pending, givenUp);
    }

    /// <summary>Claims the message for this dispatcher and counts the attempt. Returns false when it is sent, given up or claimed by another.</summary>
    private async Task<bool> TryClaimAsync(ConferenceDbContext db, long id, CancellationToken cancellationToken)
    {
        var now = Now;
        var claimedUntil = now + ClaimDuration;

        var changed = await db.OutboxMessages
            .Where(m => m.Id == id && m.SentAtUtc == null && m.GaveUpAtUtc == null
                && (m.ClaimedUntilUtc == null || m.ClaimedUntilUtc < now))
            .ExecuteUpdateAsync(
                setters => setters
                    .SetProperty(m => m.ClaimedUntilUtc, claimedUntil)
                    .SetProperty(m => m.AttemptCount, m => m.AttemptCount + 1),
                cancellationToken);

        return changed == 1;
    }

    /// <summary>Sends a claimed message and records the outcome. Returns true when it was sent.</summary>
    private async Task<bool> SendClaimedAsync(ConferenceDbContext db, long id, CancellationToken cancellationToken)
    {
        var row = await db.OutboxMessages.AsNoTracking().Include(m => m.Attachments).SingleAsync(m => m.Id == id, cancellationToken);

        using var sendTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        sendTimeout.CancelAfter(SendTimeout);
        try
        {
            await sender.SendAsync(row.ToEmailMessage(), sendTimeout.Token);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The app is stopping. The claim expires after ClaimDuration, and then the message is tried again.
            throw;
        }
        catch (OperationCanceledException exception)
        {
            await RecordFailureAsync(db, row, new TimeoutException($"Sending took longer than {SendTimeout.TotalMinutes} minutes.", exception), cancellationToken);
            return false;
        }
        catch (Exception exception)
        {
            await RecordFailureAsync(db, row, exception, cancellationToken);
            return false;
        }

        var sentAt = Now;
        await db.OutboxMessages
            .Where(m => m.Id == id)
            .ExecuteUpdateAsync(
                setters => setters
                    .SetProperty(m => m.SentAtUtc, sentAt)
                    .SetProperty(m => m.ClaimedUntilUtc, (DateTime?)null),
                CancellationToken.None);

        logger.LogInformation("Sent outbox message {OutboxMessageId} on attempt {Attempt}", row.Id, row.AttemptCount);
        return true;
    }

    private async Task RecordFailureAsync(ConferenceDbContext db, OutboxMessage row, Exception exception, CancellationToken cancellationToken)
    {
        var now = Now;
        var error = Describe(exception);

        if (row.AttemptCount >= MaxAttempts)
        {
            await db.OutboxMessages
                .Where(m => m.Id == row.Id)
                .ExecuteUpdateAsync(
                    setters => setters
                        .SetProperty(m => m.GaveUpAtUtc, now)
                        .SetProperty(m => m.ClaimedUntilUtc, (DateTime?)null)
                        .SetProperty(m => m.LastError, error),
                    cancellationToken);

            logger.LogError(exception,
                "Gave up sending outbox message {OutboxMessageId} (\"{Subject}\" to {Recipient}) after {Attempts} failed attempts",
                row.Id, row.Subject, row.ToAddress, row.AttemptCount);
            return;
        }

        var nextAttempt = now + RetryDelays[row.AttemptCount - 1];
        await db.OutboxMessages
            .Where(m => m.Id == row.Id)
            .ExecuteUpdateAsync(
                setters => setters
                    .SetProperty(m => m.NextAttemptUtc, nextAttempt)
                    .SetProperty(m => m.ClaimedUntilUtc, (DateTime?)null)
                    .SetProperty(m => m.LastError, error),
                cancellationToken);

        logger.LogWarning(exception,
            "Sending outbox message {OutboxMessageId} failed on attempt {Attempt} of {MaxAttempts}. Retrying at {NextAttemptUtc:u}",
            row.Id, row.AttemptCount, MaxAttempts, nextAttempt);
    }

    /// <summary>
    /// Returns the exception type and message, cut to fit <see cref="OutboxMessage.LastError"/>.
    /// MailKit's messages carry the server's reply, and the configured SMTP password is masked
    /// in case a server echoes it.
    /// </summary>
    private string Describe(Exception exception)
    {
        var text = $"{exception.GetType().Name}: {exception.Message}";
        if (options.Value.SmtpPassword is { Length: > 0 } password)
        {
            text = text.Replace(password, "***", StringComparison.Ordinal);
        }

        return text.Length <= OutboxMessage.LastErrorMaxLength ? text : text[..OutboxMessage.LastErrorMaxLength];
    }
}
