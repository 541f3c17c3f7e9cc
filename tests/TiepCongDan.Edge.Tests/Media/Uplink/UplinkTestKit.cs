using System.Net;
using System.Net.Sockets;
using TiepCongDan.Edge.Media.Uplink;
using TiepCongDan.Srt;

namespace TiepCongDan.Edge.Tests.Media.Uplink;

/// <summary>Shared bits of the uplink tests: ports, TS-shaped data, settings, waiting.</summary>
internal static class UplinkTestKit
{
    public const string Secret = "kiosk-14-04171-srt-secret";

    public static int FreeUdpPort()
    {
        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)probe.LocalEndPoint!).Port;
    }

    /// <summary><paramref name="count"/> TS packets whose payload bytes encode their running number.</summary>
    public static byte[] TsPackets(int first, int count)
    {
        var data = new byte[count * 188];
        for (var i = 0; i < count; i++)
        {
            var packet = data.AsSpan(i * 188, 188);
            packet.Fill((byte)(first + i));
            packet[0] = 0x47;
            BitConverter.TryWriteBytes(packet[4..], first + i);
        }

        return data;
    }

    public static SrtUplinkSettings Settings(int port, string? passphrase = Secret) => new()
    {
        Host = "127.0.0.1",
        Port = port,
        KioskId = "14-04171",
        SessionId = "20261123T025100Z-14-04171-9f3a",
        Passphrase = passphrase,
        ConnectTimeout = TimeSpan.FromSeconds(1),
        ReconnectMinDelay = TimeSpan.FromMilliseconds(100),
        ReconnectMaxDelay = TimeSpan.FromMilliseconds(800),
        StatsInterval = TimeSpan.FromMilliseconds(250),
    };

    /// <summary>Starts a listener, retrying while the port is still held by a listener that just closed.</summary>
    public static async Task<SrtListener> ListenAsync(int port, Func<SrtHandshake, SrtAcceptDecision> decide)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return SrtListener.Start(port, decide, bindAddress: IPAddress.Loopback);
            }
            catch (SrtException) when (attempt < 50)
            {
                await Task.Delay(200);
            }
        }
    }

    public static async Task WaitUntil(Func<bool> condition, TimeSpan timeout, string what)
    {
        using var cts = new CancellationTokenSource(timeout);
        while (!condition())
        {
            if (cts.IsCancellationRequested)
            {
                Assert.Fail($"Timed out after {timeout.TotalSeconds} s waiting for: {what}");
            }

            await Task.Delay(50, CancellationToken.None);
        }
    }

    /// <summary>Reads from the hub side until <paramref name="bytes"/> arrived or 20 s passed.</summary>
    public static byte[] ReceiveBytes(SrtConnection connection, int bytes)
    {
        connection.SetReceiveTimeout(TimeSpan.FromSeconds(20));
        using var received = new MemoryStream();
        var buffer = new byte[1500];
        while (received.Length < bytes)
        {
            var n = connection.Receive(buffer);
            if (n == 0)
            {
                break;
            }

            received.Write(buffer, 0, n);
        }

        return received.ToArray();
    }
}
