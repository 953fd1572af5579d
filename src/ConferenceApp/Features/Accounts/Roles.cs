namespace ConferenceApp.Features.Accounts;

/// <summary>Role and policy names used by the authorization attributes.</summary>
public static class Roles
{
    public const string Organizer = "Organizer";

    /// <summary>An account linked to at least one Speaker record, given when an invitation is accepted.</summary>
    public const string Speaker = "Speaker";
}

public static class Policies
{
    /// <summary>Signed in with the Organizer role.</summary>
    public const string Organizer = "Organizer";

    /// <summary>Signed in with the Speaker role. Which speaker records the account may touch is checked per request.</summary>
    public const string Speaker = "Speaker";
}
