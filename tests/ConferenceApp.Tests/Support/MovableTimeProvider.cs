namespace ConferenceApp.Tests.Support;

/// <summary>A clock that does not move until a test advances it, for testing expiry.</summary>
public sealed class MovableTimeProvider(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
