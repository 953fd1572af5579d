using ConferenceApp.Data;

namespace ConferenceApp.Infrastructure.Email;

/// <summary>
/// Queues email in the database, so that a message is stored in the same transaction as the
/// change it reports and is sent only if that change is committed.
/// </summary>
public sealed class EmailOutbox(ConferenceDbContext db, OutboxSignal signal, TimeProvider time)
{
    private bool _wakesDispatcherOnSave;

    /// <summary>
    /// Adds <paramref name="message"/> to the outbox in the context without saving: the caller's
    /// next SaveChanges stores it together with the rest of its change. After that save the
    /// dispatcher is woken to send it.
    /// </summary>
    public OutboxMessage Enqueue(EmailMessage message)
    {
        var row = OutboxMessage.Create(message, time.GetUtcNow().UtcDateTime);
        db.OutboxMessages.Add(row);

        if (!_wakesDispatcherOnSave)
        {
            // When the save runs inside a transaction that commits later, the dispatcher may not
            // see the row yet; it finds it on its next poll.
            db.SavedChanges += (_, _) => signal.Notify();
            _wakesDispatcherOnSave = true;
        }

        return row;
    }
}

/// <summary>Wakes <see cref="OutboxDispatcher"/> before its next poll, after messages were queued.</summary>
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
