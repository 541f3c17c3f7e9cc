using System.Net;
using System.Net.Sockets;

namespace TiepCongDan.Srt.Tests;

/// <summary>A UDP port nobody holds right now (tests run in parallel with other helpers' tests).</summary>
internal static class SrtTestPorts
{
    public static int FreeUdpPort()
    {
        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)probe.LocalEndPoint!).Port;
    }
}
