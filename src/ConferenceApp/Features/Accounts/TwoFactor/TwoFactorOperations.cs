using System.Text.Json;
using ConferenceApp.Data;
using ConferenceApp.Domain;
using Microsoft.AspNetCore.Identity;

namespace ConferenceApp.Features.Accounts.TwoFactor;

/// <summary>
/// The audit actions of account events. The audit table stores at most 16 characters per action,
/// which PostgreSQL enforces.
/// </summary>
public static class AccountAuditActions
{
    public const string TwoFactorOn = "TwoFactorOn";
    public const string TwoFactorOff = "TwoFactorOff";
    public const string KeyReset = "KeyReset";
    public const string CodesRenewed = "CodesRenewed";
    public const string RecoveryCodeUsed = "RecoveryCodeUsed";
}

/// <summary>The outcome of turning on two-factor sign-in: the new recovery codes, or an error for the code field.</summary>
public sealed record EnableResult(IReadOnlyList<string>? RecoveryCodes, string? Error)
{
    public bool Succeeded => RecoveryCodes is not null;
}

/// <summary>The outcome of a sign-in with a recovery code, with the number of codes left after a success.</summary>
public sealed record RecoverySignInResult(SignInResult Result, int CodesLeft);

/// <summary>
/// The changes to an account's two-factor sign-in. Each runs Identity's own steps (which save
/// one by one) and adds an audit entry, all in one transaction, so that no change is kept
/// without its entry. The entries have no conference, the entity type "Account" and the
/// account's id, and never contain a code or a key.
/// </summary>
public sealed class TwoFactorOperations(
    ConferenceDbContext db,
    UserManager<IdentityUser> users,
    SignInManager<IdentityUser> signIn,
    ILogger<TwoFactorOperations> logger)
{
    /// <summary>The audit entity type of account events.</summary>
    public const string AuditEntityType = "Account";

    /// <summary>
    /// Returns the account's authenticator key, creating one when it has none yet. Creating a
    /// key renews the account's security stamp, so the caller refreshes the sign-in cookie when
    /// <c>Created</c> is true.
    /// </summary>
    public async Task<(string Key, bool Created)> AuthenticatorKeyAsync(IdentityUser user)
    {
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (!string.IsNullOrEmpty(key))
        {
            return (key, false);
        }

        var result = await users.ResetAuthenticatorKeyAsync(user);
        ThrowIfFailed(result, "create an authenticator key");
        key = await users.GetAuthenticatorKeyAsync(user);
        return (key ?? throw new InvalidOperationException($"Account {user.Id} has no authenticator key after one was created."), true);
    }

    /// <summary>
    /// Checks <paramref name="typedCode"/> against the account's authenticator key and, when it
    /// matches, turns two-factor sign-in on and replaces the recovery codes with
    /// <see cref="TwoFactorCodes.RecoveryCodeCount"/> new ones.
    /// </summary>
    public async Task<EnableResult> EnableAsync(IdentityUser user, string? typedCode, CancellationToken cancellationToken)
    {
        var code = TwoFactorCodes.NormalizeAuthenticatorCode(typedCode);
        if (code is null)
        {
            return new EnableResult(null, "Enter the 6-digit code that your authenticator app shows for this site.");
        }

        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            logger.LogInformation("Rejected an authenticator code while turning on two-factor sign-in for account {UserId}", user.Id);
            return new EnableResult(null, "The code is not valid. Enter the code that the app shows now, and check that the device's clock is set automatically.");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var codesBefore = await users.CountRecoveryCodesAsync(user);
        ThrowIfFailed(await users.SetTwoFactorEnabledAsync(user, true), "turn on two-factor sign-in");
        var codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, TwoFactorCodes.RecoveryCodeCount))?.ToList()
            ?? throw new InvalidOperationException($"Identity created no recovery codes for account {user.Id}.");
        await AuditAsync(user, AccountAuditActions.TwoFactorOn, codesBefore, codes.Count, cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        logger.LogInformation("Account {UserId} turned on two-factor sign-in", user.Id);
        return new EnableResult(codes, null);
    }

    /// <summary>Turns two-factor sign-in off. The authenticator key stays, and turning it on again replaces the recovery codes.</summary>
    public async Task DisableAsync(IdentityUser user, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        ThrowIfFailed(await users.SetTwoFactorEnabledAsync(user, false), "turn off two-factor sign-in");
        await AuditAsync(user, AccountAuditActions.TwoFactorOff, null, null, cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        logger.LogInformation("Account {UserId} turned off two-factor sign-in", user.Id);
    }

    /// <summary>
    /// Replaces the authenticator key and turns two-factor sign-in off, so that codes from the
    /// old key stop working and the account sets up its app again. <paramref name="actor"/>
    /// names who did it in the audit entry when it is not the account itself (the operator's command).
    /// </summary>
    public async Task ResetKeyAsync(IdentityUser user, CancellationToken cancellationToken, string? actor = null)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        ThrowIfFailed(await users.SetTwoFactorEnabledAsync(user, false), "turn off two-factor sign-in");
        ThrowIfFailed(await users.ResetAuthenticatorKeyAsync(user), "reset the authenticator key");
        await AuditAsync(user, AccountAuditActions.KeyReset, null, null, cancellationToken, actor);
        await transaction.CommitAsync(cancellationToken);

        logger.LogInformation(
            "Authenticator key of account {UserId} reset by {Actor}. Two-factor sign-in is off until it is set up again", user.Id, actor ?? user.UserName);
    }

    /// <summary>Replaces the recovery codes with new ones; the old ones stop working. Returns null when two-factor sign-in is off.</summary>
    public async Task<IReadOnlyList<string>?> RegenerateRecoveryCodesAsync(IdentityUser user, CancellationToken cancellationToken)
    {
        if (!await users.GetTwoFactorEnabledAsync(user))
        {
            return null;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var codesBefore = await users.CountRecoveryCodesAsync(user);
        var codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, TwoFactorCodes.RecoveryCodeCount))?.ToList()
            ?? throw new InvalidOperationException($"Identity created no recovery codes for account {user.Id}.");
        await AuditAsync(user, AccountAuditActions.CodesRenewed, codesBefore, codes.Count, cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        logger.LogInformation("Account {UserId} replaced its recovery codes", user.Id);
        return codes;
    }

    /// <summary>
    /// Signs in the account that passed the password step with <paramref name="typedCode"/>,
    /// which then stops working. A wrong code counts as a failed attempt towards the lockout,
    /// as a wrong password does, because Identity's own recovery-code sign-in does not count it.
    /// </summary>
    public async Task<RecoverySignInResult> SignInWithRecoveryCodeAsync(IdentityUser user, string typedCode, CancellationToken cancellationToken)
    {
        if (await users.IsLockedOutAsync(user))
        {
            return new RecoverySignInResult(SignInResult.LockedOut, 0);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var codesBefore = await users.CountRecoveryCodesAsync(user);
        var result = await signIn.TwoFactorRecoveryCodeSignInAsync(TwoFactorCodes.NormalizeRecoveryCode(typedCode) ?? "");
        if (!result.Succeeded)
        {
            await users.AccessFailedAsync(user);
            await transaction.CommitAsync(cancellationToken);
            if (await users.IsLockedOutAsync(user))
            {
                logger.LogWarning("Rejected a recovery code for account {UserId}, and the account is now locked out", user.Id);
                return new RecoverySignInResult(SignInResult.LockedOut, codesBefore);
            }

            logger.LogWarning("Rejected a recovery code for account {UserId}", user.Id);
            return new RecoverySignInResult(SignInResult.Failed, codesBefore);
        }

        var codesLeft = await users.CountRecoveryCodesAsync(user);
        await AuditAsync(user, AccountAuditActions.RecoveryCodeUsed, codesBefore, codesLeft, cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        logger.LogInformation("Account {UserId} signed in with a recovery code, with {CodesLeft} codes left", user.Id, codesLeft);
        return new RecoverySignInResult(result, codesLeft);
    }

    private async Task AuditAsync(IdentityUser user, string action, int? codesBefore, int? codesAfter, CancellationToken cancellationToken, string? actor = null)
    {
        var changes = codesBefore is null && codesAfter is null
            ? new Dictionary<string, object?[]>()
            : new Dictionary<string, object?[]> { ["RecoveryCodesLeft"] = [codesBefore, codesAfter] };

        db.AuditEntries.Add(new AuditEntry
        {
            ConferenceId = null,
            AtUtc = DateTime.UtcNow,
            Actor = actor ?? user.UserName ?? user.Id,
            EntityType = AuditEntityType,
            EntityId = user.Id,
            Action = action,
            Changes = JsonSerializer.Serialize(changes),
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    private static void ThrowIfFailed(IdentityResult result, string step)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Identity failed to {step}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
        }
    }
}
