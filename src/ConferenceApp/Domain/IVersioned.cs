namespace ConferenceApp.Domain;

/// <summary>An entity with an application-managed concurrency token, renewed on every save that changes it.</summary>
public interface IVersioned
{
    Guid Version { get; set; }
}
