using ConferenceApp.Infrastructure.Caching;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ConferenceApp.Infrastructure.Health;

/// <summary>Sends PING over the app's shared Redis connection; unhealthy when Redis does not respond.</summary>
internal sealed class RedisHealthCheck(RedisConnection redis) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var database = await redis.GetDatabaseAsync();
            var roundTrip = await database.PingAsync();
            return HealthCheckResult.Healthy($"Redis answered in {roundTrip.TotalMilliseconds:0.#} ms.");
        }
        catch (Exception exception) when (RedisConnection.IsRedisFailure(exception))
        {
            // Balancers poll often, so the failure shares the connection's rate-limited warning.
            redis.LogFailure(exception, "the readiness check");
            return HealthCheckResult.Unhealthy($"Redis at {redis.Endpoints} did not answer PING.", exception);
        }
    }
}
