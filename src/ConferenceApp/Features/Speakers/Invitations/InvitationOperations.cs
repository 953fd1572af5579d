using ConferenceApp.Data;
using ConferenceApp.Domain;
using ConferenceApp.Features.Organize;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ConferenceApp.Features.Speakers.Invitations;

/// <summary>How an organizer's invite, resend or revoke request ended.</summary>
public enum InvitationOutcome
{
    /// <summary>The change was saved and the email, if any, was sent.</summary>
    Done,

    /// <summary>The invitation was saved but the email could not be sent; a resend may work later.</summary>
    NotSent,

    /// <summary>Nothing was saved because a rule was broken. The message names the rule.</summary>
    Rejected,

    /// <summary>The speaker or invitation does not exist in this conference.</summary>
    NotFound,
}

public sealed record InvitationResult(InvitationOutcome Outcome, string Message);

/// <summary>
/// The organizer's side of speaker invitations: invite, resend and revoke. Each saves once, so the
/// database context writes the audit entry, and sends mail only after the save.
/// </summary>
public sealed class InvitationOperations(
    ConferenceDbContext db,
    ChangeSaver saver,
    InvitationMailer mailer,
    IAuditActor actor,
    TimeProvider time,
    IOptions<InvitationOptions> options,
    ILogger<InvitationOperations> logger)
{
    private const string Changed = "Someone else changed this invitation at the same time. Check the list below and try again.";

    /// <summary>
    /// Creates an invitation for the speaker and sends it. <paramref name="linkBase"/> is the
    /// absolute address that the token is appended to, such as "https://host/invitations/".
    /// </summary>
    public async Task<InvitationResult> InviteAsync(int conferenceId, int speakerId, string? email, string linkBase, CancellationToken cancellationToken)
    {
        var speaker = await db.Speakers.OfConference(conferenceId).FirstOrDefaultAsync(s => s.Id == speakerId, cancellationToken);
        if (speaker is null)
        {
            return new InvitationResult(InvitationOutcome.NotFound, "");
        }

        if (speaker.UserId is not null)
        {
            return Rejected("This speaker already has an account, so there is nothing to invite them to. They can sign in.");
        }

        var now = time.GetUtcNow().UtcDateTime;
        if (await db.SpeakerInvitations.AnyAsync(i => i.SpeakerId == speakerId && i.AcceptedAtUtc == null && i.RevokedAtUtc == null && i.ExpiresAtUtc > now, cancellationToken))
        {
            return Rejected("This speaker already has a pending invitation. Resend it, or revoke it before inviting another address.");
        }

        SpeakerInvitation invitation;
        string token;
        try
        {
            (invitation, token) = SpeakerInvitation.Create(speaker, email, actor.Name, now, options.Value.Lifetime);
        }
        catch (DomainValidationException exception)
        {
            return Rejected(string.Join(" ", exception.Errors.Select(e => e.Message)));
        }

        db.SpeakerInvitations.Add(invitation);
        var saved = await saver.SaveAsync(null, cancellationToken);
        if (saved.Outcome != ChangeOutcome.Saved)
        {
            return Rejected(Changed);
        }

        logger.LogInformation("Created invitation {InvitationId} for speaker {SpeakerId} of conference {ConferenceId}", invitation.Id, speakerId, conferenceId);
        return await SendAsync(invitation, speaker, token, linkBase, $"Sent an invitation to {invitation.Email}.", cancellationToken);
    }

    /// <summary>Renews the invitation's token and lifetime and sends the new link. The old link stops working.</summary>
    public async Task<InvitationResult> ResendAsync(int conferenceId, int speakerId, int invitationId, string linkBase, CancellationToken cancellationToken)
    {
        var invitation = await FindAsync(conferenceId, speakerId, invitationId, cancellationToken);
        var speaker = await db.Speakers.OfConference(conferenceId).FirstOrDefaultAsync(s => s.Id == speakerId, cancellationToken);
        if (invitation is null || speaker is null)
        {
            return new InvitationResult(InvitationOutcome.NotFound, "");
        }

        if (speaker.UserId is not null)
        {
            return Rejected("This speaker already has an account, so the invitation cannot be resent. They can sign in.");
        }

        string token;
        try
        {
            token = invitation.Renew(actor.Name, time.GetUtcNow().UtcDateTime, options.Value.Lifetime);
        }
        catch (DomainValidationException exception)
        {
            return Rejected(string.Join(" ", exception.Errors.Select(e => e.Message)));
        }

        var saved = await saver.SaveAsync(null, cancellationToken);
        if (saved.Outcome != ChangeOutcome.Saved)
        {
            return Rejected(Changed);
        }

        logger.LogInformation("Renewed invitation {InvitationId} for speaker {SpeakerId} of conference {ConferenceId}", invitation.Id, speakerId, conferenceId);
        return await SendAsync(invitation, speaker, token, linkBase, $"Sent a new invitation link to {invitation.Email}. The previous link no longer works.", cancellationToken);
    }

    /// <summary>Revokes a pending invitation, so its link stops working.</summary>
    public async Task<InvitationResult> RevokeAsync(int conferenceId, int speakerId, int invitationId, CancellationToken cancellationToken)
    {
        var invitation = await FindAsync(conferenceId, speakerId, invitationId, cancellationToken);
        if (invitation is null)
        {
            return new InvitationResult(InvitationOutcome.NotFound, "");
        }

        try
        {
            invitation.Revoke(time.GetUtcNow().UtcDateTime);
        }
        catch (DomainValidationException exception)
        {
            return Rejected(string.Join(" ", exception.Errors.Select(e => e.Message)));
        }

        var saved = await saver.SaveAsync(null, cancellationToken);
        if (saved.Outcome != ChangeOutcome.Saved)
        {
            return Rejected(Changed);
        }

        logger.LogInformation("Revoked invitation {InvitationId} for speaker {SpeakerId} of conference {ConferenceId}", invitation.Id, speakerId, conferenceId);
        return new InvitationResult(InvitationOutcome.Done, $"Revoked the invitation to {invitation.Email}. Its link no longer works.");
    }

    private Task<SpeakerInvitation?> FindAsync(int conferenceId, int speakerId, int invitationId, CancellationToken cancellationToken) =>
        db.SpeakerInvitations.OfConference(conferenceId).FirstOrDefaultAsync(i => i.Id == invitationId && i.SpeakerId == speakerId, cancellationToken);

    private async Task<InvitationResult> SendAsync(
        SpeakerInvitation invitation, Speaker speaker, string token, string linkBase, string sentMessage, CancellationToken cancellationToken)
    {
        var conferenceName = await db.Conferences.AsNoTracking()
            .Where(c => c.Id == invitation.ConferenceId).Select(c => c.Name).SingleAsync(cancellationToken);
        var message = InvitationEmail.Build(conferenceName, speaker.Name, invitation.Email, linkBase + token, invitation.ExpiresAtUtc);

        var failure = await mailer.TrySendAsync(invitation.Id, message, cancellationToken);
        if (failure is null)
        {
            return new InvitationResult(InvitationOutcome.Done, sentMessage);
        }

        return new InvitationResult(InvitationOutcome.NotSent,
            $"The invitation to {invitation.Email} is saved, but the email could not be sent: {failure} Check the mail settings (Email:SmtpHost and the related keys), then use Resend.");
    }

    private static InvitationResult Rejected(string message) => new(InvitationOutcome.Rejected, message);
}
