using System.ComponentModel.DataAnnotations;
using ConferenceApp.Domain;

namespace ConferenceApp.Features.Speakers.Invitations;

/// <summary>The account and invitations section of the organizer's speaker page.</summary>
/// <param name="AccountEmail">The email of the speaker's account, or null while the speaker has none.</param>
/// <param name="Error">A failure of the last invite, resend or revoke request, shown above the list.</param>
public sealed record SpeakerAccountPanel(
    string ConferenceSlug, int SpeakerId, string? AccountEmail, IReadOnlyList<InvitationRow> Invitations, string? Error)
{
    public bool HasAccount => AccountEmail is not null;

    /// <summary>True when the invite form is offered: no account yet and no pending invitation.</summary>
    public bool CanInvite => !HasAccount && Invitations.All(i => i.Status != InvitationStatus.Pending);
}

/// <summary>One invitation with its status at the time the page was rendered.</summary>
public sealed record InvitationRow(
    int Id, string Email, InvitationStatus Status, DateTime SentAtUtc, DateTime ExpiresAtUtc,
    DateTime? AcceptedAtUtc, DateTime? RevokedAtUtc, string SentBy)
{
    /// <summary>True for a pending or expired invitation. A revoked one stays revoked: it may have gone to a wrong address, so the organizer sends a new one instead.</summary>
    public bool CanResend => Status is InvitationStatus.Pending or InvitationStatus.Expired;

    public bool CanRevoke => Status is InvitationStatus.Pending;
}

/// <summary>What the invitation page shows for a link.</summary>
public enum InvitationPageMode
{
    /// <summary>No invitation has this token.</summary>
    Unknown,

    /// <summary>The invitation was accepted, revoked or has expired.</summary>
    Closed,

    /// <summary>An account with the invited email exists; its owner must sign in first.</summary>
    SignIn,

    /// <summary>Someone is signed in with another email than the invited one.</summary>
    WrongAccount,

    /// <summary>The invited person is signed in and can link the account with one click.</summary>
    LinkAccount,

    /// <summary>No account exists yet, so the page shows a form to choose a password for a new one.</summary>
    SetPassword,
}

/// <summary>The invitation page at /invitations/{token}.</summary>
public sealed record InvitationPage(InvitationPageMode Mode, string Token)
{
    public string? Email { get; init; }

    public string? SpeakerName { get; init; }

    public string? ConferenceName { get; init; }

    public DateTime ExpiresAtUtc { get; init; }

    public InvitationStatus Status { get; init; }

    /// <summary>The email of the signed-in user, when someone is signed in.</summary>
    public string? SignedInEmail { get; init; }

    public AcceptInvitationForm Form { get; init; } = new();

    public int StatusCode => Mode switch
    {
        InvitationPageMode.Unknown => StatusCodes.Status404NotFound,
        InvitationPageMode.Closed => StatusCodes.Status410Gone,
        _ => StatusCodes.Status200OK,
    };

    public string SignInUrl => "/Identity/Account/Login?returnUrl=" + Uri.EscapeDataString("/invitations/" + Token);

    public string ExpiresText => InvitationEmail.FormatExpiry(ExpiresAtUtc);
}

/// <summary>The password form for a new speaker account. Identity checks the password rules on top of these.</summary>
public sealed class AcceptInvitationForm
{
    [Required(ErrorMessage = "Enter a password.")]
    [StringLength(100, MinimumLength = 12, ErrorMessage = "The password must have at least 12 characters.")]
    [DataType(DataType.Password)]
    public string? Password { get; set; }

    [Required(ErrorMessage = "Enter the password again.")]
    [DataType(DataType.Password)]
    [Compare(nameof(Password), ErrorMessage = "The two passwords do not match.")]
    public string? ConfirmPassword { get; set; }
}

/// <summary>The invitation part of a row of the organizer's speaker list.</summary>
/// <param name="LastChangedAtUtc">The time of the latest audit entry of the speaker's row, or null when none exists.</param>
public sealed record SpeakerAccountSummary(bool HasAccount, InvitationStatus? LatestInvitation, DateTime? LastChangedAtUtc, string? LastChangedBy);
