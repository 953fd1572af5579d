using System.Net;
using System.Net.Sockets;

namespace ConferenceApp.ClusterTests.Support;

internal static class FreePort
{
    /// <summary>
    /// Asks the OS for a free port of 127.0.0.1. Another process could take it before the server
    /// binds it, which shows up as a start failure with "address already in use" in its output.
    /// </summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
