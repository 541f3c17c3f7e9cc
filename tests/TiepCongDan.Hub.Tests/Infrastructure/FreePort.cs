using System.Net;
using System.Net.Sockets;

namespace TiepCongDan.Hub.Tests.Infrastructure;

/// <summary>A TCP port free right now (bind to 0, read, release), so test classes can run in parallel.</summary>
public static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
