using System.Security.Claims;
using ConferenceApp.Data;
using ConferenceApp.Domain;
using ConferenceApp.Features.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ConferenceApp.Features.Speakers.Invitations;

/// <summary>How an attempt to accept an invitation ended.</summary>
public enum AcceptOutcome
{
    Accepted,

    /// <summary>The link is unknown, used, revoked or expired, or the account cannot be made or linked.</summary>
    Failed,
}

public sealed record AcceptResult(AcceptOutcome Outcome, IReadOnlyList<string> Errors)
{
    public static AcceptResult Accepted() => new(AcceptOutcome.Accepted, []);

    public static AcceptResult Failed(params string[] errors) => new(AcceptOutcome.Failed, errors);
}

/// <summary>
/// The speaker's side of an invitation: what the link's page shows, and the acceptance that
/// binds an account to the Speaker record. The account creation or role change, the link and the
/// acceptance commit in one database transaction, so a failure leaves no account behind and the
/// invitation pending.
/// </summary>
public sealed class InvitationAcceptance(
    ConferenceDbContext db,
    UserManager<IdentityUser> users,
    RoleManager<IdentityRole> roles,
    SignInManager<IdentityUser> signIn,
    TimeProvider time,
    ILogger<InvitationAcceptance> logger)
{
    private const string AlreadyLinked =
        "Your account is already linked to another speaker of this conference, so it cannot be linked to this one too. Ask the organizers to check the speaker list.";

    /// <summary>Builds the page for <paramref name="token"/> as seen by <paramref name="user"/>, who may be anonymous.</summary>
    public async Task<InvitationPage> PageAsync(string token, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var hash = SpeakerInvitation.HashToken(token);
        var found = await db.SpeakerInvitations.AsNoTracking()
            .Where(i => i.TokenHash == hash)
            .Select(i => new
            {
                Invitation = i,
                SpeakerName = db.Speakers.Where(s => s.Id == i.SpeakerId).Select(s => s.Name).FirstOrDefault(),
                ConferenceName = db.Conferences.Where(c => c.Id == i.ConferenceId).Select(c => c.Name).FirstOrDefault(),
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return new InvitationPage(InvitationPageMode.Unknown, token);
        }

        var invitation = found.Invitation;
        var status = invitation.StatusAt(time.GetUtcNow().UtcDateTime);
        var page = new InvitationPage(InvitationPageMode.Closed, token)
        {
            Email = invitation.Email,
            SpeakerName = found.SpeakerName,
            ConferenceName = found.ConferenceName,
            ExpiresAtUtc = invitation.ExpiresAtUtc,
            Status = status,
        };
        if (status != InvitationStatus.Pending)
        {
            return page;
        }

        if (signIn.IsSignedIn(user))
        {
            var signedInEmail = (await users.GetUserAsync(user))?.Email;
            var mode = SameEmail(signedInEmail, invitation.Email) ? InvitationPageMode.LinkAccount : InvitationPageMode.WrongAccount;
            return page with { Mode = mode, SignedInEmail = signedInEmail };
        }

        var existing = await users.FindByEmailAsync(invitation.Email);
        return page with { Mode = existing is null ? InvitationPageMode.SetPassword : InvitationPageMode.SignIn };
    }

    /// <summary>Creates an account with the invited email and <paramref name="password"/>, links and accepts, then signs the new account in.</summary>
    public async Task<AcceptResult> AcceptWithNewAccountAsync(string token, string password, CancellationToken cancellationToken)
    {
        IdentityUser? created = null;
        var result = await AcceptInTransactionAsync(token, async invitation =>
        {
            if (await users.FindByEmailAsync(invitation.Email) is not null)
            {
                return (null, ["An account with this email already exists. Sign in with it to accept the invitation."]);
            }

            var user = new IdentityUser { UserName = invitation.Email, Email = invitation.Email, EmailConfirmed = true };
            var outcome = await users.CreateAsync(user, password);
            if (!outcome.Succeeded)
            {
                return (null, [.. outcome.Errors.Select(e => e.Description)]);
            }

            created = user;
            return (user, []);
        }, cancellationToken);

        if (result.Outcome == AcceptOutcome.Accepted && created is not null)
        {
            await signIn.SignInAsync(created, isPersistent: false);
        }

        return result;
    }

    /// <summary>Links the signed-in account to the invitation's speaker, when its email is the invited one, and refreshes its sign-in so the role applies.</summary>
    public async Task<AcceptResult> AcceptForUserAsync(string token, ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(principal);
        if (user is null)
        {
            return AcceptResult.Failed("Your account was not found. Sign out and open the invitation link again.");
        }

        var result = await AcceptInTransactionAsync(token, invitation =>
        {
            (IdentityUser?, string[]) outcome = SameEmail(user.Email, invitation.Email)
                ? (user, [])
                : (null, [$"This invitation is for another email address. You are signed in as {user.Email}."]);
            return Task.FromResult(outcome);
        }, cancellationToken);

        if (result.Outcome == AcceptOutcome.Accepted)
        {
            await signIn.RefreshSignInAsync(user);
        }

        return result;
    }

    /// <summary>
    /// Runs one acceptance in a transaction. It reads the invitation inside the transaction, so of
    /// two racing requests the second finds it accepted, and commits only when every step worked.
    /// </summary>
    private async Task<AcceptResult> AcceptInTransactionAsync(
        string token, Func<SpeakerInvitation, Task<(IdentityUser? User, string[] Errors)>> accountFor, CancellationToken cancellationToken)
    {
        // Microsoft.Data.Sqlite starts a transaction that is not deferred with BEGIN IMMEDIATE, which
        // takes the write lock at once, so a second acceptance waits here until the first has ended.
        // PostgreSQL lets both read, but the second's update of the invitation waits for the first
        // to commit and then fails the version check, so it is rejected just the same.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        var hash = SpeakerInvitation.HashToken(token);
        var invitation = await db.SpeakerInvitations.FirstOrDefaultAsync(i => i.TokenHash == hash, cancellationToken);
        if (invitation is null)
        {
            return Rejected(null, ["This invitation link is not valid. Check that you copied the whole link from the email."]);
        }

        // Accept throws for every status but pending, so this call only supplies the message.
        var now = time.GetUtcNow().UtcDateTime;
        if (invitation.StatusAt(now) != InvitationStatus.Pending)
        {
            return Rejected(invitation.Id, Apply(() => invitation.Accept(now)));
        }

        // The account is created first, because creating it saves the context. That save must not
        // contain the acceptance yet, so that the acceptance's audit entries name the new account.
        var (user, errors) = await accountFor(invitation);
        if (user is null)
        {
            return Rejected(invitation.Id, errors);
        }

        var speaker = await db.Speakers.FirstAsync(s => s.Id == invitation.SpeakerId, cancellationToken);
        if (await db.Speakers.AnyAsync(s => s.ConferenceId == speaker.ConferenceId && s.UserId == user.Id && s.Id != speaker.Id, cancellationToken))
        {
            return Rejected(invitation.Id, [AlreadyLinked]);
        }

        var domainErrors = Apply(() => invitation.Accept(now)).Concat(Apply(() => speaker.LinkAccount(user.Id))).ToArray();
        if (domainErrors.Length > 0)
        {
            return Rejected(invitation.Id, domainErrors);
        }

        // A new account is not signed in until the commit, so the request's user is set to it for
        // the audit entries of this save, and restored when the save fails.
        var requestUser = signIn.Context.User;
        signIn.Context.User = await signIn.CreateUserPrincipalAsync(user);
        var result = await SaveAcceptanceAsync(invitation, user, cancellationToken);
        if (result.Outcome != AcceptOutcome.Accepted)
        {
            signIn.Context.User = requestUser;
            return Rejected(invitation.Id, [.. result.Errors]);
        }

        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation(
            "Account {UserId} accepted invitation {InvitationId} and is now linked to speaker {SpeakerId} of conference {ConferenceId}",
            user.Id, invitation.Id, speaker.Id, speaker.ConferenceId);
        return result;
    }

    private async Task<AcceptResult> SaveAcceptanceAsync(SpeakerInvitation invitation, IdentityUser user, CancellationToken cancellationToken)
    {
        try
        {
            var roleErrors = await AddSpeakerRoleAsync(user);
            if (roleErrors.Length > 0)
            {
                return AcceptResult.Failed(roleErrors);
            }

            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            logger.LogWarning("Invitation {InvitationId} was changed by another request while being accepted", invitation.Id);
            return AcceptResult.Failed("This invitation was changed at the same moment, so it was not accepted. Open the link again.");
        }
        catch (DbUpdateException exception) when (DatabaseErrors.IsUniqueViolation(exception))
        {
            // Another acceptance linked this account to a speaker of the same conference meanwhile.
            logger.LogWarning("Invitation {InvitationId} was not accepted: {Reason}", invitation.Id, exception.InnerException?.Message);
            return AcceptResult.Failed(AlreadyLinked);
        }

        return AcceptResult.Accepted();
    }

    // AddToRoleAsync saves through the same context, so it also saves the invitation and the
    // speaker. The caller's final save writes whatever is left, all inside the transaction.
    private async Task<string[]> AddSpeakerRoleAsync(IdentityUser user)
    {
        if (!await roles.RoleExistsAsync(Roles.Speaker))
        {
            var created = await roles.CreateAsync(new IdentityRole(Roles.Speaker));
            if (!created.Succeeded)
            {
                return [.. created.Errors.Select(e => e.Description)];
            }
        }

        if (await users.IsInRoleAsync(user, Roles.Speaker))
        {
            return [];
        }

        var added = await users.AddToRoleAsync(user, Roles.Speaker);
        return [.. added.Errors.Select(e => e.Description)];
    }

    private AcceptResult Rejected(int? invitationId, string[] errors)
    {
        logger.LogInformation("Rejected an acceptance of invitation {InvitationId}: {Errors}", invitationId, string.Join(" ", errors));
        return AcceptResult.Failed(errors);
    }

    private static string[] Apply(Action step)
    {
        try
        {
            step();
            return [];
        }
        catch (DomainValidationException exception)
        {
            return [.. exception.Errors.Select(e => e.Message)];
        }
    }

    private bool SameEmail(string? first, string? second) =>
        first is not null && second is not null && users.NormalizeEmail(first) == users.NormalizeEmail(second);
}
