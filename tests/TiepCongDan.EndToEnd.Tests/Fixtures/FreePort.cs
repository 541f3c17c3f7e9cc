using System.Net;
using System.Net.Sockets;

namespace TiepCongDan.EndToEnd.Tests.Fixtures;

/// <summary>Asks the kernel for an unused loopback TCP or UDP (SRT) port, so parallel test classes never collide.</summary>
public static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public static int NextUdp()
    {
        using var socket = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)socket.Client.LocalEndPoint!).Port;
    }
}
