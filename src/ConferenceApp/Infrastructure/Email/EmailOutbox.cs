using ConferenceApp.Data;

namespace ConferenceApp.Infrastructure.Email;

/// <summary>
/// Queues email in the database, so that a message is stored in the same transaction as the
/// change it reports and is sent only if that change is committed.
/// </summary>
public sealed class EmailOutbox(ConferenceDbContext db, TimeProvider time)
{
    /// <summary>
    /// Adds <paramref name="message"/> to the outbox in the context without saving, so the
    /// caller's next SaveChanges stores it together with the rest of its change. Once that save
    /// is committed, <see cref="OutboxCommitInterceptor"/> wakes the dispatcher to send it.
    /// </summary>
    public OutboxMessage Enqueue(EmailMessage message)
    {
        var row = OutboxMessage.Create(message, time.GetUtcNow().UtcDateTime);
        db.OutboxMessages.Add(row);
        return row;
    }
}

/// <summary>Wakes <see cref="OutboxDispatcher"/> before its next poll, such as after queued messages were committed.</summary>
public sealed class OutboxSignal : IDisposable
{
    private readonly SemaphoreSlim _semaphore = new(0, 1);

    /// <summary>Wakes the dispatcher. Several calls before it wakes count as one.</summary>
    public void Notify()
    {
        try
        {
            _semaphore.Release();
        }
        catch (SemaphoreFullException)
        {
            // A wake-up is already pending.
        }
    }

    /// <summary>Waits for <see cref="Notify"/> or until <paramref name="timeout"/> passes. Returns true when notified.</summary>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        _semaphore.WaitAsync(timeout, cancellationToken);

    public void Dispose() => _semaphore.Dispose();
}
