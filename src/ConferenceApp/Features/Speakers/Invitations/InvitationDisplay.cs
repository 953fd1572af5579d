using System.Globalization;
using ConferenceApp.Domain;

namespace ConferenceApp.Features.Speakers.Invitations;

/// <summary>Labels and date lines of invitations on the organizer pages.</summary>
public static class InvitationDisplay
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    public static string StatusLabel(InvitationStatus status) => status.ToString().ToLowerInvariant();

    public static string BadgeClass(InvitationStatus status) => status switch
    {
        InvitationStatus.Pending => "text-bg-primary",
        InvitationStatus.Accepted => "text-bg-success",
        _ => "text-bg-secondary",
    };

    /// <summary>Returns "12 Mar 2026 10:00 UTC", the format of every instant on these pages.</summary>
    public static string Instant(DateTime utc) => utc.ToString("d MMM yyyy HH:mm 'UTC'", English);

    /// <summary>Returns when and by which organizer the invitation was sent, and when it was accepted, revoked or expires.</summary>
    public static string Dates(InvitationRow invitation)
    {
        var sent = $"Sent {Instant(invitation.SentAtUtc)} by {invitation.SentBy}";
        var end = invitation.Status switch
        {
            InvitationStatus.Accepted => $"accepted {Instant(invitation.AcceptedAtUtc!.Value)}",
            InvitationStatus.Revoked => $"revoked {Instant(invitation.RevokedAtUtc!.Value)}",
            InvitationStatus.Expired => $"expired {Instant(invitation.ExpiresAtUtc)}",
            _ => $"expires {Instant(invitation.ExpiresAtUtc)}",
        };
        return $"{sent} · {end}";
    }
}
