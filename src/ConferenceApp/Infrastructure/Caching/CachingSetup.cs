using System.IO.Compression;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.OutputCaching.StackExchangeRedis;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Net.Http.Headers;

namespace ConferenceApp.Infrastructure.Caching;

/// <summary>Registers and orders the output cache, the compression and the ETags of the public pages and exports.</summary>
public static class CachingSetup
{
    // The types the public pages and exports are written in; organizer pages are never compressed.
    private static readonly string[] CompressedTypes =
    [
        "text/html", "text/plain", "text/calendar", "application/json", "application/problem+json",
        "application/xml", "application/atom+xml",
    ];

    public static IServiceCollection AddPublicCaching(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PublicCacheOptions>()
            .Bind(configuration.GetSection(PublicCacheOptions.Section))
            .Validate(options => options.Minutes > 0, "OutputCache:Minutes must be a whole number of minutes greater than 0.")
            .Validate(options => options.SizeLimitMegabytes > 0, "OutputCache:SizeLimitMegabytes must be a whole number greater than 0.")
            .ValidateOnStart();

        services.AddSingleton<PublicCachePolicy>();
        services.AddOutputCache();
        if (string.IsNullOrWhiteSpace(configuration[RedisConnection.ConfigurationKey]))
        {
            services.AddSingleton(new CacheGenerations());
        }
        else
        {
            AddRedisStore(services, configuration[RedisConnection.ConfigurationKey]!);
        }

        services.AddOptions<OutputCacheOptions>()
            .Configure<PublicCachePolicy, Microsoft.Extensions.Options.IOptions<PublicCacheOptions>>((options, policy, settings) =>
            {
                options.SizeLimit = settings.Value.SizeLimitMegabytes * 1024L * 1024L;
                options.UseCaseSensitivePaths = true;
                options.AddPolicy(PublicCache.Policy, policy);
            });
        services.AddSingleton<IInterceptor, CacheEvictionInterceptor>();

        services.AddResponseCompression(options =>
        {
            // Only the anonymous public pages are compressed (see UsePublicCaching). They contain no
            // secret such as an antiforgery token, so compressing them over HTTPS reveals nothing.
            options.EnableForHttps = true;
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
            options.MimeTypes = CompressedTypes;
        });

        // Compressed bodies are cached, so each is compressed once and the stronger levels pay off.
        services.Configure<BrotliCompressionProviderOptions>(options => options.Level = CompressionLevel.Optimal);
        services.Configure<GzipCompressionProviderOptions>(options => options.Level = CompressionLevel.Optimal);
        return services;
    }

    /// <summary>
    /// Puts the output cache and the eviction counters in Redis, shared by every app instance, so
    /// that an eviction by one instance reaches the pages that all of them stored.
    /// </summary>
    private static void AddRedisStore(IServiceCollection services, string redisConfiguration)
    {
        services.AddSingleton(provider => new RedisConnection(redisConfiguration, provider.GetRequiredService<ILogger<RedisConnection>>()));
        services.AddSingleton(provider => new CacheGenerations(provider.GetRequiredService<RedisConnection>()));
        services.AddHttpContextAccessor();

        services.AddStackExchangeRedisOutputCache(_ => { });
        services.AddOptions<RedisOutputCacheOptions>()
            .Configure<RedisConnection>((options, redis) =>
            {
                options.InstanceName = RedisConnection.KeyPrefix + "output:";
                options.ConnectionMultiplexerFactory = redis.GetMultiplexerAsync;
            });

        // The Redis store replaces the memory store; the guard wraps it, so that it is the only IOutputCacheStore.
        var redisStore = services.Last(descriptor => descriptor.ServiceType == typeof(IOutputCacheStore));
        services.RemoveAll<IOutputCacheStore>();
        services.AddSingleton<IOutputCacheStore>(provider => new RedisOutputCacheGuard(
            CreateService<IOutputCacheStore>(provider, redisStore),
            provider.GetRequiredService<RedisConnection>(),
            provider.GetRequiredService<CacheGenerations>(),
            provider.GetRequiredService<IHttpContextAccessor>()));
    }

    private static T CreateService<T>(IServiceProvider provider, ServiceDescriptor descriptor) where T : class =>
        (T)(descriptor.ImplementationInstance
            ?? descriptor.ImplementationFactory?.Invoke(provider)
            ?? ActivatorUtilities.CreateInstance(provider, descriptor.ImplementationType!));

    /// <summary>
    /// Adds the cache after routing and authentication, which the policy reads, then compression
    /// and the ETags inside it, so that the cache stores finished, compressed responses.
    /// </summary>
    public static WebApplication UsePublicCaching(this WebApplication app)
    {
        app.UseOutputCache();
        app.UseWhen(IsPublicRead, branch =>
        {
            branch.UseResponseCompression();
            branch.UseMiddleware<ContentETagMiddleware>();
        });
        return app;
    }

    // Signed-in users' pages carry an antiforgery token in the "Log out" form, so they are not
    // compressed: a compressed secret next to text an attacker controls can leak (BREACH).
    private static bool IsPublicRead(HttpContext context) =>
        context.GetEndpoint()?.Metadata.GetMetadata<OutputCacheAttribute>()?.PolicyName == PublicCache.Policy
        && context.User.Identity?.IsAuthenticated != true;
}
