using ConferenceApp.Data;
using ConferenceApp.Infrastructure.Caching;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ConferenceApp.Infrastructure.Health;

/// <summary>
/// Registers and maps the two health endpoints that load balancers and orchestrators poll. Both
/// serve anonymous requests in plain text ("Healthy" or "Unhealthy"), are never cached, and are
/// not replaced by the site's error pages.
/// </summary>
public static class HealthSetup
{
    /// <summary>Returns 200 while the process serves requests; it checks no dependency, so only a restart fixes a failure.</summary>
    public const string LivePath = "/health/live";

    /// <summary>Returns 200 when the database, and Redis when configured, respond, and 503 otherwise, so that a balancer sends no requests to the instance.</summary>
    public const string ReadyPath = "/health/ready";

    private const string ReadyTag = "ready";

    // A dependency that takes longer than this counts as down.
    private static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(5);

    public static IServiceCollection AddConferenceHealthChecks(this IServiceCollection services, IConfiguration configuration)
    {
        var checks = services.AddHealthChecks()
            .AddDbContextCheck<ConferenceDbContext>("database", tags: [ReadyTag]);

        if (!string.IsNullOrWhiteSpace(configuration[RedisConnection.ConfigurationKey]))
        {
            checks.AddCheck<RedisHealthCheck>("redis", tags: [ReadyTag]);
        }

        services.Configure<HealthCheckServiceOptions>(options =>
        {
            foreach (var registration in options.Registrations)
            {
                registration.Timeout = CheckTimeout;
            }
        });

        return services;
    }

    public static WebApplication MapHealthEndpoints(this WebApplication app)
    {
        app.MapHealthChecks(LivePath, new HealthCheckOptions { Predicate = _ => false })
            .AllowAnonymous()
            .WithMetadata(new SkipStatusCodePagesAttribute());

        app.MapHealthChecks(ReadyPath, new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) })
            .AllowAnonymous()
            .WithMetadata(new SkipStatusCodePagesAttribute());

        return app;
    }
}
