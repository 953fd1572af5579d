using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.AspNetCore.StaticAssets;
using Microsoft.Extensions.DependencyInjection;

namespace ConferenceApp.Tests.Security;

/// <summary>The endpoints that a running app maps, and addresses built from their route templates.</summary>
public static class AppEndpoints
{
    /// <summary>
    /// Returns every routed endpoint except the files under wwwroot. Those are one endpoint per
    /// file from the build's manifest, all public. The catch-all "{**path:file}" is left out too.
    /// MapStaticAssets (ASP.NET Core 10) adds it when the app runs from its build folder, it matches
    /// only files under wwwroot that are missing from the manifest, and a published app lacks it.
    /// </summary>
    public static IEnumerable<RouteEndpoint> Of(IServiceProvider services) =>
        services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<StaticAssetDescriptor>() is null)
            .Where(e => !(e.DisplayName == "Fallback {**path:file}" && e.RoutePattern.RawText == "{**path:file}"));

    /// <summary>Returns the route template without a leading slash, such as "organize/{conference}/rooms".</summary>
    public static string Template(RouteEndpoint endpoint) => (endpoint.RoutePattern.RawText ?? "").TrimStart('/');

    public static bool IsAnonymous(Endpoint endpoint) => endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;

    /// <summary>Returns the HTTP methods the endpoint accepts, or GET and POST when it accepts any.</summary>
    public static IReadOnlyList<string> Methods(Endpoint endpoint) =>
        endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET", "POST"];

    public static bool AcceptsJsonOnly(Endpoint endpoint) =>
        endpoint.Metadata.GetMetadata<IAcceptsMetadata>()?.ContentTypes.Contains("application/json") == true;

    /// <summary>
    /// Builds the address of <paramref name="endpoint"/>, taking each route parameter's value from
    /// <paramref name="value"/>, which gets the parameter's name and the literal segment before it
    /// (such as "rooms" for the id in "rooms/{id}/edit").
    /// </summary>
    public static string Url(RouteEndpoint endpoint, Func<string, string?, string> value)
    {
        var url = new StringBuilder();
        string? previous = null;

        foreach (var segment in endpoint.RoutePattern.PathSegments)
        {
            url.Append('/');
            foreach (var part in segment.Parts)
            {
                url.Append(part switch
                {
                    RoutePatternLiteralPart literal => literal.Content,
                    RoutePatternSeparatorPart separator => separator.Content,
                    RoutePatternParameterPart parameter => Uri.EscapeDataString(value(parameter.Name, previous)),
                    _ => throw new InvalidOperationException($"Unknown route part in {Template(endpoint)}."),
                });
            }

            previous = segment.Parts is [RoutePatternLiteralPart only] ? only.Content : previous;
        }

        return url.Length == 0 ? "/" : url.ToString();
    }
}
