namespace ConferenceApp.Domain;

/// <summary>
/// A row that belongs to one conference and carries an application-managed concurrency token.
/// </summary>
/// <remarks>
/// The database context gives <see cref="Version"/> a new value on every insert and update, and
/// refuses an update whose original version no longer matches the stored one. An edit form sends
/// back the version it was rendered with, so a save based on a stale form fails instead of
/// overwriting someone else's change.
/// </remarks>
public abstract class ConferenceEntity : IVersioned
{
    public int Id { get; private set; }

    public int ConferenceId { get; protected set; }

    public Guid Version { get; set; } = Guid.NewGuid();

    /// <summary>
    /// A note naming which of this row's values are sample data rather than facts from the
    /// organizers, or null when every value is real.
    /// </summary>
    public string? SampleNote { get; protected set; }

    /// <summary>Sets or clears the sample-data note.</summary>
    public void MarkSample(string? note)
    {
        SampleNote = Text.Clean(note);
    }
}
