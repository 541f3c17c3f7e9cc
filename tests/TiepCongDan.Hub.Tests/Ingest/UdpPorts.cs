using System.Net;
using System.Net.Sockets;

namespace TiepCongDan.Hub.Tests.Ingest;

/// <summary>A UDP port free right now, so every test hub's SRT ingest listens on its own port.</summary>
public static class UdpPorts
{
    public static int Next()
    {
        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)probe.LocalEndPoint!).Port;
    }
}
