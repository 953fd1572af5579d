using System.Globalization;
using ConferenceApp.Domain;
using Microsoft.Extensions.Localization;

namespace ConferenceApp.Features.Speakers.Invitations;

/// <summary>Labels and date lines of invitations on the organizer pages.</summary>
public static class InvitationDisplay
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    /// <summary>Returns the status in English, which is also its key in the interface text.</summary>
    public static string StatusLabel(InvitationStatus status) => status switch
    {
        InvitationStatus.Pending => "pending",
        InvitationStatus.Accepted => "accepted",
        InvitationStatus.Revoked => "revoked",
        InvitationStatus.Expired => "expired",
        _ => status.ToString().ToLowerInvariant(),
    };

    public static string BadgeClass(InvitationStatus status) => status switch
    {
        InvitationStatus.Pending => "text-bg-primary",
        InvitationStatus.Accepted => "text-bg-success",
        _ => "text-bg-secondary",
    };

    /// <summary>Returns "12 Mar 2026 10:00 UTC", the format of every instant on these pages.</summary>
    public static string Instant(DateTime utc) => utc.ToString("d MMM yyyy HH:mm 'UTC'", English);

    /// <summary>Returns when and by which organizer the invitation was sent, and when it was accepted, revoked or expires.</summary>
    public static string Dates(InvitationRow invitation, IStringLocalizer t)
    {
        var sent = t["Sent {0} by {1}", Instant(invitation.SentAtUtc), invitation.SentBy];
        var end = invitation.Status switch
        {
            InvitationStatus.Accepted => t["accepted {0}", Instant(invitation.AcceptedAtUtc!.Value)],
            InvitationStatus.Revoked => t["revoked {0}", Instant(invitation.RevokedAtUtc!.Value)],
            InvitationStatus.Expired => t["expired {0}", Instant(invitation.ExpiresAtUtc)],
            _ => t["expires {0}", Instant(invitation.ExpiresAtUtc)],
        };
        return $"{sent} · {end}";
    }
}
