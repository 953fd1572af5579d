using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace ConferenceApp.Tests.Support;

/// <summary>
/// Gives each in-memory request the peer address 127.0.0.1, which TestServer leaves unset, as if
/// a proxy on the same machine had passed it on. With 127.0.0.1 configured as a known proxy, a
/// test then picks its client address with the X-Forwarded-For header.
/// </summary>
public sealed class LoopbackPeerStartupFilter : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            context.Connection.RemoteIpAddress ??= IPAddress.Loopback;
            return nextMiddleware(context);
        });
        next(app);
    };
}
