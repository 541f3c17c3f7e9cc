using System.Net;
using System.Net.Sockets;
using TiepCongDan.Contracts.Media;
using TiepCongDan.Hub.Bridge;
using TiepCongDan.Hub.Broker;
using TiepCongDan.Hub.Tests.Infrastructure;
using TiepCongDan.Srt;

namespace TiepCongDan.Hub.Tests.Bridge;

/// <summary>
/// The whole hub in-process: a kiosk calls the real SRT ingest, the real live session bus feeds the
/// bridge, a caller point receives the session, and an official's stream comes back to the kiosk.
/// </summary>
public sealed class HubIntegration_Tests
{
    [Fact]
    public async Task A_kiosk_session_through_the_real_ingest_reaches_its_point_and_an_official_reaches_the_kiosk()
    {
        using var point = new TestPoint(BridgeHarness.PassphraseOf("tinh-14"));
        point.Start();
        var ingestPort = FreeUdpPort();
        var bridgePort = FreeUdpPort();
        await using var hub = await TestHub.StartAsync(
            $"--Hub:Media:Ingest:Port={ingestPort}",
            "--Hub:Media:Ingest:BindAddress=127.0.0.1",
            $"--Hub:Media:Bridge:Port={bridgePort}",
            "--Hub:Media:Bridge:BindAddress=127.0.0.1",
            "--Hub:Media:Points:0:Id=tinh-14",
            "--Hub:Media:Points:0:Provinces:0=14",
            "--Hub:Media:Points:0:Mode=caller",
            "--Hub:Media:Points:0:Host=127.0.0.1",
            $"--Hub:Media:Points:0:Port={point.Port}",
            $"--Hub:Media:Points:0:Passphrase={BridgeHarness.PassphraseOf("tinh-14")}");
        var bridge = hub.Get<BridgeService>();
        Assert.Equal(bridgePort, bridge.ListenerPort);
        var kioskPassphrase = MediaCredentials.DeriveSrtPassphrase(hub.Get<FleetSecret>().Bytes, BridgeHarness.Kiosk);
        var session = BridgeHarness.NewSession();
        using var uplink = SrtConnection.Connect(new SrtCallerOptions
        {
            Host = "127.0.0.1", Port = ingestPort, StreamId = SrtStreamId.Publish(BridgeHarness.Kiosk, session).ToString(), Passphrase = kioskPassphrase, ConnectTimeoutMs = 3000,
        });

        // The session exists for the bus once its first bytes arrive; the point is called then.
        var number = 0;
        for (var s = 0; s < 40 && bridge.Find(session)?.Outputs.SingleOrDefault()?.State != OutputState.Connected; s++)
        {
            Send(uplink, NumberedTs.Segment(session, s, number, 20));
            number += 20;
            await Task.Delay(250);
        }

        Assert.Equal(OutputState.Connected, bridge.Find(session)?.Outputs.Single().State);
        var firstCounted = number;
        for (var s = 100; s < 110; s++)
        {
            Send(uplink, NumberedTs.Segment(session, s, number, 100));
            number += 100;
        }

        await Eventually.True(() => point.Latest().Count(n => n >= firstCounted) >= number - firstCounted, "the point got the session's later segments", 15_000);
        NumberedTs.AssertInOrderFromMarker(point.Latest(), number - firstCounted);

        // The return path on the same hub: an official publishes, the kiosk fetches with its own passphrase.
        using var kiosk = SrtConnection.Connect(new SrtCallerOptions
        {
            Host = "127.0.0.1", Port = bridgePort, StreamId = BridgeStreamId.ForKioskReturn(session, BridgeHarness.Kiosk), Passphrase = kioskPassphrase, ConnectTimeoutMs = 3000,
        });
        using var official = SrtConnection.Connect(new SrtCallerOptions
        {
            Host = "127.0.0.1", Port = bridgePort, StreamId = BridgeStreamId.ForPointPublish(session, "tinh-14"), Passphrase = BridgeHarness.PassphraseOf("tinh-14"), ConnectTimeoutMs = 3000,
        });
        await Eventually.True(() => bridge.Find(session)!.Return.Publishers.Count == 1 && bridge.Find(session)!.Return.KioskOutputs.Any(o => o.State == OutputState.Connected), "official and kiosk on the return path", 10_000);
        var back = NumberedTs.Segment(session, 0, 0, 6);
        official.Send(back);
        kiosk.SetReceiveTimeout(TimeSpan.FromSeconds(10));
        var buffer = new byte[1500];
        var n = kiosk.Receive(buffer);
        Assert.Equal(back, buffer[..n]);
    }

    private static void Send(SrtConnection connection, byte[] bytes)
    {
        for (var offset = 0; offset < bytes.Length; offset += SrtConnection.MaxMessageBytes)
        {
            connection.Send(bytes.AsSpan(offset, Math.Min(SrtConnection.MaxMessageBytes, bytes.Length - offset)));
            Thread.Sleep(1);
        }
    }

    private static int FreeUdpPort()
    {
        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)probe.LocalEndPoint!).Port;
    }
}
