namespace ConferenceApp.Features.Accounts.TwoFactor;

/// <summary>The account settings of the site, bound from the "Accounts" configuration section.</summary>
public sealed class AccountOptions
{
    public const string Section = "Accounts";

    /// <summary>
    /// When true, an organizer account must have two-factor sign-in turned on before it can open
    /// any organizer page. Until then it is sent to the set-up page. Speakers are not affected.
    /// </summary>
    public bool RequireTwoFactorForOrganizers { get; set; }
}
