using System.Security.Cryptography;

namespace ConferenceApp.Features.Accounts;

/// <summary>
/// The one-time token that protects the first-run setup page. It exists only while no organizer
/// account exists; the app logs it at start-up, and creating the first organizer spends it.
/// </summary>
public sealed class FirstRunSetup(IServiceScopeFactory scopes, ILogger<FirstRunSetup> logger)
{
    private readonly Lock _gate = new();
    private string? _token;

    /// <summary>True while the setup page accepts a token.</summary>
    public bool IsOpen
    {
        get
        {
            lock (_gate)
            {
                return _token is not null;
            }
        }
    }

    /// <summary>Creates and logs a token when no organizer exists yet.</summary>
    public async Task OpenIfNoOrganizerAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<OrganizerAccounts>();
        if (await accounts.AnyOrganizerExistsAsync())
        {
            return;
        }

        cancellationToken.ThrowIfCancellationRequested();
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        lock (_gate)
        {
            _token = token;
        }

        // The token is meant to be read from the log by the operator who started the app; it
        // grants nothing once an organizer exists.
        logger.LogWarning(
            "No organizer account exists. Create the first one at /setup with the one-time setup token {SetupToken}, or run the create-organizer command.",
            token);
    }

    /// <summary>
    /// Checks <paramref name="token"/> in constant time and, when it matches, closes setup so that
    /// no second request can use it. Returns false for a wrong token or when setup is closed.
    /// </summary>
    public bool TrySpend(string? token)
    {
        lock (_gate)
        {
            if (_token is null || token is null || !Matches(_token, token))
            {
                return false;
            }

            _token = null;
            return true;
        }
    }

    /// <summary>Reopens setup with the same token after the account creation it was spent on failed.</summary>
    public void Restore(string token)
    {
        lock (_gate)
        {
            _token ??= token;
        }
    }

    /// <summary>Checks a token without spending it, for showing the form.</summary>
    public bool Accepts(string? token)
    {
        lock (_gate)
        {
            return _token is not null && token is not null && Matches(_token, token);
        }
    }

    /// <summary>Closes setup, for when an organizer was created another way.</summary>
    public void Close()
    {
        lock (_gate)
        {
            _token = null;
        }
    }

    private static bool Matches(string expected, string candidate) =>
        CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.UTF8.GetBytes(expected),
            System.Text.Encoding.UTF8.GetBytes(candidate.Trim()));
}
