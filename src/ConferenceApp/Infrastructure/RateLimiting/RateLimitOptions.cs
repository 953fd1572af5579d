using System.Threading.RateLimiting;

namespace ConferenceApp.Infrastructure.RateLimiting;

/// <summary>
/// The request limits of the <c>RateLimits</c> configuration section. Each limit counts the POST
/// requests of one partition (a client address, an account's email or a signed-in user) in a
/// fixed window. Every app instance counts its own requests.
/// </summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary>Sign-in attempts from one client address.</summary>
    public FixedWindowLimit SignInPerClient { get; set; } = new() { PermitLimit = 20, WindowSeconds = 300 };

    /// <summary>Sign-in attempts for one email address, from any client.</summary>
    public FixedWindowLimit SignInPerAccount { get; set; } = new() { PermitLimit = 10, WindowSeconds = 300 };

    /// <summary>Password-reset requests and new-password forms from one client address.</summary>
    public FixedWindowLimit PasswordResetPerClient { get; set; } = new() { PermitLimit = 10, WindowSeconds = 900 };

    /// <summary>Password-reset requests and new-password forms for one email address, from any client.</summary>
    public FixedWindowLimit PasswordResetPerAccount { get; set; } = new() { PermitLimit = 5, WindowSeconds = 900 };

    /// <summary>Invitation acceptances (the form behind an invitation link) from one client address.</summary>
    public FixedWindowLimit InvitationPerClient { get; set; } = new() { PermitLimit = 20, WindowSeconds = 300 };

    /// <summary>Program import uploads and confirmations by one signed-in user.</summary>
    public FixedWindowLimit ImportPerUser { get; set; } = new() { PermitLimit = 30, WindowSeconds = 600 };

    /// <summary>Speaker photo uploads by one signed-in user, organizer or speaker.</summary>
    public FixedWindowLimit PhotoUploadPerUser { get; set; } = new() { PermitLimit = 30, WindowSeconds = 600 };

    /// <summary>New private calendar feeds of starred items, created from one client address.</summary>
    public FixedWindowLimit AgendaFeedPerClient { get; set; } = new() { PermitLimit = 20, WindowSeconds = 3600 };

    /// <summary>Returns the limits by their configuration names, for validation and the log.</summary>
    public IEnumerable<(string Name, FixedWindowLimit Limit)> All()
    {
        yield return (nameof(SignInPerClient), SignInPerClient);
        yield return (nameof(SignInPerAccount), SignInPerAccount);
        yield return (nameof(PasswordResetPerClient), PasswordResetPerClient);
        yield return (nameof(PasswordResetPerAccount), PasswordResetPerAccount);
        yield return (nameof(InvitationPerClient), InvitationPerClient);
        yield return (nameof(ImportPerUser), ImportPerUser);
        yield return (nameof(PhotoUploadPerUser), PhotoUploadPerUser);
        yield return (nameof(AgendaFeedPerClient), AgendaFeedPerClient);
    }
}

/// <summary>At most <see cref="PermitLimit"/> requests in each window of <see cref="WindowSeconds"/> seconds.</summary>
public sealed class FixedWindowLimit
{
    public int PermitLimit { get; set; }

    public int WindowSeconds { get; set; }

    /// <summary>Converts the limit to the options of a fixed-window limiter that rejects at once, without a queue.</summary>
    public FixedWindowRateLimiterOptions ToLimiterOptions() => new()
    {
        PermitLimit = PermitLimit,
        Window = TimeSpan.FromSeconds(WindowSeconds),
        QueueLimit = 0,
        AutoReplenishment = true,
    };
}
