namespace ConferenceApp.Infrastructure.Email;

/// <summary>
/// An email waiting in the outbox, or one that was sent or given up. A row is written in the
/// same transaction as the change it reports, and <see cref="OutboxDispatcher"/> sends it after
/// the commit.
/// </summary>
/// <remarks>
/// A row is pending while <see cref="SentAtUtc"/> and <see cref="GaveUpAtUtc"/> are both null.
/// All times are UTC DateTime values, because SQLite cannot compare DateTimeOffset values.
/// </remarks>
public sealed class OutboxMessage
{
    public const int AddressMaxLength = 256;
    public const int SubjectMaxLength = 998;
    public const int LastErrorMaxLength = 500;

    private readonly List<OutboxAttachment> _attachments = [];

    private OutboxMessage()
    {
        ToAddress = "";
        Subject = "";
        TextBody = "";
        HtmlBody = "";
    }

    public long Id { get; private set; }

    public string ToAddress { get; private set; }

    public string? ToName { get; private set; }

    public string Subject { get; private set; }

    public string TextBody { get; private set; }

    public string HtmlBody { get; private set; }

    public IReadOnlyList<OutboxAttachment> Attachments => _attachments;

    public DateTime CreatedAtUtc { get; private set; }

    /// <summary>When the message was handed to the SMTP server or written to the pickup folder.</summary>
    public DateTime? SentAtUtc { get; private set; }

    /// <summary>When the last allowed attempt failed; the message is not sent after that.</summary>
    public DateTime? GaveUpAtUtc { get; private set; }

    /// <summary>How many times a dispatcher has claimed the message to send it, counting the attempt in progress.</summary>
    public int AttemptCount { get; private set; }

    /// <summary>The earliest instant of the next attempt.</summary>
    public DateTime NextAttemptUtc { get; private set; }

    /// <summary>
    /// The instant until which one dispatcher has claimed the message to send it. Another
    /// dispatcher takes the message only after this instant, such as when the first one stopped
    /// mid-send.
    /// </summary>
    public DateTime? ClaimedUntilUtc { get; private set; }

    /// <summary>The exception type and message of the last failed attempt, cut to <see cref="LastErrorMaxLength"/> characters.</summary>
    public string? LastError { get; private set; }

    /// <summary>Creates a pending row for <paramref name="message"/>, due at once.</summary>
    public static OutboxMessage Create(EmailMessage message, DateTime nowUtc)
    {
        var row = new OutboxMessage
        {
            ToAddress = message.ToAddress,
            ToName = message.ToName,
            Subject = message.Subject,
            TextBody = message.TextBody,
            HtmlBody = message.HtmlBody,
            CreatedAtUtc = nowUtc,
            NextAttemptUtc = nowUtc,
        };

        for (var index = 0; index < message.Attachments.Count; index++)
        {
            var attachment = message.Attachments[index];
            row._attachments.Add(new OutboxAttachment(index, attachment.FileName, attachment.MediaType, attachment.Content));
        }

        return row;
    }

    /// <summary>Returns the message to hand to <see cref="EmailSender"/>.</summary>
    public EmailMessage ToEmailMessage() => new(
        ToAddress,
        ToName,
        Subject,
        TextBody,
        HtmlBody,
        _attachments.OrderBy(a => a.Position).Select(a => new EmailAttachment(a.FileName, a.MediaType, a.Content)).ToList());
}

/// <summary>A file attached to an <see cref="OutboxMessage"/>.</summary>
public sealed class OutboxAttachment
{
    public const int FileNameMaxLength = 255;
    public const int MediaTypeMaxLength = 255;

    public OutboxAttachment(int position, string fileName, string mediaType, byte[] content)
    {
        Position = position;
        FileName = fileName;
        MediaType = mediaType;
        Content = content;
    }

    public long Id { get; private set; }

    public long OutboxMessageId { get; private set; }

    /// <summary>The attachment's place in the message, from 0.</summary>
    public int Position { get; private set; }

    public string FileName { get; private set; }

    public string MediaType { get; private set; }

    public byte[] Content { get; private set; }
}
