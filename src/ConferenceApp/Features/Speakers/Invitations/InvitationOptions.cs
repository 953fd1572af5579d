namespace ConferenceApp.Features.Speakers.Invitations;

/// <summary>Settings of speaker invitations, bound from the "Speakers" configuration section.</summary>
public sealed class InvitationOptions
{
    public const string Section = "Speakers";

    /// <summary>How many days an invitation link works after it is sent or resent.</summary>
    public int InvitationLifetimeDays { get; set; } = 14;

    public TimeSpan Lifetime => TimeSpan.FromDays(InvitationLifetimeDays);
}
