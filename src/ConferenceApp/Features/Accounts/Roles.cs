namespace ConferenceApp.Features.Accounts;

/// <summary>Role and policy names used by the authorization attributes.</summary>
public static class Roles
{
    public const string Organizer = "Organizer";
}

public static class Policies
{
    /// <summary>Signed in with the Organizer role.</summary>
    public const string Organizer = "Organizer";
}
