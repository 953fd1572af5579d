using System.Security.Cryptography;
using System.Text;

namespace ConferenceApp.Domain;

/// <summary>The state of an invitation at a given instant.</summary>
public enum InvitationStatus
{
    Pending = 0,
    Accepted = 1,
    Revoked = 2,
    Expired = 3,
}

/// <summary>
/// An organizer's invitation for a speaker to create an account bound to one Speaker record.
/// The link's token is shown once, when it is created or renewed. Only its SHA-256 hash is
/// stored, so a copy of the database does not let anyone accept an invitation.
/// </summary>
public sealed class SpeakerInvitation : ConferenceEntity
{
    /// <summary>How long an invitation link works when the configuration sets no other lifetime.</summary>
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromDays(14);

    private SpeakerInvitation()
    {
        Email = "";
        TokenHash = "";
        CreatedBy = "";
    }

    public int SpeakerId { get; private set; }

    /// <summary>The address the invitation was sent to, as the organizer typed it.</summary>
    public string Email { get; private set; }

    /// <summary>The hex SHA-256 of the link's token.</summary>
    public string TokenHash { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public DateTime ExpiresAtUtc { get; private set; }

    public DateTime? AcceptedAtUtc { get; private set; }

    public DateTime? RevokedAtUtc { get; private set; }

    /// <summary>The user name of the organizer who sent or last renewed the invitation.</summary>
    public string CreatedBy { get; private set; }

    /// <summary>Creates an invitation and returns it with the token for the link, which is not stored.</summary>
    public static (SpeakerInvitation Invitation, string Token) Create(
        Speaker speaker, string? email, string createdBy, DateTime nowUtc, TimeSpan lifetime)
    {
        var cleaned = Text.Clean(email);
        var errors = new List<FieldError>();
        if (cleaned is null)
        {
            errors.Add(new FieldError(nameof(Email), "The email address is required."));
        }
        else if (!IsEmailAddress(cleaned))
        {
            errors.Add(FieldError.Format(nameof(Email), "\"{0}\" is not a valid email address.", cleaned));
        }

        if (lifetime <= TimeSpan.Zero)
        {
            errors.Add(new FieldError("", "The invitation lifetime must be positive."));
        }

        DomainValidationException.ThrowIfAny(errors);

        var invitation = new SpeakerInvitation
        {
            ConferenceId = speaker.ConferenceId,
            SpeakerId = speaker.Id,
            Email = cleaned!,
            CreatedBy = createdBy,
        };
        var token = invitation.Renew(createdBy, nowUtc, lifetime);
        return (invitation, token);
    }

    /// <summary>Returns the status at <paramref name="nowUtc"/>.</summary>
    public InvitationStatus StatusAt(DateTime nowUtc)
    {
        if (AcceptedAtUtc is not null)
        {
            return InvitationStatus.Accepted;
        }

        if (RevokedAtUtc is not null)
        {
            return InvitationStatus.Revoked;
        }

        return nowUtc >= ExpiresAtUtc ? InvitationStatus.Expired : InvitationStatus.Pending;
    }

    /// <summary>
    /// Replaces the token and restarts the lifetime, for resending. The old link stops working.
    /// Returns the new token. An accepted invitation cannot be renewed.
    /// </summary>
    public string Renew(string renewedBy, DateTime nowUtc, TimeSpan lifetime)
    {
        if (AcceptedAtUtc is not null)
        {
            throw new DomainValidationException("This invitation was already accepted; the speaker can sign in.");
        }

        if (RevokedAtUtc is not null)
        {
            throw new DomainValidationException("This invitation was revoked, perhaps because it went to a wrong address. Send a new invitation instead.");
        }

        var token = Base64Url(RandomNumberGenerator.GetBytes(32));
        TokenHash = HashToken(token);
        CreatedAtUtc = nowUtc;
        ExpiresAtUtc = nowUtc + lifetime;
        RevokedAtUtc = null;
        CreatedBy = renewedBy;
        return token;
    }

    public void Revoke(DateTime nowUtc)
    {
        if (StatusAt(nowUtc) != InvitationStatus.Pending)
        {
            throw new DomainValidationException($"Only a pending invitation can be revoked; this one is {StatusAt(nowUtc).ToString().ToLowerInvariant()}.");
        }

        RevokedAtUtc = nowUtc;
    }

    /// <summary>Marks the invitation used. Throws unless it is pending at <paramref name="nowUtc"/>, so a link works once.</summary>
    public void Accept(DateTime nowUtc)
    {
        var status = StatusAt(nowUtc);
        if (status != InvitationStatus.Pending)
        {
            throw new DomainValidationException(status switch
            {
                InvitationStatus.Accepted => "This invitation link was already used. Sign in with the account it created.",
                InvitationStatus.Revoked => "This invitation was withdrawn by the organizers. Ask them for a new one.",
                _ => "This invitation link has expired. Ask the organizers to send a new one.",
            });
        }

        AcceptedAtUtc = nowUtc;
    }

    /// <summary>Returns the hex SHA-256 of a token, the form in which tokens are stored and looked up.</summary>
    public static string HashToken(string token) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static bool IsEmailAddress(string value) =>
        value.Length <= 254
        && value.IndexOf('@', StringComparison.Ordinal) is var at and > 0
        && at < value.Length - 1
        && value.IndexOf('@', at + 1) < 0
        && !value.Any(char.IsWhiteSpace);
}
