namespace ConferenceApp.Infrastructure.RateLimiting;

/// <summary>The kinds of request that the app limits, each with its own counters.</summary>
public enum RateLimitGroup
{
    /// <summary>The sign-in form: limited per client address and per email.</summary>
    SignIn,

    /// <summary>The forgot-password and new-password forms: limited per client address and per email.</summary>
    PasswordReset,

    /// <summary>The form behind an invitation link: limited per client address.</summary>
    Invitation,

    /// <summary>Program import uploads and confirmations: limited per signed-in user.</summary>
    Import,

    /// <summary>Speaker photo uploads: limited per signed-in user.</summary>
    PhotoUpload,

    /// <summary>The creation of a private calendar feed of starred items: limited per client address.</summary>
    AgendaFeed,
}

/// <summary>
/// Marks a controller, action or page whose POST requests count towards the limits of
/// <see cref="Group"/>. Other methods, such as the GET that shows the form, are not limited.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = false)]
public sealed class RateLimitedAttribute(RateLimitGroup group) : Attribute
{
    public RateLimitGroup Group { get; } = group;
}
