namespace ConferenceApp.Domain;

/// <summary>One recorded change: who changed which row, when, and its values before and after.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }

    /// <summary>The conference the changed row belongs to; null for rows outside any conference.</summary>
    public int? ConferenceId { get; set; }

    /// <summary>The instant of the save, as a UTC DateTime (SQLite cannot order DateTimeOffset values).</summary>
    public DateTime AtUtc { get; set; }

    /// <summary>The user name of the person who made the change, or "system" for the seed and commands.</summary>
    public string Actor { get; set; } = "";

    /// <summary>The entity type's name, such as "Session".</summary>
    public string EntityType { get; set; } = "";

    public string EntityId { get; set; } = "";

    /// <summary>
    /// "Added", "Modified" or "Deleted" for a row of the conference model. For an account
    /// (entity type "Account") it names a two-factor event: "TwoFactorOn", "TwoFactorOff",
    /// "KeyReset" (a new authenticator key), "CodesRenewed" (new recovery codes) or "RecoveryCodeUsed".
    /// At most 16 characters.
    /// </summary>
    public string Action { get; set; } = "";

    /// <summary>A JSON object mapping each changed property to its old and new value.</summary>
    public string Changes { get; set; } = "{}";
}
