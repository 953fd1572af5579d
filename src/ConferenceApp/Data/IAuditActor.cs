namespace ConferenceApp.Data;

/// <summary>Names the person or process whose changes the database context is about to save.</summary>
public interface IAuditActor
{
    /// <summary>A user name, or "system" outside a signed-in request.</summary>
    string Name { get; }
}

/// <summary>The actor for start-up work, seeding and command-line commands.</summary>
public sealed class SystemAuditActor : IAuditActor
{
    public string Name => "system";
}
