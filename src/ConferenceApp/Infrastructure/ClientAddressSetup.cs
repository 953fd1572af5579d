using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace ConferenceApp.Infrastructure;

/// <summary>
/// Takes the client's address from X-Forwarded-For, but only on requests from the proxies named
/// under <c>ForwardedHeaders</c>. Without that setting the app ignores the header, because anyone
/// can send it, and the address is that of the connection's peer.
/// </summary>
public static class ClientAddressSetup
{
    public const string KnownProxiesKey = "ForwardedHeaders:KnownProxies";
    public const string KnownNetworksKey = "ForwardedHeaders:KnownNetworks";

    public static IServiceCollection AddClientAddress(this IServiceCollection services, IConfiguration configuration)
    {
        var proxies = ReadList(configuration, KnownProxiesKey).Select(value => ParseAddress(value)).ToList();
        var networks = ReadList(configuration, KnownNetworksKey).Select(value => ParseNetwork(value)).ToList();

        services.Configure<ForwardedHeadersOptions>(options =>
        {
            // Only X-Forwarded-For: links and cookies follow Site:PublicUrl, not the forwarded scheme or host.
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor;

            // The defaults trust the loopback addresses; here only the configured proxies are trusted.
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            proxies.ForEach(options.KnownProxies.Add);
            networks.ForEach(options.KnownIPNetworks.Add);

            // The proxy appends the address it saw as the last entry; earlier entries come from the client and are not trusted.
            options.ForwardLimit = 1;
        });

        return services;
    }

    /// <summary>Reads X-Forwarded-For when a proxy is configured; otherwise does nothing.</summary>
    public static WebApplication UseClientAddress(this WebApplication app)
    {
        if (ReadList(app.Configuration, KnownProxiesKey).Any() || ReadList(app.Configuration, KnownNetworksKey).Any())
        {
            app.UseForwardedHeaders();
        }

        return app;
    }

    // A list is configured either as an array (KnownProxies:0, KnownProxies:1) or as one value separated by commas.
    private static IEnumerable<string> ReadList(IConfiguration configuration, string key)
    {
        var section = configuration.GetSection(key);
        var values = section.GetChildren().Select(child => child.Value).Append(section.Value);
        return values
            .SelectMany(value => (value ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            .Distinct(StringComparer.Ordinal);
    }

    private static IPAddress ParseAddress(string value) =>
        IPAddress.TryParse(value, out var address)
            ? address
            : throw new InvalidOperationException($"{KnownProxiesKey} contains \"{value}\", which is not an IP address. Give addresses such as 10.0.0.5 or fd00::5.");

    private static System.Net.IPNetwork ParseNetwork(string value) =>
        System.Net.IPNetwork.TryParse(value, out var network)
            ? network
            : throw new InvalidOperationException($"{KnownNetworksKey} contains \"{value}\", which is not a network in CIDR notation. Give networks such as 10.0.0.0/8 or fd00::/8.");
}
