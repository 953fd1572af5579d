namespace ConferenceApp.Infrastructure.Email;

/// <summary>Outgoing mail settings, bound from the "Email" configuration section.</summary>
public sealed class EmailOptions
{
    public const string Section = "Email";

    /// <summary>The sender address of every message, such as "program@example.org".</summary>
    public string From { get; set; } = "conferenceapp@localhost";

    /// <summary>The sender's display name.</summary>
    public string FromName { get; set; } = "ConferenceApp";

    /// <summary>The SMTP server's host name. When empty, messages are written as .eml files to <see cref="PickupFolder"/> instead of being sent.</summary>
    public string? SmtpHost { get; set; }

    /// <summary>The SMTP port: 587 for STARTTLS submission, 465 for TLS from the first byte, 25 for plain relay.</summary>
    public int SmtpPort { get; set; } = 587;

    public string? SmtpUser { get; set; }

    public string? SmtpPassword { get; set; }

    /// <summary>
    /// The folder for .eml files while no SMTP host is set. A relative path is taken from the
    /// content root.
    /// </summary>
    public string PickupFolder { get; set; } = "App_Data/mail";

    /// <summary>
    /// Seconds between two looks into the email outbox. Queued messages wake the dispatcher at
    /// once, so this only matters for retries and for messages queued by another instance.
    /// </summary>
    public int OutboxPollSeconds { get; set; } = 5;
}
