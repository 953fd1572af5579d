using ConferenceApp.Infrastructure.RateLimiting;
using ConferenceApp.Tests.Support;

namespace ConferenceApp.Tests.Infrastructure;

public sealed class RejectionLogThrottleTests
{
    private readonly MovableTimeProvider _clock = new(new DateTimeOffset(2026, 5, 1, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public void First_rejection_is_logged()
    {
        var throttle = new RejectionLogThrottle(_clock);

        Assert.True(throttle.ShouldLog("SignIn|10.0.0.1|anonymous", out var skipped));
        Assert.Equal(0, skipped);
    }

    [Fact]
    public void Repeats_within_interval_are_counted()
    {
        var throttle = new RejectionLogThrottle(_clock);
        throttle.ShouldLog("SignIn|10.0.0.1|anonymous", out _);

        _clock.Advance(TimeSpan.FromSeconds(30));
        Assert.False(throttle.ShouldLog("SignIn|10.0.0.1|anonymous", out _));
        Assert.False(throttle.ShouldLog("SignIn|10.0.0.1|anonymous", out _));

        _clock.Advance(TimeSpan.FromSeconds(30));
        Assert.True(throttle.ShouldLog("SignIn|10.0.0.1|anonymous", out var skipped));
        Assert.Equal(2, skipped);
    }

    [Fact]
    public void Keys_are_counted_apart()
    {
        var throttle = new RejectionLogThrottle(_clock);
        throttle.ShouldLog("SignIn|10.0.0.1|anonymous", out _);

        Assert.True(throttle.ShouldLog("SignIn|10.0.0.2|anonymous", out _));
        Assert.True(throttle.ShouldLog("Invitation|10.0.0.1|anonymous", out _));
    }
}
