namespace ConferenceApp.Tests.Support;

/// <summary>A clock that stands still until a test moves it, for expiry rules.</summary>
public sealed class MovableTimeProvider(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
