using System.Net;
using System.Net.Sockets;

namespace TiepCongDan.Edge.Tests.Infrastructure;

/// <summary>A free TCP port on loopback (bind to 0, read, release), so test classes can run in parallel.</summary>
internal static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
