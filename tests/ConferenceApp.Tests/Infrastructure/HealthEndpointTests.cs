using System.Net;
using ConferenceApp.Testing;
using ConferenceApp.Tests.Support;

namespace ConferenceApp.Tests.Infrastructure;

public sealed class HealthEndpointTests
{
    [Fact]
    public async Task Live_returns_200_without_cache()
    {
        using var app = new AppFactory();

        var response = await app.CreateBrowserlessClient().GetAsync(new Uri("/health/live", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
        Assert.True(response.Headers.CacheControl?.NoStore, "The live endpoint must send Cache-Control: no-store.");
    }

    [Fact]
    public async Task Ready_returns_200_with_database()
    {
        using var app = new AppFactory();

        var response = await app.CreateBrowserlessClient().GetAsync(new Uri("/health/ready", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Ready_returns_200_with_redis()
    {
        await using var redis = await RedisServer.StartAsync();
        using var app = new AppFactory { Settings = { ["Redis:Configuration"] = redis.Configuration } };

        var response = await app.CreateBrowserlessClient().GetAsync(new Uri("/health/ready", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Ready_returns_503_without_redis()
    {
        using var app = new AppFactory { Settings = { ["Redis:Configuration"] = $"127.0.0.1:{RedisServer.ClosedPort()}" } };
        var client = app.CreateBrowserlessClient();

        var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
        var live = await client.GetAsync(new Uri("/health/live", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal("Unhealthy", await ready.Content.ReadAsStringAsync());
        Assert.Equal("text/plain", ready.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }

    [Fact]
    public async Task Ready_is_not_served_from_cache()
    {
        using var app = new AppFactory();
        var client = app.CreateBrowserlessClient();

        await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
        var second = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));

        Assert.Null(second.Headers.Age);
        Assert.True(second.Headers.CacheControl?.NoStore, "The ready endpoint must send Cache-Control: no-store.");
    }
}
